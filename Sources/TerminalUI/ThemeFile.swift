import TOMLKit

/// A theme file as written, before inheritance and palette names are resolved.
struct ThemeFile: Sendable {
    /// Where a value was written, for error messages.
    struct Origin: Hashable, Sendable {
        var file: String
        var line: Int?
    }

    /// A role as written: a colour string, or a table of colours and attributes.
    struct RawRole: Sendable {
        var foreground: String?
        var background: String?
        var attributes: Attributes
        var origin: Origin
        /// True for `{ fg = ... }`, false for a bare colour string: errors name `fg`/`bg` only for tables.
        var isTable = false
    }

    var file: String
    var name: String?
    var inherits: String?
    var inheritsLine: Int?
    var palette: [String: (value: String, origin: Origin)]
    var roles: [Role: RawRole]

    static let topLevelKeys: Set<String> = ["name", "inherits", "palette", "roles", "description", "author", "variant"]
    static let roleKeys: [String: Attributes] = [
        "bold": .bold, "underline": .underline, "reverse": .reverse, "dim": .dim,
    ]

    /// Parses the TOML text of a theme; `file` is only used in errors.
    static func parse(_ text: String, file: String) throws(ThemeError) -> ThemeFile {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let position = error.source.begin
            throw ThemeError(file: file, line: position.line > 0 ? position.line : nil,
                             column: position.column > 0 ? position.column : nil,
                             problem: "not valid TOML: \(error.description)")
        } catch {
            throw ThemeError(file: file, problem: "not valid TOML: \(error)")
        }
        let locate = KeyLocator(text: text)
        func fail(_ section: String, _ key: String, _ problem: String) -> ThemeError { fail(section, key, nil, problem) }
        func fail(_ section: String, _ key: String, _ sub: String?, _ problem: String) -> ThemeError {
            let dotted = [section, key, sub].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ".")
            return ThemeError(file: file, line: locate.line(of: key, in: section), key: dotted, problem: problem)
        }

        var result = ThemeFile(file: file, palette: [:], roles: [:])
        for (key, _) in table {
            guard topLevelKeys.contains(key) else {
                throw fail("", key, "unknown key; a theme has name, inherits, [palette] and [roles]")
            }
        }
        if let value = table["name"] {
            guard let name = value.string else { throw fail("", "name", "must be a string") }
            result.name = name
        }
        if let value = table["inherits"] {
            guard let parent = value.string, !parent.isEmpty else {
                throw fail("", "inherits", "must be the name of another theme, e.g. inherits = \"default\"")
            }
            result.inherits = parent
            result.inheritsLine = locate.line(of: "inherits", in: "")
        }
        if let value = table["palette"] {
            guard let palette = value.table else { throw fail("", "palette", "must be a table: [palette]") }
            for (key, value) in palette {
                guard let colour = colourText(value) else {
                    throw fail("palette", key, "must be a colour string such as \"#88c0d0\" or a number 0-255")
                }
                result.palette[key] = (colour, Origin(file: file, line: locate.line(of: key, in: "palette")))
            }
        }
        if let value = table["roles"] {
            guard let roles = value.table else { throw fail("", "roles", "must be a table: [roles]") }
            for (key, value) in roles {
                guard let role = Role(rawValue: key) else {
                    throw fail("roles", key, "unknown role; known roles: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let origin = Origin(file: file, line: locate.line(of: key, in: "roles"))
                if let colour = colourText(value) {
                    result.roles[role] = RawRole(foreground: colour, attributes: [], origin: origin)
                    continue
                }
                guard let spec = value.table else {
                    throw fail("roles", key, "must be a colour or a table like { fg = \"red\", bold = true }")
                }
                var raw = RawRole(attributes: [], origin: origin, isTable: true)
                for (field, fieldValue) in spec {
                    switch field {
                    case "fg", "bg":
                        guard let colour = colourText(fieldValue) else {
                            throw fail("roles", key, field, "must be a colour string or a number 0-255")
                        }
                        if field == "fg" { raw.foreground = colour } else { raw.background = colour }
                    default:
                        guard let attribute = roleKeys[field] else {
                            throw fail("roles", key, field, "unknown field; use fg, bg, bold, underline, reverse, dim")
                        }
                        guard let on = fieldValue.bool else { throw fail("roles", key, field, "must be true or false") }
                        if on { raw.attributes.insert(attribute) }
                    }
                }
                result.roles[role] = raw
            }
        }
        return result
    }

    private static func colourText(_ value: TOMLValueConvertible) -> String? {
        if let s = value.string { return s }
        if let n = value.int { return String(n) }
        return nil
    }
}

/// Finds the line a key was written on, since TOMLKit only reports positions of syntax errors.
struct KeyLocator {
    let lines: [Substring]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The 1-based line of `key` inside `[section]` ("" for the top level), if it can be found.
    func line(of key: String, in section: String) -> Int? {
        var current = ""
        var loose: Int?
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingWhitespace()
            if line.hasPrefix("[") {
                let header = Self.unquote(line.dropFirst().prefix { $0 != "]" })
                if header == (section.isEmpty ? key : "\(section).\(key)") { return index + 1 }
                current = header
                continue
            }
            guard let equals = line.firstIndex(of: "=") else { continue }
            let name = Self.unquote(line[..<equals])
            if current == section, name == key { return index + 1 }
            if current.isEmpty, !section.isEmpty, name == "\(section).\(key)" { return index + 1 }
            if loose == nil, name == key { loose = index + 1 }
        }
        return loose
    }

    private static func unquote(_ s: Substring) -> String {
        s.trimmingWhitespace().split(separator: ".").map { part in
            var p = part.trimmingWhitespace()
            if p.count >= 2, let f = p.first, f == "\"" || f == "'", p.last == f { p = p.dropFirst().dropLast() }
            return String(p)
        }.joined(separator: ".")
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> Substring {
        var s = self[...]
        while let f = s.first, f == " " || f == "\t" || f == "\r" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s = s.dropLast() }
        return Substring(s)
    }
}
