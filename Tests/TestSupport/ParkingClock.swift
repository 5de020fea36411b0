import Clocks
import Foundation

/// A TestClock that knows which sleepers are parked on a future deadline, so a test can wait until every
/// task of the code under test is asleep (and nothing is left to run) before it moves time on.
public struct ParkingClock: Clock, Sendable {
    public typealias Instant = TestClock<Duration>.Instant
    public typealias Duration = Swift.Duration

    /// The sleepers, by a number each, with their deadlines.
    final class Sleepers: @unchecked Sendable {
        // Read and written under `lock`, from the sleeping tasks and the test.
        private let lock = NSLock()
        private var next = 0
        private var deadlines: [Int: Instant] = [:]

        func add(_ deadline: Instant) -> Int {
            lock.lock()
            defer { lock.unlock() }
            next += 1
            deadlines[next] = deadline
            return next
        }

        func remove(_ id: Int) {
            lock.lock()
            deadlines[id] = nil
            lock.unlock()
        }

        func parked(after now: Instant) -> Int {
            lock.lock()
            defer { lock.unlock() }
            return deadlines.values.filter { $0 > now }.count
        }
    }

    public let base = TestClock<Duration>()
    let sleepers = Sleepers()

    public init() {}

    public var now: Instant { base.now }
    public var minimumResolution: Duration { base.minimumResolution }

    public func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        let id = sleepers.add(deadline)
        defer { sleepers.remove(id) }
        try await base.sleep(until: deadline, tolerance: tolerance)
    }

    /// How many sleepers wait for a deadline still to come; a woken one no longer counts, even before it runs.
    public var parkedSleepers: Int { sleepers.parked(after: base.now) }

    /// Moves time on; sleepers whose deadline has come wake.
    public func advance(by duration: Duration) async { await base.advance(by: duration) }
}
