import Foundation
import TerminalUI

/// A JSON value whose objects keep their keys in the order they were added, so every `--json` line
/// reads `type`, `order_id`, `time` first, in the same order each time.
enum JSONValue: Sendable {
    case string(String)
    case number(Double)
    case integer(Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object(JSONObject)

    /// A string, or null when there is none.
    static func string(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// Compact JSON text on one line.
    var text: String {
        var out = ""
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        write(into: &out, encoder)
        return out
    }

    private func write(into out: inout String, _ encoder: JSONEncoder) {
        switch self {
        case .string(let s): out += Self.quote(s, encoder)
        case .number(let d):
            // JSON has no NaN or infinity; a number that is not finite is no number at all.
            guard d.isFinite, let data = try? encoder.encode(d) else { out += "null"; return }
            out += String(decoding: data, as: UTF8.self)
        case .integer(let i): out += String(i)
        case .bool(let b): out += b ? "true" : "false"
        case .null: out += "null"
        case .array(let values):
            out += "["
            for (i, value) in values.enumerated() {
                if i > 0 { out += "," }
                value.write(into: &out, encoder)
            }
            out += "]"
        case .object(let object):
            out += "{"
            for (i, field) in object.fields.enumerated() {
                if i > 0 { out += "," }
                out += Self.quote(field.key, encoder) + ":"
                field.value.write(into: &out, encoder)
            }
            out += "}"
        }
    }

    /// A string literal escaped by JSONEncoder (quotes, backslashes, C0 controls), then with the
    /// characters JSON allows raw but a terminal acts on (DEL, C1 controls, line and paragraph
    /// separators, bidi marks) written as `\u` escapes too, so no line can drive the terminal it is shown on.
    static func quote(_ s: String, _ encoder: JSONEncoder) -> String {
        let encoded = (try? encoder.encode(s)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
        guard encoded.unicodeScalars.contains(where: { !isInert($0) }) else { return encoded }
        var out = String.UnicodeScalarView()
        for scalar in encoded.unicodeScalars {
            if isInert(scalar) {
                out.append(scalar)
            } else {
                out.append(contentsOf: String(format: "\\u%04x", scalar.value).unicodeScalars)
            }
        }
        return String(out)
    }

    private static func isInert(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F...0x9F, 0x2028, 0x2029, 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: false
        default: true
        }
    }
}

/// A JSON object's fields in the order they were set.
struct JSONObject: Sendable {
    private(set) var fields: [(key: String, value: JSONValue)] = []

    init() {}

    /// Sets a field, replacing an earlier value of the same key in its place.
    mutating func set(_ key: String, _ value: JSONValue) {
        if let i = fields.firstIndex(where: { $0.key == key }) {
            fields[i].value = value
        } else {
            fields.append((key, value))
        }
    }

    /// Sets a field only when there is a value: the fields the schema marks optional are left out, not null.
    mutating func setIfPresent(_ key: String, _ value: JSONValue?) {
        if let value { set(key, value) }
    }
}
