import AppRuntime
import ArgumentParser
import ConnectModels
import CursesTerminal
import Dashboard
import Foundation
import OrderTracking
import TerminalUI

/// Options shared by every command that opens the dashboard.
struct DashboardOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A theme name (from themes/ or $XDG_CONFIG_HOME/ordertop/themes/) or a .toml path.", valueName: "name|path"))
    var theme: String?

    @Flag(name: .long, help: "Do not capture the mouse (clicks focus panes and the wheel scrolls otherwise).")
    var noMouse = false

    @Option(name: .long, help: ArgumentHelp("Where log lines go (never to the terminal the dashboard owns).", valueName: "path"))
    var logFile: String?
}

/// Opens curses with the starting theme, runs a screen program on it and gives the terminal back, whatever happens:
/// the one way `watch`, `demo`, `board` and `replay` take the terminal.
@MainActor
enum ScreenRunner {
    /// - Parameters:
    ///   - now: the loop's clock (a replay's runs on the recording's time).
    ///   - make: the program, given the theme cycler, the starting theme's name and any warnings about it.
    static func run<Program: ScreenProgram>(theme: String?, options: DashboardOptions, environment: [String: String],
                                            now: @escaping @Sendable () -> Date = { Date() },
                                            make: (ThemeCycler, String, [String]) -> Program) async throws -> RunOutcome {
        let themes = ThemeCycler(environment: environment)
        let (startTheme, warnings) = themes.startingTheme(theme)
        let screen: CursesScreen
        do {
            screen = try CursesScreen.start(options: .init(mouse: !options.noMouse, colorDepth: themes.colorDepth), theme: startTheme)
        } catch {
            throw ValidationError("\(error)")
        }
        defer { screen.stop() }
        let outcome = await AppLoop(program: make(themes, startTheme.name, warnings), terminal: screen, now: now).run()
        screen.stop()
        return outcome
    }
}

/// Opens the dashboard on curses for a tracker and hands both to the runtime.
@MainActor
enum DashboardRunner {
    /// `reloadToken` is asked on `r`: a token file may hold a fresh token after a 401.
    static func run(tracker: OrderTracker, options: DashboardOptions, environment: [String: String], demo: DemoControls?,
                    reloadToken: (@Sendable () -> BearerToken?)? = nil) async throws {
        let outcome = try await ScreenRunner.run(theme: options.theme, options: options, environment: environment) { themes, name, warnings in
            DashboardProgram(order: tracker, themes: themes, themeName: name, startupWarnings: warnings,
                             demo: demo, reloadToken: reloadToken, mouseEnabled: !options.noMouse)
        }
        if case .signalled(let signal) = outcome { throw ExitCode(signal.exitCode) }
    }
}
