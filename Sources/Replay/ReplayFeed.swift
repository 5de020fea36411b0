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
    /// Replies that reached their calls, all told.
    public private(set) var deliveredCount = 0
    public let total: Int
    /// Queues asked for after their last reply.
    public private(set) var exhausted: Set<ReplayTimeline.Key> = []
    /// Per order, how many replies unlike the one before them in their queue have been delivered: the changes heard.
    private var changesHeard: [String: Int] = [:]
    /// Per queue run out, the count of changes heard when its last reply was last given again, and how often since.
    private var repeatedAt: [ReplayTimeline.Key: (changes: Int, times: Int)] = [:]
    /// How often a run-out queue's last reply is given again per change heard.
    static let repeatsPerChange = 2

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

    /// For a queue that has run out: its last reply delivered, a few times per change heard for its order; nil
    /// otherwise. A tracker that lags the replay's clock can take a queue's last replies with polls before it hears the
    /// change that, in the recording, made it fetch them (an order's final items and chat): the fetch that change
    /// causes (and the one that replaces it, when the tracker hears the change only after the fetch was answered) gets
    /// the same reply again instead of waiting for the end of a recording that holds nothing more for it. Only a few
    /// times per change, so a poll of a run-out queue then waits, as a poll of a silent server would, not spinning.
    func repeatLast(_ key: ReplayTimeline.Key) -> ReplayTimeline.Exchange? {
        let changes = changesHeard[key.orderID ?? "", default: 0]
        var repeats = repeatedAt[key] ?? (changes, 0)
        if repeats.changes != changes { repeats = (changes, 0) }
        guard let last = lastReply[key], repeats.times < Self.repeatsPerChange else { return nil }
        repeatedAt[key] = (changes, repeats.times + 1)
        return last
    }

    /// A reply handed out by `next` has reached its call.
    func delivered(_ exchange: ReplayTimeline.Exchange) {
        waiting[exchange.index] = nil
        deliveredCount += 1
        if lastReply[exchange.key].map({ !exchange.sameReply(as: $0) }) ?? true { changesHeard[exchange.key.orderID ?? "", default: 0] += 1 }
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
}
