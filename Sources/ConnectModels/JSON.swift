import Foundation

/// The JSON coders every Connect body goes through, client and sandbox alike.
public enum ConnectJSON {
    /// Dates go out as RFC 3339 in UTC, without fractions, as the documented samples show them (or as `dates` writes
    /// them: a recording keeps microseconds). Keys sorted, slashes left alone so URLs stay readable.
    public static func encoder(dates: @escaping @Sendable (Date) -> String = formatDate) -> JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        e.dateEncodingStrategy = .custom { date, encoder in
            var c = encoder.singleValueContainer()
            try c.encode(dates(date))
        }
        return e
    }

    /// Dates come in as RFC 3339 with or without fractional seconds; empty strings count as missing only where optional.
    public static func decoder() -> JSONDecoder {
        let d = JSONDecoder()
        d.dateDecodingStrategy = .custom { decoder in
            let c = try decoder.singleValueContainer()
            if let seconds = try? c.decode(Double.self) { return Date(timeIntervalSince1970: seconds) }
            let text = try c.decode(String.self)
            if let date = parseDate(text) { return date }
            throw DecodingError.dataCorruptedError(in: c, debugDescription: "not an RFC 3339 date: \(text.prefix(40))")
        }
        return d
    }

    /// Formats a date as `2022-01-13T18:28:07Z`.
    public static func formatDate(_ date: Date) -> String {
        date.formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: false).timeSeparator(.colon).timeZone(separator: .omitted))
    }

    /// Parses RFC 3339 with or without fractional seconds and with `Z` or an offset.
    public static func parseDate(_ text: String) -> Date? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if let d = try? Date(trimmed, strategy: .iso8601) { return d }
        if let d = try? Date(trimmed, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true)) { return d }
        return nil
    }
}
