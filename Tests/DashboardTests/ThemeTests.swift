import Foundation
import OrderTracking
import Testing
import TerminalUI
@testable import Dashboard

/// The repository's `themes/` folder, found from this file's path.
let repositoryThemes = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("themes", isDirectory: true)

/// A fresh temporary folder holding the given theme files.
func themeFolder(_ files: [String: String]) throws -> URL {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ordertop-themes-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    for (name, text) in files { try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8) }
    return dir
}

@Suite("Themes")
struct ThemeTests {
    static let shipped = ["default", "light", "high-contrast", "colorblind", "monochrome"]

    @Test("every shipped theme loads and sets every role, itself or through its parent", arguments: shipped)
    func shippedThemes(name: String) throws {
        let loader = ThemeLoader(searchPaths: [repositoryThemes])
        let theme = try loader.load(name)
        #expect(theme.name == name)
        #expect(theme.source.hasSuffix("themes/\(name).toml"))
        for role in Role.allCases { #expect(theme.sets(role), "\(name) does not set \(role)") }
    }

    @Test("every file in themes/ loads without a warning")
    func everyFile() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: repositoryThemes.path).filter { $0.hasSuffix(".toml") }
        #expect(Set(Self.shipped).isSubset(of: files.map { String($0.dropLast(5)) }))
        for file in files {
            let (theme, warnings) = ThemeLoader(searchPaths: [repositoryThemes])
                .loadOrDefault(repositoryThemes.appendingPathComponent(file).path)
            #expect(warnings.isEmpty, "\(file): \(warnings)")
            #expect(theme.name == String(file.dropLast(5)))
        }
        let inheriting = try files.filter { file in
            try String(contentsOf: repositoryThemes.appendingPathComponent(file), encoding: .utf8).contains("\ninherits =")
        }
        #expect(!inheriting.isEmpty)
    }

    @Test("every file in themes/ is compiled in, byte for byte")
    func builtInMatchesFiles() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: repositoryThemes.path)
            .filter { $0.hasSuffix(".toml") }.map { String($0.dropLast(5)) }.sorted()
        #expect(BuiltInThemes.names == files)
        #expect(files.count >= 5)
        for name in BuiltInThemes.names {
            let file = try String(contentsOf: repositoryThemes.appendingPathComponent("\(name).toml"), encoding: .utf8)
            #expect(BuiltInThemes.sources[name] == file, "BuiltInThemes.swift is out of date for \(name).toml")
        }
        let fromFile = try ThemeLoader(searchPaths: [repositoryThemes]).load("default")
        #expect(BuiltInThemes.defaultTheme.roles == fromFile.roles)
        #expect(BuiltInThemes.defaultTheme.roles.count == Role.allCases.count)
    }

    @Test("the default works with no themes folder at all")
    func noFolder() {
        let (theme, warnings) = ThemeLoader(searchPaths: []).loadOrDefault(nil)
        #expect(warnings.isEmpty)
        #expect(theme == BuiltInThemes.defaultTheme)
        #expect(theme.style(for: .itemFound, depth: .truecolor).foreground == .rgb(0xA3, 0xBE, 0x8C))
    }

    @Test("a child lists only what it overrides; palette changes reach the parent's roles")
    func inheritance() throws {
        let dir = try themeFolder([
            "base.toml": """
            name = "base"
            [palette]
            accent = "#ff0000"
            [roles]
            text = "white"
            title = { fg = "accent", bold = true }
            border = "blue"
            """,
            "child.toml": """
            name = "child"
            inherits = "base"
            [palette]
            accent = "#00ff00"
            [roles]
            border = { fg = "yellow", underline = true }
            """,
            "grandchild.toml": """
            inherits = "child"
            [roles]
            text = "#0000ff"
            """,
        ])
        let loader = ThemeLoader(searchPaths: [dir])
        let child = try loader.load("child")
        #expect(child.style(for: .title, depth: .truecolor) == ThemeStyle(foreground: .rgb(0, 255, 0), attributes: .bold))
        #expect(child.style(for: .border, depth: .truecolor) == ThemeStyle(foreground: .indexed(3), attributes: .underline))
        #expect(child.style(for: .text, depth: .truecolor).foreground == .indexed(7))
        let grandchild = try loader.load("grandchild")
        #expect(grandchild.name == "grandchild")
        #expect(grandchild.style(for: .text, depth: .truecolor).foreground == .rgb(0, 0, 255))
        #expect(grandchild.style(for: .title, depth: .truecolor).foreground == .rgb(0, 255, 0))
        // Loading by path finds the parent beside the file.
        let byPath = try ThemeLoader(searchPaths: []).load(dir.appendingPathComponent("child.toml").path)
        #expect(byPath == child)
    }

    @Test("a user theme may inherit a built-in one")
    func inheritsBuiltIn() throws {
        let dir = try themeFolder(["mine.toml": "inherits = \"default\"\n[roles]\nborder = \"#123456\"\n"])
        let theme = try ThemeLoader(searchPaths: [dir]).load("mine")
        #expect(theme.style(for: .border, depth: .truecolor).foreground == .rgb(0x12, 0x34, 0x56))
        #expect(theme.roles[.itemFound] == BuiltInThemes.defaultTheme.roles[.itemFound])
    }

    @Test("cycles and missing parents are errors on the inherits line")
    func badInheritance() throws {
        let dir = try themeFolder([
            "a.toml": "name = \"a\"\ninherits = \"b\"\n",
            "b.toml": "# b\nname = \"b\"\n\ninherits = \"a\"\n",
            "self.toml": "inherits = \"self\"\n",
            "orphan.toml": "name = \"orphan\"\ninherits = \"nowhere\"\n",
        ])
        let loader = ThemeLoader(searchPaths: [dir])
        let cycle = try #require(throws: ThemeError.self) { try loader.load("a") }
        #expect(cycle.problem.contains("cycle") == true)
        #expect(cycle.key == "inherits")
        #expect(cycle.file.hasSuffix("b.toml") == true)
        #expect(cycle.line == 4)
        let selfCycle = try #require(throws: ThemeError.self) { try loader.load("self") }
        #expect(selfCycle.problem.contains("cycle") == true)
        let orphan = try #require(throws: ThemeError.self) { try loader.load("orphan") }
        #expect(orphan.problem.contains("nowhere") == true)
        #expect(orphan.line == 2)
    }

    @Test("a bad value names the file, the line and the key, and the default is used")
    func badValue() throws {
        let dir = try themeFolder(["broken.toml": """
            name = "broken"

            [palette]
            accent = "#00ff00"

            [roles]
            text = "white"
            border = { fg = "bleu", bold = true }
            """])
        let path = dir.appendingPathComponent("broken.toml").path
        let error = try #require(throws: ThemeError.self) { try ThemeLoader(searchPaths: [dir]).load("broken") }
        #expect(error.file == path)
        #expect(error.line == 8)
        #expect(error.key == "roles.border.fg")
        #expect(error.description.hasPrefix("\(path):8: roles.border.fg: unknown colour \"bleu\"") == true)

        let (theme, warnings) = ThemeLoader(searchPaths: [dir]).loadOrDefault("broken")
        #expect(theme == BuiltInThemes.defaultTheme)
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("\(path):8") == true)
        #expect(warnings.first?.contains("roles.border.fg") == true)
    }

    @Test("other mistakes are reported with their key and line", arguments: [
        ("[roles]\nbordr = \"red\"\n", "roles.bordr", 2),
        ("[roles]\ntext = { fg = \"red\", blink = true }\n", "roles.text.blink", 2),
        ("[roles]\ntext = { bold = \"yes\" }\n", "roles.text.bold", 2),
        ("[palette]\na = \"#12\"\n[roles]\ntext = \"a\"\n", "palette.a", 2),
        ("name = \"x\"\ncolours = 1\n", "colours", 2),
        ("\n\n[roles]\nwarning = 300\n", "roles.warning", 4),
        ("[roles]\ntext = true\n", "roles.text", 2),
    ])
    func mistakes(text: String, key: String, line: Int) throws {
        let error = try #require(throws: ThemeError.self) { try ThemeLoader(searchPaths: []).parse(text, file: "t.toml") }
        #expect(error.key == key)
        #expect(error.line == line)
        #expect(error.file == "t.toml")
    }

    @Test("TOML syntax errors carry the parser's line")
    func syntaxError() throws {
        let error = try #require(throws: ThemeError.self) {
            try ThemeLoader(searchPaths: []).parse("name = \"x\"\n[roles]\ntext = \"red\n", file: "bad.toml")
        }
        #expect(error.line == 3)
        #expect(error.description.hasPrefix("bad.toml:3") == true)
    }

    @Test("an unknown name or unreadable path falls back with a warning")
    func missing() {
        let (theme, warnings) = ThemeLoader(searchPaths: []).loadOrDefault("no-such-theme")
        #expect(theme == BuiltInThemes.defaultTheme)
        #expect(warnings.first?.contains("no-such-theme") == true)
        let (_, pathWarnings) = ThemeLoader(searchPaths: []).loadOrDefault("/nonexistent/x.toml")
        #expect(pathWarnings.first?.contains("/nonexistent/x.toml") == true)
        #expect(ThemeLoader.isPath("x.toml") && ThemeLoader.isPath("./x") && !ThemeLoader.isPath("light"))
    }

    @Test("unset roles fall back to sensible roles")
    func fallbacks() throws {
        let theme = try ThemeLoader(searchPaths: []).parse("[roles]\ntext = { fg = \"white\", bg = \"black\" }\nborder = \"blue\"\n", file: "t.toml")
        #expect(theme.style(for: .itemFound, depth: .indexed256) == ThemeStyle(foreground: .indexed(7), background: .indexed(0)))
        #expect(theme.style(for: .borderFocused, depth: .indexed256) == ThemeStyle(foreground: .indexed(4), background: .indexed(0), attributes: .bold))
        #expect(theme.style(for: .selection, depth: .indexed256).attributes == .reverse)
        #expect(Theme(name: "empty", roles: [:]).style(for: .text, depth: .truecolor) == ThemeStyle())
    }

    @Test("styles are brought down to the terminal's depth")
    func depths() throws {
        let theme = try ThemeLoader(searchPaths: []).parse("[roles]\ntext = \"#ff0000\"\nwarning = { fg = \"#ff0000\", dim = true }\n", file: "t.toml")
        #expect(theme.style(for: .text, depth: .truecolor).foreground == .rgb(255, 0, 0))
        #expect(theme.style(for: .text, depth: .indexed256).foreground == .indexed(196))
        #expect(theme.style(for: .text, depth: .basic16).foreground == .indexed(9))
        #expect(theme.style(for: .text, depth: .basic8).foreground == .indexed(1))
        #expect(theme.style(for: .warning, depth: .basic8).attributes == .dim)
    }

    @Test("monochrome keeps only bold, underline and reverse, and still tells roles apart")
    func monochrome() throws {
        let theme = try ThemeLoader(searchPaths: [repositoryThemes]).load("default")
        let allowed: Attributes = [.bold, .underline, .reverse]
        for role in Role.allCases {
            let style = theme.style(for: role, depth: .monochrome)
            #expect(style.foreground == .terminalDefault && style.background == .terminalDefault)
            #expect(allowed.isSuperset(of: style.attributes))
        }
        #expect(theme.style(for: .borderFocused, depth: .monochrome) != theme.style(for: .border, depth: .monochrome))
        #expect(theme.style(for: .selection, depth: .monochrome).attributes.contains(.reverse))
        #expect(theme.style(for: .itemReplaced, depth: .monochrome) != theme.style(for: .itemFound, depth: .monochrome))
    }

    static let severities = Notice.Severity.allCases

    @Test("every shipped theme draws the four notice severities four ways, in colour and without", arguments: shipped)
    func noticeSeverities(name: String) throws {
        let theme = try ThemeLoader(searchPaths: [repositoryThemes]).load(name)
        for depth in [ColorDepth.truecolor, .indexed256, .monochrome] {
            // The status bar adds bold to every notice, so compare what the person sees.
            let looks = Self.severities.map { severity -> ThemeStyle in
                var style = theme.style(for: .notice(severity), depth: depth)
                style.attributes.insert(.bold)
                return style
            }
            #expect(Set(looks).count == Self.severities.count, "\(name) at \(depth): \(looks)")
        }
    }

    @Test("the colorblind theme tells success from error by more than red against green")
    func colorblindNotices() throws {
        let theme = try ThemeLoader(searchPaths: [repositoryThemes]).load("colorblind")
        let success = theme.style(for: .noticeSuccess, depth: .truecolor)
        let error = theme.style(for: .noticeError, depth: .truecolor)
        #expect(success.attributes != error.attributes)
        let greens: Set<TerminalColor> = [.rgb(0xa3, 0xbe, 0x8c), .rgb(0x00, 0x9e, 0x73), .indexed(2), .indexed(10)]
        #expect(!greens.contains(success.foreground))
    }

    @Test("default search paths: the package's themes/ then XDG config")
    func searchPaths() throws {
        let root = try themeFolder(["Package.swift": "// swift-tools-version:6.0\n"])
        try FileManager.default.createDirectory(at: root.appendingPathComponent("themes"), withIntermediateDirectories: true)
        let bin = root.appendingPathComponent(".build/debug", isDirectory: true)
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let exe = bin.appendingPathComponent("ordertop")
        let xdg = ThemeLoader.defaultSearchPaths(executableURL: exe, environment: ["XDG_CONFIG_HOME": "/cfg", "HOME": "/home/u"])
        #expect(xdg.map(\.standardizedFileURL.path) == [root.appendingPathComponent("themes").standardizedFileURL.path,
                                                       "/cfg/ordertop/themes"])
        let home = ThemeLoader.defaultSearchPaths(executableURL: URL(fileURLWithPath: "/nonexistent/bin/ordertop"),
                                                  environment: ["HOME": "/home/u", "XDG_CONFIG_HOME": "relative"])
        #expect(home.map(\.path) == ["/home/u/.config/ordertop/themes"])
    }

    @Test("available themes lists the shipped and the built-in ones, default first")
    func available() {
        let names = ThemeLoader(searchPaths: [repositoryThemes]).availableThemes()
        #expect(names.first == "default")
        #expect(Set(Self.shipped).isSubset(of: names))
        #expect(ThemeLoader(searchPaths: []).availableThemes() == ["default"] + Self.shipped.filter { $0 != "default" }.sorted(),
                "every shipped theme is built in")
    }
}
