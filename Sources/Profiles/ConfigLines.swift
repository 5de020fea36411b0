/// Where each table and key of a TOML text was written, by dotted path (`profiles.staging.base_url`), so an
/// error can name its line: TOMLKit gives positions only for syntax errors.
struct ConfigLines {
    private var firstLine: [String: Int] = [:]

    init(text: String) {
        var table: [String] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = Self.strippingComment(raw)
            if line.isEmpty { continue }
            if line.hasPrefix("[") {
                let header = line.drop { $0 == "[" }.prefix { $0 != "]" }
                table = Self.path(header)
                record(table, index + 1)
            } else if let equals = line.firstIndex(of: "=") {
                record(table + Self.path(line[..<equals]), index + 1)
            }
        }
    }

    /// The line of `path`, else of the nearest table around it that was written.
    func line(_ path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = firstLine[path.joined(separator: ".")] { return line }
            path.removeLast()
        }
        return nil
    }

    private mutating func record(_ path: [String], _ line: Int) {
        let key = path.joined(separator: ".")
        if firstLine[key] == nil { firstLine[key] = line }
    }

    private static func path(_ dotted: Substring) -> [String] {
        dotted.split(separator: ".").map { part in
            String(part.trimming([" ", "\t", "\"", "'"]))
        }
    }

    private static func strippingComment(_ raw: Substring) -> Substring {
        let trimmed = raw.trimming([" ", "\t", "\r"])
        return trimmed.hasPrefix("#") ? "" : Substring(trimmed)
    }
}

extension Substring {
    fileprivate func trimming(_ set: Set<Character>) -> Substring {
        var s = self
        while let first = s.first, set.contains(first) { s = s.dropFirst() }
        while let last = s.last, set.contains(last) { s = s.dropLast() }
        return s
    }
}
