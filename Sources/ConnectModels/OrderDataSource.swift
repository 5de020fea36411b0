/// The post-checkout calls a tracker makes, whatever answers them: `ConnectClient` over HTTP, or a fake in tests.
/// Every failure is thrown as a `ConnectError`.
public protocol OrderDataSource: Sendable {
    /// A copy that sends another token (after a 401, or when a minted token is refreshed).
    func with(token: BearerToken?) -> Self
    func order(_ orderID: String) async throws -> Order
    func items(orderID: String) async throws -> [LineItem]
    func handling(orderID: String) async throws -> Handling
    func location(orderID: String) async throws -> ShopperLocation
    func chatMessages(orderID: String) async throws -> ChatConversation
    func sendChatMessage(orderID: String, body: String, imageURL: String?) async throws -> SendChatMessageResponse
    func markChatRead(orderID: String) async throws -> MarkReadResponse
    func decideReplacement(orderID: String, lineItemID: String, decision: ReplacementDecision) async throws
}
