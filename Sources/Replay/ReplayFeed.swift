import Foundation

/// Hands out a recording's replies, each queue in the recorded order, and keeps count of what was played, what is
/// being delivered and who asked for more than the recording holds.
public actor ReplayFeed {
    private var queues: [ReplayTimeline.Key: ArraySlice<ReplayTimeline.Exchange>]
    /// Replies handed out whose call has not returned yet.
    public private(set) var inFlight = 0
    public private(set) var played = 0
    public let total: Int
    /// Queues asked for after their last reply.
    public private(set) var exhausted: Set<ReplayTimeline.Key> = []

    public init(_ timeline: ReplayTimeline) {
        queues = Dictionary(grouping: timeline.exchanges, by: \.key).mapValues { ArraySlice($0) }
        total = timeline.exchanges.count
    }

    /// The last reply handed out per queue.
    private var lastReply: [ReplayTimeline.Key: ReplayTimeline.Exchange] = [:]

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
        inFlight += 1
        return exchange
    }

    /// A reply handed out by `next` has reached its caller.
    func delivered(_ exchange: ReplayTimeline.Exchange) {
        inFlight -= 1
        lastReply[exchange.key] = exchange
    }

    /// A call was cancelled before its reply was due (its tracker restarted or stopped that poll) at `now`. When the
    /// recorded request had not gone out yet by then, the recording's tracker never made it at that point: the reply
    /// goes back to the front of its queue for the next call. When it had gone out, the recording's call was in
    /// flight and cancelled too, and its reply went unheard there as it does here.
    func cancelled(_ exchange: ReplayTimeline.Exchange, at now: Duration) {
        inFlight -= 1
        guard exchange.sentAt > now else { return }
        played -= 1
        queues[exchange.key, default: []].insert(exchange, at: queues[exchange.key]?.startIndex ?? 0)
    }

    /// Replies still in the recording for the orders' queues.
    public var remaining: Int { queues.values.reduce(0) { $0 + $1.count } }
}
