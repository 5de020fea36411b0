import Foundation

/// Tells a JSON text that stops early from one that is wrong, so a cut file is called cut, not "not JSON".
enum JSONPrefix {
    /// True when `data` opens like JSON (`{` or `[`), has no bracket that closes the wrong thing, and ends
    /// inside a string or with brackets still open: what a file cut at any byte looks like.
    static func endsEarly(_ data: Data) -> Bool {
        var stack: [UInt8] = []
        var inString = false
        var escaped = false
        var started = false
        for byte in data {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\n"), UInt8(ascii: "\r"), UInt8(ascii: "\t"):
                continue
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                stack.append(byte)
            case UInt8(ascii: "}"):
                guard stack.popLast() == UInt8(ascii: "{") else { return false }
            case UInt8(ascii: "]"):
                guard stack.popLast() == UInt8(ascii: "[") else { return false }
            case UInt8(ascii: "\""):
                guard started else { return false }
                inString = true
            default:
                guard started else { return false }
            }
            started = true
            // Something after the top-level value closed is not a cut, it is extra.
            if stack.isEmpty { return false }
        }
        return started && (!stack.isEmpty || inString)
    }
}
