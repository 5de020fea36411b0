import Foundation

/// How fast the budget may grant, and how long a 429 holds every request. The rule, after TCP's AIMD:
/// - a 429 halves the rate, down to a sixteenth of the maximum; the 429s of requests that were in flight
///   together (within a second of the cut) count as one, so a burst of them does not crush the rate;
/// - every 10 s after the last cut adds a tenth of the maximum back, until the rate is whole again;
/// - a 429 pauses every request for its Retry-After, or, when it has none, 1 s, 2 s, 4 s ... up to 30 s for
///   the cuts since the rate was last whole. A Retry-After longer than 5 minutes is held to 5 minutes, so a
///   wild header cannot freeze the board; the endpoint that got it still honours it in full.
struct BudgetPace {
    let maximum: Double
    /// The rate right after the last cut, and when that was; nil while the rate is whole.
    private var cut: (rate: Double, at: Duration)?
    /// Cuts since the rate was last whole: the backoff's attempt number.
    private var strikes = 0

    static let recoveryStep: Duration = .seconds(10)
    static let recoveryShare = 0.1
    static let floorShare = 1.0 / 16
    static let longestPause: Duration = .seconds(300)
    static let backoff = Backoff(initial: .seconds(1), ceiling: .seconds(30), jitter: 0)

    init(maximum: Double) { self.maximum = maximum }

    /// The slowest the budget ever goes.
    var floor: Double { maximum * Self.floorShare }

    /// The rate in force at `now`.
    func rate(at now: Duration) -> Double {
        guard let cut else { return maximum }
        let steps = ((now - cut.at) / Self.recoveryStep).rounded(.down)
        return min(maximum, cut.rate + maximum * Self.recoveryShare * max(steps, 0))
    }

    /// Takes a 429 at `now` into account; returns how long every request must wait from now.
    mutating func rateLimited(at now: Duration, retryAfter: Duration?) -> Duration {
        let current = rate(at: now)
        if current >= maximum { strikes = 0 }
        let sameBurst = cut.map { now - $0.at < .seconds(1) } ?? false
        if !sameBurst {
            strikes += 1
            cut = (max(current / 2, floor), now)
        }
        let pause = retryAfter ?? Self.backoff.delay(attempt: max(strikes, 1), unit: 0)
        return min(max(pause, .zero), Self.longestPause)
    }
}
