import Foundation

/// Turns the colour strings of theme files into terminal colours.
public enum ColorParser {
    /// The basic colour names and their palette indices; `bright-*` adds 8.
    public static let basicNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// Parses `#rrggbb`, `#rgb`, `0`-`255`, a colour name, `default`, or a name from `palette`.
    /// Returns nil when the string is none of these, so the caller can say which key was wrong.
    public static func parse(_ text: String, palette: [String: TerminalColor] = [:]) -> TerminalColor? {
        let s = text.trimmingCharacters(in: .whitespaces)
        // The palette comes first so a theme may give a basic name its own shade.
        if let named = palette[s] { return named }
        let lower = s.lowercased()
        if lower.hasPrefix("#") { return hex(String(lower.dropFirst())) }
        if let n = Int(lower) { return (0...255).contains(n) ? .indexed(UInt8(n)) : nil }
        switch lower {
        case "default", "none", "reset": return .terminalDefault
        case "gray", "grey": return .indexed(8)
        default: break
        }
        if let i = basicNames.firstIndex(of: lower) { return .indexed(UInt8(i)) }
        for prefix in ["bright-", "bright_", "light-", "light_", "bright"] where lower.hasPrefix(prefix) {
            let base = String(lower.dropFirst(prefix.count))
            if let i = basicNames.firstIndex(of: base) { return .indexed(UInt8(i + 8)) }
        }
        return nil
    }

    private static func hex(_ digits: String) -> TerminalColor? {
        guard digits.allSatisfy(\.isHexDigit) else { return nil }
        switch digits.count {
        case 6:
            guard let v = UInt32(digits, radix: 16) else { return nil }
            return .rgb(UInt8(v >> 16 & 0xFF), UInt8(v >> 8 & 0xFF), UInt8(v & 0xFF))
        case 3:
            // #abc means #aabbcc, as in CSS.
            let parts = digits.map { UInt8(String($0), radix: 16)! * 17 }
            return .rgb(parts[0], parts[1], parts[2])
        default:
            return nil
        }
    }
}
