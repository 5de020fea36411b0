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
        lastReply[key] = exchange
        inFlight += 1
        return exchange
    }

    /// A reply handed out by `next` has reached its caller (or the call was cancelled).
    func delivered() { inFlight -= 1 }

    /// Replies still in the recording for the orders' queues.
    public var remaining: Int { queues.values.reduce(0) { $0 + $1.count } }
}
