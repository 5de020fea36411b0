import Dashboard
import Foundation
import TerminalUI

/// The theme to start with and what `t` switches to, under the NO_COLOR rule: with NO_COLOR set (no-color.org)
/// the monochrome theme is used and cycling is off.
public struct ThemeCycler: Sendable {
    /// What cycling from one theme leads to.
    public enum Step: Sendable {
        /// NO_COLOR is set: themes stay off.
        case off
        /// No theme to switch to.
        case unchanged
        /// Use `theme`; `problems` say what was wrong with its file.
        case switchTo(Theme, problems: [String])
    }

    public let loader: ThemeLoader
    public let noColor: Bool

    public init(loader: ThemeLoader, noColor: Bool) {
        self.loader = loader
        self.noColor = noColor
    }

    /// Themes from the usual places (beside the package the binary was built in, then the config directory),
    /// with NO_COLOR read from `environment`.
    public init(environment: [String: String]) {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "ordertop")
        // /proc/self/exe finds the binary when it was started through $PATH or a symlink.
        let resolved = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")).map(URL.init(fileURLWithPath:))
        let paths = ThemeLoader.defaultSearchPaths(executableURL: resolved ?? executable, environment: environment)
        self.init(loader: ThemeLoader(searchPaths: paths), noColor: ColorEnvironment.noColor(environment))
    }

    /// The colour depth to ask the terminal for: monochrome under NO_COLOR, else nil for what it can show.
    public var colorDepth: ColorDepth? { noColor ? .monochrome : nil }

    /// The theme to start with (`requested` is `--theme`), and warnings for the status bar.
    public func startingTheme(_ requested: String?) -> (theme: Theme, warnings: [String]) {
        var (theme, warnings) = loader.loadOrDefault(noColor ? "monochrome" : requested)
        if noColor && requested != nil { warnings.append("NO_COLOR is set: using the monochrome theme") }
        return (theme, warnings)
    }

    /// The theme after `current` in the sorted list, wrapping round; an unknown name starts the list again.
    public func next(after current: String) -> Step {
        guard !noColor else { return .off }
        let names = loader.availableThemes()
        guard !names.isEmpty else { return .unchanged }
        let index = names.firstIndex(of: current).map { ($0 + 1) % names.count } ?? 0
        let (theme, problems) = loader.loadOrDefault(names[index])
        return .switchTo(theme, problems: problems)
    }
}
