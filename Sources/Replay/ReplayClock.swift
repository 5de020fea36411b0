import Foundation

/// The replay's clock: time on the recording's line, moved on only by `advance(to:)`, so the player decides how
/// fast recorded time passes (the speed), when it stands still (pause) and when it jumps (the next change).
/// The trackers sleep on it as they sleep on a real clock while watching a live order.
public final class ReplayClock: Clock, @unchecked Sendable {
    /// A point on the recording's line: time since the recording started.
    public struct Instant: InstantProtocol, Hashable, Sendable {
        public var offset: Duration
        public init(offset: Duration) { self.offset = offset }
        public func advanced(by duration: Duration) -> Instant { Instant(offset: offset + duration) }
        public func duration(to other: Instant) -> Duration { other.offset - offset }
        public static func < (lhs: Instant, rhs: Instant) -> Bool { lhs.offset < rhs.offset }
    }

    // Everything below is read and written under `lock`, from the sleeping tasks and the player.
    private let lock = NSLock()
    private var current: Instant
    private var sleepers: [Int: (deadline: Instant, continuation: CheckedContinuation<Void, any Error>)] = [:]
    private var nextID = 0
    /// Sleepers cancelled before they were parked: they must not park.
    private var cancelled: Set<Int> = []

    public init(at offset: Duration = .zero) { current = Instant(offset: offset) }

    public var now: Instant { lock.withLock { current } }
    public var minimumResolution: Duration { .zero }

    public func sleep(until deadline: Instant, tolerance: Duration?) async throws {
        try Task.checkCancellation()
        let id: Int? = lock.withLock {
            guard deadline > current else { return nil }
            nextID += 1
            return nextID
        }
        guard let id else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                enum Outcome { case parked, due, cancelled }
                let outcome: Outcome = lock.withLock {
                    if cancelled.remove(id) != nil { return .cancelled }
                    // Time may have moved while the continuation was being made.
                    if deadline <= current { return .due }
                    sleepers[id] = (deadline, continuation)
                    return .parked
                }
                switch outcome {
                case .parked: break
                case .due: continuation.resume()
                case .cancelled: continuation.resume(throwing: CancellationError())
                }
            }
        } onCancel: {
            let sleeper: CheckedContinuation<Void, any Error>? = lock.withLock {
                guard let parked = sleepers.removeValue(forKey: id) else {
                    cancelled.insert(id)
                    return nil
                }
                return parked.continuation
            }
            sleeper?.resume(throwing: CancellationError())
        }
    }

    /// Moves time on to `instant` (never back) and wakes every sleeper whose deadline has come, earliest first.
    public func advance(to instant: Instant) {
        let due: [CheckedContinuation<Void, any Error>] = lock.withLock {
            guard instant > current else { return [] }
            current = instant
            let woken = sleepers.filter { $0.value.deadline <= instant }.sorted { $0.value.deadline < $1.value.deadline }
            for (id, _) in woken { sleepers[id] = nil }
            return woken.map(\.value.continuation)
        }
        for continuation in due { continuation.resume() }
    }

    /// How many tasks sleep on a deadline still to come.
    public var sleeperCount: Int { lock.withLock { sleepers.count } }
}
