import Foundation

/// Hands out a recording's replies, each queue in the recorded order, and keeps count of what was played, what is
/// on its way and who asked for more than the recording holds.
public actor ReplayFeed {
    private var queues: [ReplayTimeline.Key: ArraySlice<ReplayTimeline.Exchange>]
    /// Replies handed out to calls that have not returned yet, with when each is due.
    private var waiting: [Int: Duration] = [:]
    /// The last reply delivered per queue.
    private var lastReply: [ReplayTimeline.Key: ReplayTimeline.Exchange] = [:]
    /// Per order, the recorded arrival of the latest order reply delivered: a tracker changes its polls only on
    /// an order reply, so this is the moment a cancelled poll was cancelled at, on the recording's line.
    private var orderHeard: [String: Duration] = [:]
    public private(set) var played = 0
    public let total: Int
    /// Queues asked for after their last reply.
    public private(set) var exhausted: Set<ReplayTimeline.Key> = []

    public init(_ timeline: ReplayTimeline) {
        queues = Dictionary(grouping: timeline.exchanges, by: \.key).mapValues { ArraySlice($0) }
        total = timeline.exchanges.count
    }

    /// Replies handed out and not yet returned to their calls.
    public var inFlight: Int { waiting.count }

    /// Replies whose moment has come by `now` but which have not reached their calls yet.
    public func due(at now: Duration) -> Int { waiting.values.filter { $0 <= now }.count }

    /// The next reply for `key`, or nil when the recording holds no more of them. Replies that repeat the one before
    /// and are already overtaken by a newer one due at `now` are passed over: after a jump the trackers catch up at
    /// once, and no change is ever skipped.
    func next(_ key: ReplayTimeline.Key, now: Duration) -> ReplayTimeline.Exchange? {
        guard var exchange = queues[key]?.popFirst() else {
            exhausted.insert(key)
            return nil
        }
        played += 1
        while let following = queues[key]?.first, following.at <= now, let last = lastReply[key], exchange.sameReply(as: last) {
            exchange = following
            queues[key]?.removeFirst()
            played += 1
        }
        waiting[exchange.index] = exchange.at
        return exchange
    }

    /// A reply handed out by `next` has reached its call.
    func delivered(_ exchange: ReplayTimeline.Exchange) {
        waiting[exchange.index] = nil
        lastReply[exchange.key] = exchange
        if exchange.key.endpoint == ConnectEndpoints.order, let orderID = exchange.key.orderID {
            orderHeard[orderID] = max(orderHeard[orderID] ?? .zero, exchange.at)
        }
    }

    /// A call was cancelled before its reply came: its tracker restarted or stopped that poll, because of an order
    /// reply it heard. When the recorded request went out after that reply, the recording's tracker made it only
    /// later, so the reply goes back to the front of its queue for the next call. When it went out before, the
    /// recording's call was in flight and cancelled too, and its reply went unheard there as it does here.
    func cancelled(_ exchange: ReplayTimeline.Exchange) {
        waiting[exchange.index] = nil
        guard exchange.sentAt > exchange.key.orderID.flatMap({ orderHeard[$0] }) ?? .zero else { return }
        played -= 1
        queues[exchange.key, default: []].insert(exchange, at: queues[exchange.key]?.startIndex ?? 0)
    }

    /// Replies still in the recording for the orders' queues.
    public var remaining: Int { queues.values.reduce(0) { $0 + $1.count } }
}
