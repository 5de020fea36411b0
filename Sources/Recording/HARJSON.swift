import ConnectModels
import Foundation

/// The JSON coders of HAR files: dates as ISO 8601 with microseconds, read with any fraction or none.
public enum HARJSON {
    /// Compact, sorted keys, slashes left alone so URLs stay readable; dates to the microsecond.
    public static func encoder() -> JSONEncoder { ConnectJSON.encoder(dates: formatDate) }

    /// Reads dates with or without fractions, with `Z` or an offset, as other tools write them.
    public static func decoder() -> JSONDecoder { ConnectJSON.decoder() }

    /// `2026-11-26T05:02:03.123456Z`: ISO 8601 with microseconds (HAR's format takes any fraction). A replay orders
    /// entries by these times, and requests a millisecond apart are common: a reply and the request it caused must
    /// not swap places. Rounded to the nearest microsecond and written by hand, because the formatter truncates.
    public static func formatDate(_ date: Date) -> String {
        let micro = (date.timeIntervalSince1970 * 1_000_000).rounded()
        let seconds = (micro / 1_000_000).rounded(.down)
        let whole = Date(timeIntervalSince1970: seconds).formatted(Date.ISO8601FormatStyle())
        let fraction = Int(micro - seconds * 1_000_000)
        return whole.dropLast() + "." + String(String(fraction + 1_000_000).dropFirst()) + "Z"
    }
}
