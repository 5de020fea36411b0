/// An injected clock seen as time elapsed since this value was made, and sleeping until a point on that line.
/// Deadlines stored as plain durations work with any `Clock<Duration>` (an existential's instants cannot be kept),
/// keep a timeline from drifting with HTTP latency, and let a test clock be advanced before a sleep is
/// registered without losing the wake-up.
public struct ElapsedClock: Sendable {
    /// Time since this value was made.
    public let now: @Sendable () -> Duration
    /// Sleeps until `deadline` on the elapsed line; returns at once when it has passed. Throws when cancelled.
    public let sleepUntil: @Sendable (Duration) async throws -> Void

    public init(_ clock: any Clock<Duration>) {
        self.init(opened: clock)
    }

    private init<C: Clock<Duration>>(opened clock: C) {
        let origin = clock.now
        now = { origin.duration(to: clock.now) }
        sleepUntil = { deadline in
            let instant = origin.advanced(by: deadline)
            // Some test clocks park a sleep whose deadline is exactly now; nothing is left to wait for.
            guard clock.now < instant else { return }
            try await clock.sleep(until: instant, tolerance: nil)
        }
    }
}
