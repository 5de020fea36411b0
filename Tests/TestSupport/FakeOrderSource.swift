import ConnectModels
import Foundation

/// An in-memory `OrderDataSource` for scheduling tests: it answers at once, with no network and no clock,
/// counts every call, and fails the calls a test asks it to. Copies made by `with(token:)` share the order.
public struct FakeOrderSource: OrderDataSource {
    /// The calls the fake answers, for counting and failing them.
    public enum Call: String, Hashable, Sendable, CaseIterable {
        case order, items, handling, location, chat, send, markRead, replacement
    }

    /// The order's state on the fake server; tests change it between clock steps.
    public final class Backend: @unchecked Sendable {
        // Every field is read and written under `lock`: the tracker calls from its own tasks.
        private let lock = NSLock()
        private var _order: Order
        private var _items: [LineItem] = []
        private var _location: Coordinates?
        private var _conversation = ChatConversation(chatMessages: [])
        private var _calls: [Call: Int] = [:]
        private var _failures: [Call: [any Error]] = [:]
        private var _sent: [String] = []
        private var _acceptedTokens: Set<String>

        init(order: Order, acceptedTokens: Set<String>) {
            _order = order
            _acceptedTokens = acceptedTokens
        }

        func locked<T>(_ body: () throws -> T) rethrows -> T {
            lock.lock()
            defer { lock.unlock() }
            return try body()
        }

        /// Moves the order to another state.
        public func setState(_ state: WorkflowState) { locked { _order.workflowState = state } }
        public func setItems(_ items: [LineItem]) { locked { _items = items } }
        public func setLocation(_ coordinates: Coordinates?) { locked { _location = coordinates } }
        public func setConversation(_ conversation: ChatConversation) { locked { _conversation = conversation } }
        /// Tokens the fake accepts from now on; any other gets a 401.
        public func acceptTokens(_ tokens: Set<String>) { locked { _acceptedTokens = tokens } }
        /// The next calls of `call` fail with these errors, one each, in order.
        public func fail(_ call: Call, with errors: [any Error]) { locked { _failures[call, default: []] += errors } }
        /// How many times `call` was made, failed or not.
        public func count(_ call: Call) -> Int { locked { _calls[call] ?? 0 } }
        /// Every call's count.
        public var counts: [Call: Int] { locked { _calls } }
        /// The bodies of the chat messages that reached the fake server, in order.
        public var sentMessages: [String] { locked { _sent } }

        func answer<T>(_ call: Call, token: BearerToken?, _ body: () -> T) throws -> T {
            try locked {
                _calls[call, default: 0] += 1
                if _acceptedTokens.isEmpty == false, !_acceptedTokens.contains(token?.secret ?? "") {
                    throw ConnectError.http(endpoint: call.rawValue, status: 401, body: nil, retryAfter: nil)
                }
                if var queue = _failures[call], !queue.isEmpty {
                    let error = queue.removeFirst()
                    _failures[call] = queue
                    throw error
                }
                return body()
            }
        }

        func order() -> Order { _order }
        func items() -> [LineItem] { _items }
        func location() -> Coordinates? { _location }
        func conversation() -> ChatConversation { _conversation }
        func appendSent(_ body: String) -> String {
            _sent.append(body)
            let id = "sent-\(_sent.count)"
            _conversation.chatMessages.append(ChatMessage(id: FlexibleID(id), senderType: .user, body: body))
            return id
        }
    }

    public let backend: Backend
    public let token: BearerToken?

    /// A fake delivery order in `state`; with `token`, only that token is accepted.
    public init(state: WorkflowState = .brandNew, type: FulfillmentType = .delivery, token: String? = nil) {
        backend = Backend(order: Order(id: FlexibleID("fake-order"), workflowState: state, fulfillmentType: type),
                          acceptedTokens: token.map { [$0] } ?? [])
        self.token = token.map(BearerToken.init)
    }

    private init(backend: Backend, token: BearerToken?) {
        self.backend = backend
        self.token = token
    }

    public func with(token: BearerToken?) -> FakeOrderSource { FakeOrderSource(backend: backend, token: token) }

    public func order(_ orderID: String) async throws -> Order { try backend.answer(.order, token: token) { backend.order() } }
    public func items(orderID: String) async throws -> [LineItem] { try backend.answer(.items, token: token) { backend.items() } }
    public func handling(orderID: String) async throws -> Handling {
        try backend.answer(.handling, token: token) { Handling(address: nil, coordinates: Coordinates(latitude: 38.7, longitude: -89.9)) }
    }
    public func location(orderID: String) async throws -> ShopperLocation {
        try backend.answer(.location, token: token) { ShopperLocation(coordinates: backend.location()) }
    }
    public func chatMessages(orderID: String) async throws -> ChatConversation {
        try backend.answer(.chat, token: token) { backend.conversation() }
    }
    public func sendChatMessage(orderID: String, body: String, imageURL: String?) async throws -> SendChatMessageResponse {
        try backend.answer(.send, token: token) { SendChatMessageResponse(id: FlexibleID(backend.appendSent(body))) }
    }
    public func markChatRead(orderID: String) async throws -> MarkReadResponse {
        try backend.answer(.markRead, token: token) { MarkReadResponse(messagesReadCount: 0) }
    }
    public func decideReplacement(orderID: String, lineItemID: String, decision: ReplacementDecision) async throws {
        try backend.answer(.replacement, token: token) { () }
    }
}
