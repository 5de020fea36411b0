/// The shopper's view of its injected clock: time since it was made, and sleeping until a point on that line.
/// Absolute deadlines keep the timeline from drifting with HTTP latency, and let a test clock be advanced
/// before the sleep is registered without losing the wake-up.
struct ScriptedShopperClock: Sendable {
    let now: @Sendable () -> Duration
    let sleepUntil: @Sendable (Duration) async throws -> Void

    init(_ clock: any Clock<Duration>) {
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
