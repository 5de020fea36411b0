import Foundation

/// A string-backed enum that keeps values it does not know as `.unknown(raw)` and compares case-insensitively.
public protocol TolerantEnum: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The known cases and the spelling each is sent with, in documented order: the one table of a type's values.
    static var spellings: [(Self, String)] { get }
    /// Builds a value for a spelling the server never documented.
    static func unknown(_ raw: String) -> Self
}

extension TolerantEnum {
    /// The known cases, in documented order.
    public static var known: [Self] { spellings.map(\.0) }

    /// The spelling this value is sent with.
    public var rawValue: String {
        if let spelling = Self.spellings.first(where: { $0.0 == self })?.1 { return spelling }
        // Not in the table, so this is `.unknown(raw)`: its one payload is the spelling as it was sent.
        return Mirror(reflecting: self).children.first?.value as? String ?? ""
    }

    /// Parses a spelling case-insensitively; an unknown one is kept as it was sent.
    public init(rawValue: String) {
        let folded = rawValue.lowercased()
        if let match = Self.spellings.first(where: { $0.1.lowercased() == folded }) {
            self = match.0
        } else {
            self = .unknown(rawValue)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        self.init(rawValue: try container.decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    public var description: String { rawValue }

    /// True when the value is one of the documented ones.
    public var isKnown: Bool { Self.known.contains(self) }
}

/// An identifier the server may send as a number or as a string; kept as its text.
public struct FlexibleID: Codable, Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, Comparable {
    /// The identifier's text.
    public let value: String

    public init(_ value: String) { self.value = value }
    public init(_ value: Int) { self.value = String(value) }
    public init(stringLiteral value: String) { self.value = value }
    public init(integerLiteral value: Int) { self.value = String(value) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let int = try? container.decode(Int64.self) {
            value = String(int)
        } else if let double = try? container.decode(Double.self), double.rounded() == double, abs(double) < 1e15 {
            value = String(Int64(double))
        } else {
            value = try container.decode(String.self)
        }
    }

    /// Digits-only ids go out as numbers, as the documented samples show them; others as strings.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let int = Int64(value), String(int) == value {
            try container.encode(int)
        } else {
            try container.encode(value)
        }
    }

    /// The numeric value, when the id is a number.
    public var intValue: Int? { Int(value) }
    public var description: String { value }
    public static func < (lhs: FlexibleID, rhs: FlexibleID) -> Bool {
        if let l = lhs.intValue, let r = rhs.intValue { return l < r }
        return lhs.value < rhs.value
    }
}

/// A number that may arrive as a JSON number or as a string such as `"10.0"`.
public struct FlexibleNumber: Codable, Hashable, Sendable, CustomStringConvertible {
    /// The text as sent, kept so `"10.0"` round-trips.
    public let text: String

    public init(_ text: String) { self.text = text }
    public init(_ value: Double) { self.text = FlexibleNumber.format(value) }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let double = try? container.decode(Double.self) {
            text = FlexibleNumber.format(double)
        } else {
            text = try container.decode(String.self)
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// The value, when the text is a number.
    public var doubleValue: Double? { Double(text.trimmingCharacters(in: .whitespaces)) }
    public var description: String { text }

    static func format(_ value: Double) -> String {
        value.rounded() == value && abs(value) < 1e15 ? String(format: "%.1f", value) : String(value)
    }
}

extension KeyedDecodingContainer {
    /// Decodes a boolean that may be missing, null, a string ("true") or a number (0/1); missing means false.
    func lenientBool(forKey key: Key) throws -> Bool {
        if let b = try? decodeIfPresent(Bool.self, forKey: key) { return b }
        if let s = try? decodeIfPresent(String.self, forKey: key) { return ["true", "1", "yes"].contains(s.lowercased()) }
        if let i = try? decodeIfPresent(Int.self, forKey: key) { return i != 0 }
        return false
    }

    /// Decodes an optional string, treating null and a missing key alike.
    func optionalString(forKey key: Key) throws -> String? {
        try decodeIfPresent(String.self, forKey: key)
    }
}
