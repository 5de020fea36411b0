import ConnectModels
import Foundation

extension SandboxStore {
    /// The whole conversation; empty and expired 24 h after delivery.
    func conversation(orderID: String, user: String?) throws -> ChatConversation {
        let order = try user.map { try ownedOrder(orderID, user: $0) } ?? anyOrder(orderID)
        let metadata = ChatMetadata(
            customer: ChatParticipant(id: FlexibleID(order.customerID), displayName: order.customerName),
            currentShopper: order.shopperID.flatMap(participant(shopper:)),
            shoppers: order.shopperHistory.compactMap(participant(shopper:)))
        if let delivered = order.deliveredAt, now().timeIntervalSince(delivered) > Self.chatRetention {
            return ChatConversation(chatMessages: [], metadata: metadata, isExpired: true)
        }
        return ChatConversation(chatMessages: order.messages, metadata: metadata, isExpired: false)
    }

    /// `POST /v2/post_checkout/chat/{id}/messages`: the customer writes to the shopper.
    func customerSends(orderID: String, user: String, body: String?, imageURL: String?) throws -> SendChatMessageResponse {
        var order = try ownedOrder(orderID, user: user)
        let text = body ?? ""
        let image = imageURL ?? ""
        if SendChatMessageRequest.length(of: text) > SendChatMessageRequest.maximumLength {
            throw SandboxError.badRequest("Body is too long (maximum is 1000 characters)", key: "body")
        }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && image.isEmpty {
            throw SandboxError.badRequest("Body can't be blank", key: "body")
        }
        guard ChatWindow(type: order.fulfillmentType, state: order.state).isOpen, let shopper = order.shopperID else {
            throw SandboxError.forbidden("Sending a message is not allowed at this time")
        }
        let message = ChatMessage(id: FlexibleID(makeMessageID()), orderID: FlexibleID(order.id), createdAt: now(),
                                  recipientID: FlexibleID(shopper), recipientType: .driver,
                                  senderID: FlexibleID(order.customerID), senderType: .user, read: false,
                                  body: text, image: image.isEmpty ? nil : image)
        order.messages.append(message)
        orders[orderID] = order
        return SendChatMessageResponse(id: message.id, type: "CHAT", createdAt: message.createdAt, timezone: "America/Chicago")
    }

    /// `PUT /v2/post_checkout/chat/{id}/messages`: marks every unread shopper message read.
    func markRead(orderID: String, user: String) throws -> MarkReadResponse {
        var order = try ownedOrder(orderID, user: user)
        var count = 0
        let time = now()
        for index in order.messages.indices where order.messages[index].senderType == .driver && !order.messages[index].read {
            order.messages[index].read = true
            order.messages[index].readAt = time
            count += 1
        }
        orders[orderID] = order
        return MarkReadResponse(messagesReadCount: count)
    }

    /// Simulator: the assigned shopper writes to the customer.
    func shopperSays(orderID: String, body: String) throws -> SendChatMessageResponse {
        var order = try anyOrder(orderID)
        if SendChatMessageRequest.length(of: body) > SendChatMessageRequest.maximumLength {
            throw SandboxError.badRequest("Body is too long (maximum is 1000 characters)", key: "body")
        }
        if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw SandboxError.badRequest("Body can't be blank", key: "body")
        }
        guard let shopper = order.shopperID else {
            throw SandboxError.forbidden("No shopper is assigned to this order yet: create a batch first")
        }
        guard order.state != .canceled else { throw SandboxError.forbidden("Sending a message is not allowed at this time") }
        let message = ChatMessage(id: FlexibleID(makeMessageID()), orderID: FlexibleID(order.id), createdAt: now(),
                                  recipientID: FlexibleID(order.customerID), recipientType: .user,
                                  senderID: FlexibleID(shopper), senderType: .driver, read: false, body: body)
        order.messages.append(message)
        orders[orderID] = order
        return SendChatMessageResponse(id: message.id, type: "CHAT", createdAt: message.createdAt, timezone: "America/Chicago")
    }
}
