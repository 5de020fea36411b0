import ConnectModels
import OrderTracking

/// Cleans every string of a tracker event once, where it enters the state, so no pane has to.
enum TrackerEventSanitizer {
    static func clean(_ s: String) -> String { Text.sanitize(s) }
    static func cleanMultiline(_ s: String) -> String { Text.sanitize(s, keepNewlines: true) }
    static func clean(_ s: String?) -> String? { s.map { clean($0) } }
    static func clean(_ id: FlexibleID) -> FlexibleID { FlexibleID(clean(id.value)) }
    static func clean(_ id: FlexibleID?) -> FlexibleID? { id.map { clean($0) } }

    static func clean<E: TolerantEnum>(_ value: E) -> E {
        value.isKnown ? value : E.unknown(clean(value.rawValue))
    }

    static func clean(_ order: Order) -> Order {
        var o = order
        o.id = clean(o.id)
        o.workflowState = clean(o.workflowState)
        o.fulfillmentType = clean(o.fulfillmentType)
        o.pickupCategory = clean(o.pickupCategory)
        return o
    }

    static func clean(_ item: OrderItem) -> OrderItem {
        var i = item
        i.name = clean(i.name)
        i.quantity = FlexibleNumber(clean(i.quantity.text))
        i.costUnit = clean(i.costUnit)
        i.imageURL = clean(i.imageURL)
        return i
    }

    static func clean(_ line: LineItem) -> LineItem {
        var l = line
        l.id = clean(l.id)
        l.status = clean(l.status)
        l.replacementStatus = l.replacementStatus.map { clean($0) }
        l.item = clean(l.item)
        l.replacement = l.replacement.map { clean($0) }
        return l
    }

    static func clean(_ handling: Handling) -> Handling {
        var h = handling
        if var a = h.address {
            a.addressLine1 = clean(a.addressLine1)
            a.addressLine2 = clean(a.addressLine2)
            a.locality = clean(a.locality)
            a.administrativeArea = clean(a.administrativeArea)
            a.postalCode = clean(a.postalCode)
            a.countryCode = clean(a.countryCode)
            h.address = a
        }
        h.notes = h.notes.map { cleanMultiline($0) }
        h.instructions = h.instructions.map { cleanMultiline($0) }
        h.dropoffLocation = clean(h.dropoffLocation)
        h.shopper = clean(h.shopper)
        return h
    }

    static func clean(_ p: ChatParticipant) -> ChatParticipant {
        var c = p
        c.id = clean(c.id)
        c.displayName = clean(c.displayName)
        c.avatarURL = clean(c.avatarURL)
        return c
    }

    static func clean(_ conversation: ChatConversation) -> ChatConversation {
        var c = conversation
        c.chatMessages = c.chatMessages.map { m in
            var m = m
            m.id = clean(m.id)
            m.senderID = clean(m.senderID)
            m.recipientID = clean(m.recipientID)
            m.orderID = clean(m.orderID)
            m.senderType = clean(m.senderType)
            m.recipientType = clean(m.recipientType)
            m.body = cleanMultiline(m.body)
            m.image = clean(m.image)
            return m
        }
        if var meta = c.metadata {
            meta.customer = meta.customer.map { clean($0) }
            meta.currentShopper = meta.currentShopper.map { clean($0) }
            meta.shoppers = meta.shoppers.map { clean($0) }
            c.metadata = meta
        }
        return c
    }

    static func clean(_ message: OutboxMessage) -> OutboxMessage {
        var m = message
        m.body = cleanMultiline(m.body)
        switch m.state {
        case .failed(let reason): m.state = .failed(reason: clean(reason))
        case .sent(let remoteID): m.state = .sent(remoteID: clean(remoteID))
        case .queued, .sending: break
        }
        return m
    }

    static func clean(_ status: ConnectionStatus) -> ConnectionStatus {
        switch status {
        case .retrying(let after, let reason): .retrying(after: after, reason: clean(reason))
        case .forbidden(let message): .forbidden(clean(message))
        case .badReply(let message): .badReply(clean(message))
        default: status
        }
    }
}
