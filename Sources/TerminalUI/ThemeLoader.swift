import Foundation

/// Finds theme files by name or path, resolves inheritance and palettes, and falls back to the default.
public struct ThemeLoader: Sendable {
    /// Directories searched for `NAME.toml`, first match wins; built-in themes come last.
    public var searchPaths: [URL]

    public init(searchPaths: [URL]) {
        self.searchPaths = searchPaths
    }

    /// The usual search path: the `themes/` folder of the package the executable was built in
    /// (found by walking up to a folder holding both `themes/` and `Package.swift`), then
    /// `$XDG_CONFIG_HOME/ordertop/themes/` (default `~/.config/ordertop/themes/`).
    public static func defaultSearchPaths(executableURL: URL, environment: [String: String]) -> [URL] {
        var paths: [URL] = []
        let fm = FileManager.default
        var dir = executableURL.resolvingSymlinksInPath().deletingLastPathComponent().standardizedFileURL
        while true {
            var isDirectory: ObjCBool = false
            let themes = dir.appendingPathComponent("themes", isDirectory: true)
            if fm.fileExists(atPath: themes.path, isDirectory: &isDirectory), isDirectory.boolValue,
               fm.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) {
                paths.append(themes)
                break
            }
            let parent = dir.deletingLastPathComponent().standardizedFileURL
            if parent.path == dir.path || dir.path == "/" || dir.path.isEmpty { break }
            dir = parent
        }
        // XDG says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        if let config = environment["XDG_CONFIG_HOME"], config.hasPrefix("/") {
            paths.append(URL(fileURLWithPath: config).appendingPathComponent("ordertop/themes", isDirectory: true))
        } else if let home = environment["HOME"], !home.isEmpty {
            paths.append(URL(fileURLWithPath: home).appendingPathComponent(".config/ordertop/themes", isDirectory: true))
        }
        return paths
    }

    /// True when `--theme` names a file rather than a theme.
    public static func isPath(_ nameOrPath: String) -> Bool {
        nameOrPath.contains("/") || nameOrPath.hasSuffix(".toml")
    }

    /// Loads a theme by name (searched in `searchPaths`, then built in) or by file path.
    public func load(_ nameOrPath: String) throws(ThemeError) -> Theme {
        let first: Source
        if Self.isPath(nameOrPath) {
            let url = URL(fileURLWithPath: (nameOrPath as NSString).expandingTildeInPath)
            guard let text = try? String(contentsOf: url, encoding: .utf8) else {
                throw ThemeError(file: url.path, problem: "cannot read this theme file. Does it exist, and is it UTF-8 text?")
            }
            first = Source(id: url.standardizedFileURL.path, file: url.path, text: text,
                           directory: url.deletingLastPathComponent(), stem: url.deletingPathExtension().lastPathComponent)
        } else {
            guard let found = find(nameOrPath, excluding: [], near: nil) else {
                let looked = searchPaths.map(\.path).joined(separator: ", ")
                throw ThemeError(file: nameOrPath, problem: "no theme of this name (looked in: \(looked.isEmpty ? "nothing" : looked), "
                                 + "and the built-in themes \(BuiltInThemes.names.joined(separator: ", ")))")
            }
            first = found
        }
        return try resolve(first)
    }

    /// Loads a theme, or the default one with a warning saying why; nil asks for the default.
    public func loadOrDefault(_ nameOrPath: String?) -> (Theme, [String]) {
        do {
            return (try load(nameOrPath ?? "default"), [])
        } catch {
            return (BuiltInThemes.defaultTheme, ["theme: \(error.description). Using the built-in default theme."])
        }
    }

    /// Every theme name that `load` can find, for cycling through themes; sorted, default first.
    public func availableThemes() -> [String] {
        var names = Set(BuiltInThemes.names)
        for dir in searchPaths {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for file in files where file.hasSuffix(".toml") { names.insert(String(file.dropLast(5))) }
        }
        return names.sorted { a, b in a == "default" || (b != "default" && a < b) }
    }

    /// Where a theme name is loaded from: a file's path, or "built in".
    public func origin(of name: String) -> String? {
        guard let found = find(name, excluding: [], near: nil) else { return nil }
        return found.file.hasPrefix("built-in:") ? "built in" : found.file
    }

    /// Parses one theme from TOML text; `inherits` is looked up with this loader.
    public func parse(_ text: String, file: String) throws(ThemeError) -> Theme {
        let stem = URL(fileURLWithPath: file).deletingPathExtension().lastPathComponent
        return try resolve(Source(id: "text:\(file)", file: file, text: text, directory: nil, stem: stem))
    }

    // MARK: - Resolution

    /// A theme's text and where it came from; `id` tells files apart for cycle checks.
    struct Source {
        var id: String
        var file: String
        var text: String
        var directory: URL?
        var stem: String
    }

    private func find(_ name: String, excluding: Set<String>, near directory: URL?) -> Source? {
        let dirs = (directory.map { [$0] } ?? []) + searchPaths
        for dir in dirs {
            let url = dir.appendingPathComponent("\(name).toml")
            let id = url.standardizedFileURL.path
            guard let text = try? String(contentsOf: url, encoding: .utf8) else { continue }
            // A user's copy may inherit the shipped theme of the same name: skip what is already in the chain.
            if excluding.contains(id) { continue }
            return Source(id: id, file: url.path, text: text, directory: dir, stem: name)
        }
        if let text = BuiltInThemes.sources[name], !excluding.contains("built-in:\(name)") {
            return Source(id: "built-in:\(name)", file: "built-in:\(name)", text: text, directory: nil, stem: name)
        }
        return nil
    }

    private func resolve(_ first: Source) throws(ThemeError) -> Theme {
        var chain: [(Source, ThemeFile)] = []
        var seen: Set<String> = []
        var next: Source? = first
        while let source = next {
            let file = try ThemeFile.parse(source.text, file: source.file)
            seen.insert(source.id)
            chain.append((source, file))
            next = nil
            guard let parent = file.inherits else { break }
            if let found = find(parent, excluding: seen, near: source.directory) {
                next = found
            } else if chain.contains(where: { ($0.1.name ?? $0.0.stem) == parent }) {
                let names = chain.map { $0.1.name ?? $0.0.stem } + [parent]
                throw ThemeError(file: source.file, line: file.inheritsLine, key: "inherits",
                                 problem: "inheritance cycle: \(names.joined(separator: " -> ")). Remove one of the `inherits` lines.")
            } else {
                throw ThemeError(file: source.file, line: file.inheritsLine, key: "inherits",
                                 problem: "parent theme \"\(parent)\" not found. Built-in themes: \(BuiltInThemes.names.joined(separator: ", ")).")
            }
        }
        // Parents first, so children override; palette names resolve against the merged palette,
        // which lets a child theme recolour everything its parent built from that palette.
        var palette: [String: (value: String, origin: ThemeFile.Origin)] = [:]
        var rawRoles: [Role: ThemeFile.RawRole] = [:]
        for (_, file) in chain.reversed() {
            palette.merge(file.palette) { _, new in new }
            rawRoles.merge(file.roles) { _, new in new }
        }
        var colours: [String: TerminalColor] = [:]
        for (key, entry) in palette {
            guard let colour = ColorParser.parse(entry.value) else {
                throw ThemeError(file: entry.origin.file, line: entry.origin.line, key: "palette.\(key)",
                                 problem: Self.badColour(entry.value))
            }
            colours[key] = colour
        }
        var roles: [Role: RoleStyle] = [:]
        for (role, raw) in rawRoles {
            var style = RoleStyle(attributes: raw.attributes)
            for (field, text) in [("fg", raw.foreground), ("bg", raw.background)] {
                guard let text else { continue }
                guard let colour = ColorParser.parse(text, palette: colours) else {
                    let key = raw.isTable ? "roles.\(role.rawValue).\(field)" : "roles.\(role.rawValue)"
                    throw ThemeError(file: raw.origin.file, line: raw.origin.line, key: key, problem: Self.badColour(text))
                }
                if field == "fg" { style.foreground = colour } else { style.background = colour }
            }
            roles[role] = style
        }
        let top = chain[0]
        return Theme(name: top.1.name ?? top.0.stem, source: top.0.file, roles: roles)
    }

    private static func badColour(_ text: String) -> String {
        "unknown colour \"\(text)\". Use #rrggbb, a number 0-255, a name (red, bright-blue, gray, default) or a name from [palette]."
    }
}
