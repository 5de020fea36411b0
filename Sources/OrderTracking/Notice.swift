/// A short message for people, with how much it matters: the status bar colours it by severity.
public struct Notice: Hashable, Sendable, CustomStringConvertible {
    /// How much a notice matters, from news to a failure that needs the person.
    public enum Severity: String, Hashable, Sendable, CaseIterable, Comparable {
        case info, success, warning, error

        private var rank: Int { Self.allCases.firstIndex(of: self) ?? 0 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    public var text: String

    public init(_ severity: Severity, _ text: String) {
        self.severity = severity
        self.text = text
    }

    public static func info(_ text: String) -> Notice { Notice(.info, text) }
    public static func success(_ text: String) -> Notice { Notice(.success, text) }
    public static func warning(_ text: String) -> Notice { Notice(.warning, text) }
    public static func error(_ text: String) -> Notice { Notice(.error, text) }

    public var description: String { text }
}
