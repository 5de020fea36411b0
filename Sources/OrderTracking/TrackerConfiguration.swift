import Foundation

/// Cadences and retry policy of a tracker.
public struct TrackerConfiguration: Sendable {
    /// How often active endpoints are polled once a shopper is assigned.
    public var normalInterval: Duration
    /// How often the order is polled while it waits for a shopper, and how often a forbidden or missing order is retried.
    public var slowInterval: Duration
    /// Retry policy for transient failures.
    public var backoff: Backoff
    /// Seeds the jitter, for repeatable tests.
    public var seed: UInt64
    /// How far the server's clock may be behind ours when matching a resent message.
    public var clockSkewTolerance: TimeInterval
    /// Retry policy for chat messages: a person is waiting, so the ceiling is a few seconds.
    public var sendBackoff: Backoff

    public init(normalInterval: Duration = .seconds(5), slowInterval: Duration = .seconds(30), backoff: Backoff = Backoff(),
                sendBackoff: Backoff = Backoff(initial: .seconds(1), ceiling: .seconds(4)),
                seed: UInt64 = UInt64.random(in: 0...UInt64.max), clockSkewTolerance: TimeInterval = 30) {
        self.normalInterval = normalInterval
        self.slowInterval = slowInterval
        self.backoff = backoff
        self.sendBackoff = sendBackoff
        self.seed = seed
        self.clockSkewTolerance = clockSkewTolerance
    }

    /// What a failure leads to, under these cadences.
    public var failurePolicy: FailurePolicy { FailurePolicy(self) }

    /// How often an endpoint polled at `cadence` is fetched.
    func interval(_ cadence: PollMode.Cadence) -> Duration {
        cadence == .slow ? slowInterval : normalInterval
    }
}

/// Why a tracker refused a request locally.
public struct TrackerRefusal: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
    public var errorDescription: String? { reason }
}
