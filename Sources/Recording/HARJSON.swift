import ConnectModels
import Foundation

/// The JSON coders of HAR files: dates as ISO 8601 with milliseconds, read with or without fractions.
public enum HARJSON {
    /// Compact, sorted keys, slashes left alone so URLs stay readable.
    public static func encoder() -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(formatDate(date))
        }
        return e
    }

    /// Reads dates with or without fractions, with `Z` or an offset, as other tools write them.
    public static func decoder() -> JSONDecoder { ConnectJSON.decoder() }

    /// `2026-11-26T05:02:03.123Z`: HAR asks for milliseconds, and a replay orders entries by them. Rounded to the
    /// nearest millisecond and written by hand, because the formatter truncates `.123` stored as `.12299…` to `.122`.
    public static func formatDate(_ date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        let seconds = (milliseconds / 1000).rounded(.down)
        let whole = Date(timeIntervalSince1970: seconds).formatted(Date.ISO8601FormatStyle())
        let fraction = Int(milliseconds - seconds * 1000)
        return whole.dropLast() + "." + String(String(fraction + 1000).dropFirst()) + "Z"
    }
}
