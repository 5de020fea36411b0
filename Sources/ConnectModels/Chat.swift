import Foundation

/// Who sent or receives a chat message.
public enum ChatParty: TolerantEnum {
    case user, driver, none
    case unknown(String)

    public static let spellings: [(ChatParty, String)] = [
        (.user, "user"), (.driver, "driver"), (.none, ""),
    ]
}

/// One message of the shopper-customer conversation.
public struct ChatMessage: Codable, Hashable, Sendable, Identifiable {
    public var id: FlexibleID
    public var orderID: FlexibleID?
    public var createdAt: Date?
    public var recipientID: FlexibleID?
    public var recipientType: ChatParty
    public var senderID: FlexibleID?
    public var senderType: ChatParty
    public var read: Bool
    public var readAt: Date?
    public var body: String
    public var image: String?

    enum CodingKeys: String, CodingKey {
        case id, read, body, image, orderID = "order_id", createdAt = "created_at", recipientID = "recipient_id"
        case recipientType = "recipient_type", senderID = "sender_id", senderType = "sender_type", readAt = "read_at"
    }

    public init(id: FlexibleID, orderID: FlexibleID? = nil, createdAt: Date? = nil, recipientID: FlexibleID? = nil,
                recipientType: ChatParty = .none, senderID: FlexibleID? = nil, senderType: ChatParty = .none,
                read: Bool = false, readAt: Date? = nil, body: String, image: String? = nil) {
        self.id = id
        self.orderID = orderID
        self.createdAt = createdAt
        self.recipientID = recipientID
        self.recipientType = recipientType
        self.senderID = senderID
        self.senderType = senderType
        self.read = read
        self.readAt = readAt
        self.body = body
        self.image = image
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(FlexibleID.self, forKey: .id)
        orderID = try c.decodeIfPresent(FlexibleID.self, forKey: .orderID)
        createdAt = try c.decodeIfPresent(Date.self, forKey: .createdAt)
        recipientID = try Self.emptyAsNil(c, .recipientID)
        recipientType = try c.decodeIfPresent(ChatParty.self, forKey: .recipientType) ?? .none
        senderID = try Self.emptyAsNil(c, .senderID)
        senderType = try c.decodeIfPresent(ChatParty.self, forKey: .senderType) ?? .none
        read = try c.lenientBool(forKey: .read)
        readAt = try? c.decodeIfPresent(Date.self, forKey: .readAt)
        body = try c.decodeIfPresent(String.self, forKey: .body) ?? ""
        image = try c.decodeIfPresent(String.self, forKey: .image)
    }

    private static func emptyAsNil(_ c: KeyedDecodingContainer<CodingKeys>, _ key: CodingKeys) throws -> FlexibleID? {
        guard let id = try c.decodeIfPresent(FlexibleID.self, forKey: key), !id.value.isEmpty else { return nil }
        return id
    }
}

/// A person in the conversation, with the name to show.
public struct ChatParticipant: Codable, Hashable, Sendable {
    public var id: FlexibleID
    public var displayName: String
    public var avatarURL: String?

    enum CodingKeys: String, CodingKey { case id, displayName = "display_name", avatarURL = "avatar_url" }

    public init(id: FlexibleID, displayName: String, avatarURL: String? = nil) {
        self.id = id
        self.displayName = displayName
        self.avatarURL = avatarURL
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(FlexibleID.self, forKey: .id)
        displayName = try c.decodeIfPresent(String.self, forKey: .displayName) ?? ""
        avatarURL = try c.decodeIfPresent(String.self, forKey: .avatarURL)
    }
}

/// Who is in the conversation.
public struct ChatMetadata: Codable, Hashable, Sendable {
    public var customer: ChatParticipant?
    public var currentShopper: ChatParticipant?
    public var shoppers: [ChatParticipant]

    enum CodingKeys: String, CodingKey { case customer, shoppers, currentShopper = "current_shopper" }

    public init(customer: ChatParticipant? = nil, currentShopper: ChatParticipant? = nil, shoppers: [ChatParticipant] = []) {
        self.customer = customer
        self.currentShopper = currentShopper
        self.shoppers = shoppers
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        customer = try c.decodeIfPresent(ChatParticipant.self, forKey: .customer)
        currentShopper = try c.decodeIfPresent(ChatParticipant.self, forKey: .currentShopper)
        shoppers = try c.decodeIfPresent([ChatParticipant].self, forKey: .shoppers) ?? []
    }
}

/// The reply of `GET /v2/post_checkout/chat/{order_id}/messages`: the whole conversation.
public struct ChatConversation: Codable, Hashable, Sendable {
    public var chatMessages: [ChatMessage]
    public var metadata: ChatMetadata?
    public var isExpired: Bool

    enum CodingKeys: String, CodingKey { case metadata, chatMessages = "chat_messages", isExpired = "is_expired" }

    public init(chatMessages: [ChatMessage], metadata: ChatMetadata? = nil, isExpired: Bool = false) {
        self.chatMessages = chatMessages
        self.metadata = metadata
        self.isExpired = isExpired
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        chatMessages = try c.decodeIfPresent([ChatMessage].self, forKey: .chatMessages) ?? []
        metadata = try c.decodeIfPresent(ChatMetadata.self, forKey: .metadata)
        isExpired = try c.lenientBool(forKey: .isExpired)
    }

    /// The display name for a sender, from the metadata; falls back to the party's role.
    public func displayName(for message: ChatMessage) -> String {
        if let id = message.senderID {
            if let customer = metadata?.customer, customer.id == id { return customer.displayName }
            if let shopper = metadata?.shoppers.first(where: { $0.id == id }) { return shopper.displayName }
            if let shopper = metadata?.currentShopper, shopper.id == id { return shopper.displayName }
        }
        switch message.senderType {
        case .user: return metadata?.customer?.displayName ?? "You"
        case .driver: return metadata?.currentShopper?.displayName ?? metadata?.shoppers.first?.displayName ?? "Shopper"
        default: return "?"
        }
    }
}

/// The body of a customer's chat message.
public struct SendChatMessageRequest: Codable, Hashable, Sendable {
    /// The longest body the chat service accepts.
    public static let maximumLength = 1000

    /// A body's length as the limit counts it: in Unicode scalars, the stricter reading of
    /// "characters", so nothing accepted here can be refused by the server as too long.
    public static func length(of body: String) -> Int { body.unicodeScalars.count }

    public var body: String
    public var imageURL: String?

    enum CodingKeys: String, CodingKey { case body, imageURL = "image_url" }

    public init(body: String, imageURL: String? = nil) {
        self.body = body
        self.imageURL = imageURL
    }
}

/// The reply to a sent chat message.
public struct SendChatMessageResponse: Codable, Hashable, Sendable {
    public var id: FlexibleID
    public var type: String?
    public var createdAt: Date?
    public var timezone: String?

    enum CodingKeys: String, CodingKey { case id, type, timezone, createdAt = "created_at" }

    public init(id: FlexibleID, type: String? = "CHAT", createdAt: Date? = nil, timezone: String? = nil) {
        self.id = id
        self.type = type
        self.createdAt = createdAt
        self.timezone = timezone
    }
}

/// The reply of the mark-read PUT.
public struct MarkReadResponse: Codable, Hashable, Sendable {
    public var messagesReadCount: Int
    enum CodingKeys: String, CodingKey { case messagesReadCount = "messages_read_count" }

    public init(messagesReadCount: Int) { self.messagesReadCount = messagesReadCount }
}
