import ConnectModels

/// A seeded generator for scenarios, so one seed always gives the same steps and texts.
public struct ScenarioRandom: RandomNumberGenerator, Sendable {
    private var base: SplitMix64

    public init(seed: UInt64) { base = SplitMix64(seed: seed) }

    public mutating func next() -> UInt64 { base.next() }

    /// A value in `range`, for timings with a little human jitter.
    mutating func double(in range: ClosedRange<Double>) -> Double {
        Double.random(in: range, using: &self)
    }

    /// One of `choices`; they must not be empty.
    mutating func pick<T>(_ choices: [T]) -> T {
        choices[Int(next() % UInt64(choices.count))]
    }

    /// A generator for another purpose, so drawing from one (say, chat replies) never shifts the other (the steps).
    func derived(_ salt: UInt64) -> ScenarioRandom {
        var copy = ScenarioRandom(seed: base.state ^ (salt &* 0xD1B5_4A32_D192_ED03))
        _ = copy.next()
        return copy
    }
}
