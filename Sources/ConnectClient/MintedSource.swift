import ConnectModels

/// One user's post-checkout calls with a token from the broker: each call asks for the current token, and a
/// 401 from the server invalidates it and retries once with a fresh one (a 401 means nothing was done, so
/// even a chat send is safe to repeat).
public struct MintedSource<Base: OrderDataSource>: OrderDataSource {
    public let base: Base
    public let broker: TokenBroker
    public let userID: String

    public init(base: Base, broker: TokenBroker, userID: String) {
        (self.base, self.broker, self.userID) = (base, broker, userID)
    }

    /// The broker's token always wins, so a token handed in is ignored: the same source comes back.
    public func with(token: BearerToken?) -> MintedSource<Base> { self }

    public func order(_ orderID: String) async throws -> Order {
        try await call { try await $0.order(orderID) }
    }

    public func items(orderID: String) async throws -> [LineItem] {
        try await call { try await $0.items(orderID: orderID) }
    }

    public func handling(orderID: String) async throws -> Handling {
        try await call { try await $0.handling(orderID: orderID) }
    }

    public func location(orderID: String) async throws -> ShopperLocation {
        try await call { try await $0.location(orderID: orderID) }
    }

    public func chatMessages(orderID: String) async throws -> ChatConversation {
        try await call { try await $0.chatMessages(orderID: orderID) }
    }

    public func sendChatMessage(orderID: String, body: String, imageURL: String?) async throws -> SendChatMessageResponse {
        try await call { try await $0.sendChatMessage(orderID: orderID, body: body, imageURL: imageURL) }
    }

    public func markChatRead(orderID: String) async throws -> MarkReadResponse {
        try await call { try await $0.markChatRead(orderID: orderID) }
    }

    public func decideReplacement(orderID: String, lineItemID: String, decision: ReplacementDecision) async throws {
        try await call { try await $0.decideReplacement(orderID: orderID, lineItemID: lineItemID, decision: decision) }
    }

    /// Runs `request` with the user's token; on a 401, once more with a fresh one. A refusal from the token
    /// endpoint becomes `ConnectError.invalidRequest` with the broker's one-line message, because a tracker
    /// stops on that (asking again with the same credentials gets the same answer) and shows the words.
    private func call<T: Sendable>(_ request: @Sendable (Base) async throws -> T) async throws -> T {
        let token = try await currentToken()
        do {
            return try await request(base.with(token: token))
        } catch let error as ConnectError where error.status == 401 {
            await broker.invalidate(user: userID, rejected: token)
            return try await request(base.with(token: try await currentToken()))
        }
    }

    private func currentToken() async throws -> BearerToken {
        do {
            return try await broker.token(for: userID)
        } catch let error as TokenBrokerError {
            throw ConnectError.invalidRequest(error.description)
        }
    }
}
