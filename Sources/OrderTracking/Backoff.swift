/// Exponential backoff with jitter and a ceiling.
public struct Backoff: Hashable, Sendable {
    public var initial: Duration
    public var ceiling: Duration
    /// The fraction of each delay that is randomised, 0...1.
    public var jitter: Double

    public init(initial: Duration = .seconds(1), ceiling: Duration = .seconds(60), jitter: Double = 0.2) {
        self.initial = initial
        self.ceiling = max(ceiling, initial)
        self.jitter = min(max(jitter, 0), 1)
    }

    /// The delay before retry number `attempt` (1 for the first retry); `unit` is a random value in 0..<1.
    public func delay(attempt: Int, unit: Double) -> Duration {
        let exponent = min(max(attempt - 1, 0), 30)
        let base = min(initial.secondsDouble * Double(1 << exponent), ceiling.secondsDouble)
        let spread = base * jitter
        let value = min(base - spread + 2 * spread * min(max(unit, 0), 1), ceiling.secondsDouble)
        return .milliseconds(Int64((max(value, 0.001) * 1000).rounded()))
    }
}
