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

/// A small deterministic random source (SplitMix64), so jitter is repeatable in tests.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    /// A value in 0..<1.
    public mutating func unit() -> Double { Double(next() >> 11) / Double(1 << 53) }
}
