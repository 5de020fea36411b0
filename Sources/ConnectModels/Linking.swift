import Foundation

/// The reply of `GET /v2/fulfillment/users/{user_id}/link`.
public struct LinkStatus: Codable, Hashable, Sendable {
    public var instacartplusMember: Bool?
    public var expressMember: Bool?
    public var expiredAt: Date?

    enum CodingKeys: String, CodingKey {
        case instacartplusMember = "instacartplus_member", expressMember = "express_member", expiredAt = "expired_at"
    }

    public init(instacartplusMember: Bool?, expressMember: Bool?, expiredAt: Date?) {
        self.instacartplusMember = instacartplusMember
        self.expressMember = expressMember
        self.expiredAt = expiredAt
    }

    /// Membership as the current or the deprecated field reports it.
    public var isMember: Bool { instacartplusMember ?? expressMember ?? false }
}

/// The body of `POST /v2/fulfillment/users/{user_id}/link`.
public struct LinkRequest: Codable, Hashable, Sendable {
    public var linkingToken: String
    enum CodingKeys: String, CodingKey { case linkingToken = "linking_token" }

    public init(linkingToken: String) { self.linkingToken = linkingToken }
}
