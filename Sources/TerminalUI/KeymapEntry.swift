/// A key bound to something a screen does; each screen has its own commands and modes.
public protocol KeyBound: Hashable, Sendable {
    var key: Key { get }
}

/// One line of a screen's help: the keys as people read them, what they do, and the bindings behind
/// it. A screen keeps all of them in one table, so its reducer, its help and its hints cannot drift.
public struct KeymapEntry<Binding: KeyBound>: Hashable, Sendable {
    public var keys: String
    public var action: String
    public var bindings: [Binding]

    public init(_ keys: String, _ action: String, _ bindings: [Binding]) {
        self.keys = keys
        self.action = action
        self.bindings = bindings
    }

    /// The bound keys this line's `keys` text does not name, so a test can say which one is missing.
    public var unnamedKeys: [Key] {
        // "a / x" names a and x; "/" alone names the slash key.
        let words = keys.split(separator: " ").map(String.init)
        let names = Set(words + words.flatMap { $0.split(whereSeparator: { $0 == "/" || $0 == "," }).map(String.init) })
        return bindings.map(\.key).filter { !names.contains($0.helpName) }
    }
}
