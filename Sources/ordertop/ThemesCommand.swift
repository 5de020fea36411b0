import ArgumentParser
import Dashboard
import Foundation
import TerminalUI

/// `ordertop themes`: the themes this binary can use and where each comes from, or a check of one.
struct ThemesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "themes",
        abstract: "List the themes and where each comes from, or check that one loads.",
        discussion: """
            Every theme of the package's themes/ folder is compiled in; a NAME.toml in \
            $XDG_CONFIG_HOME/ordertop/themes/ (default ~/.config/ordertop/themes/) adds or overrides one.
            """)

    @Option(name: .long, help: ArgumentHelp("Load this theme name or .toml path and report problems, with file, line and key.",
                                            valueName: "name|path"))
    var check: String?

    func run() throws {
        let loader = ThemeLoader(searchPaths: ThemeLoader.defaultSearchPaths(executableURL: Self.executableURL(),
                                                                             environment: ProcessInfo.processInfo.environment))
        if let check {
            do {
                let theme = try loader.load(check)
                let origin = ThemeLoader.isPath(check) ? check : loader.origin(of: check) ?? "built in"
                print("\(theme.name): ok (\(origin)), \(theme.roles.count) roles")
            } catch {
                FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
                throw ExitCode(1)
            }
            return
        }
        for name in loader.availableThemes() {
            print("\(name)\t\(loader.origin(of: name) ?? "built in")")
        }
    }

    /// The running binary, through symlinks, so a checkout's themes/ folder is found from its build folder.
    static func executableURL() -> URL {
        let argument = URL(fileURLWithPath: CommandLine.arguments.first ?? "ordertop")
        return (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")).map(URL.init(fileURLWithPath:)) ?? argument
    }
}
