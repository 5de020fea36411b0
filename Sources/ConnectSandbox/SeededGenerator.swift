import ConnectModels

/// Seeded ids for the sandbox, so `--seed N` gives the same ids every run.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var base: SplitMix64

    init(seed: UInt64) { base = SplitMix64(seed: seed) }

    mutating func next() -> UInt64 { base.next() }

    /// Lowercase hex digits.
    mutating func hex(_ count: Int) -> String {
        let digits = Array("0123456789abcdef")
        return String((0..<count).map { _ in digits[Int(next() % 16)] })
    }

    /// A number with exactly `digits` digits and no leading zero.
    mutating func number(digits: Int) -> Int {
        var low = 1
        for _ in 1..<digits { low *= 10 }
        return Int.random(in: low..<(low * 10), using: &self)
    }

    /// A UUID-shaped id, as the documented order ids look.
    mutating func uuid() -> String {
        "\(hex(8))-\(hex(4))-4\(hex(3))-\(["8", "9", "a", "b"][Int(next() % 4)])\(hex(3))-\(hex(12))"
    }
}
