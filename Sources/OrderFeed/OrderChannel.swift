import ConnectModels
import OrderTracking

/// What a person can ask of an order from a screen. Each maps to one Connect call or to the outbox.
public enum OrderAction: Hashable, Sendable {
    /// Queue a chat message to the shopper (the outbox sends it, retrying as the rules allow).
    case sendChat(String)
    case approveReplacement(lineItemID: String)
    case rejectReplacement(lineItemID: String)
    /// Mark every unread shopper message read.
    case markChatRead
    /// Queue failed chat messages again.
    case retryFailedMessages
    /// Ask every running endpoint again now, first taking `token` when one is given (a token file read again).
    case refreshNow(token: BearerToken?)
}

/// One order as a screen reads it: its news, and the actions a person takes on it. The seam between the screens and
/// where orders come from: a local `OrderTracker` is one implementation; a hub client over HTTP is another.
public protocol OrderChannel: Sendable {
    /// The order's news with the time each happened, for one reader, ending when the channel stops.
    var news: AsyncStream<StampedEvent> { get }
    /// Starts following the order; the news begins.
    func start() async
    /// Stops following it; the news ends.
    func stop() async
    /// Carries out an action; throws what the server or the rules refused.
    func perform(_ action: OrderAction) async throws
}

/// Many orders behind one seam, for the board: orders come and go, and every order's news arrives tagged with its id.
public protocol OrderFeedSource: Sendable {
    /// Follows orders not followed yet; returns those that were added.
    @discardableResult
    func add(_ refs: [OrderRef]) async -> [OrderRef]
    /// An order's channel, for actions and drill-in.
    func channel(_ orderID: String) -> (any OrderChannel)?
    /// The order as it was added, with its user.
    func ref(_ orderID: String) -> OrderRef?
    /// Every followed order.
    var refs: [OrderRef] { get }
    /// From now on every order's news goes to `sink`, tagged with its order id.
    func connect(_ sink: @escaping @Sendable (String, StampedEvent) -> Void)
    /// Stops every order and waits until their news has ended.
    func stopAll() async
}

extension OrderTracker: OrderChannel {
    public nonisolated var news: AsyncStream<StampedEvent> { events.stamped }

    public func perform(_ action: OrderAction) async throws {
        switch action {
        case .sendChat(let body): _ = try send(body)
        case .approveReplacement(let id): try await approve(lineItemID: id)
        case .rejectReplacement(let id): try await reject(lineItemID: id)
        case .markChatRead: await markRead()
        case .retryFailedMessages: _ = retryFailed()
        case .refreshNow(let token):
            if let token { updateToken(token) }
            refreshNow()
        }
    }
}
