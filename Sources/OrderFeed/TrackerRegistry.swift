import Foundation
import OrderTracking

/// The local order feed: one `OrderTracker` per order, polling Connect itself, and the tasks that carry their
/// events to the sink. Orders added while the board runs (`o`) start and feed like the first ones.
public final class TrackerRegistry: OrderFeedSource, @unchecked Sendable {
    /// Makes the tracker of an order; the CLI wires the client, the token broker and the request budget.
    public typealias Factory = @Sendable (OrderRef) -> OrderTracker

    // Everything below is read and written under `lock`: the runtime adds orders from background work.
    private let lock = NSLock()
    private let factory: Factory
    private var trackers: [String: OrderTracker] = [:]
    private var refsByID: [String: OrderRef] = [:]
    private var feeds: [Task<Void, Never>] = []
    private var sink: (@Sendable (String, StampedEvent) -> Void)?

    public init(factory: @escaping Factory) { self.factory = factory }

    /// The tracker of an order on the board.
    public func tracker(_ orderID: String) -> OrderTracker? { lock.withLock { trackers[orderID] } }

    /// The order as it was added, with its user, for output that names both.
    public func ref(_ orderID: String) -> OrderRef? { lock.withLock { refsByID[orderID] } }

    /// Every tracker, for `stop`.
    public var all: [OrderTracker] { lock.withLock { Array(trackers.values) } }

    public func channel(_ orderID: String) -> (any OrderChannel)? { tracker(orderID) }

    public var refs: [OrderRef] { lock.withLock { Array(refsByID.values) } }

    /// Adds orders not on the board yet and starts their trackers; returns the ones added.
    @discardableResult
    public func add(_ refs: [OrderRef]) async -> [OrderRef] {
        var added: [(OrderRef, OrderTracker)] = []
        lock.withLock {
            for ref in refs where trackers[ref.orderID] == nil {
                let tracker = factory(ref)
                trackers[ref.orderID] = tracker
                refsByID[ref.orderID] = ref
                added.append((ref, tracker))
                if let sink { feeds.append(Self.feed(tracker, ref.orderID, sink)) }
            }
        }
        for (_, tracker) in added { await tracker.start() }
        return added.map(\.0)
    }

    /// From now on every tracker's events go to `sink`, tagged with the order id, each with the time it happened.
    public func connect(_ sink: @escaping @Sendable (String, StampedEvent) -> Void) {
        lock.withLock {
            self.sink = sink
            for (orderID, tracker) in trackers { feeds.append(Self.feed(tracker, orderID, sink)) }
        }
    }

    /// Stops every tracker and waits for the feeds to end.
    public func stopAll() async {
        let (all, feeds) = lock.withLock { (Array(trackers.values), self.feeds) }
        for tracker in all { await tracker.stop() }
        for feed in feeds { await feed.value }
    }

    private static func feed(_ tracker: OrderTracker, _ orderID: String,
                             _ sink: @escaping @Sendable (String, StampedEvent) -> Void) -> Task<Void, Never> {
        Task.detached { for await stamped in tracker.events.stamped { sink(orderID, stamped) } }
    }
}
