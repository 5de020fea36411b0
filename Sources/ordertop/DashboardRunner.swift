import AppRuntime
import ArgumentParser
import ConnectModels
import CursesTerminal
import Dashboard
import Foundation
import OrderTracking

/// Options shared by every command that opens the dashboard.
struct DashboardOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A theme name (from themes/ or $XDG_CONFIG_HOME/ordertop/themes/) or a .toml path.", valueName: "name|path"))
    var theme: String?

    @Flag(name: .long, help: "Do not capture the mouse (clicks focus panes and the wheel scrolls otherwise).")
    var noMouse = false

    @Option(name: .long, help: ArgumentHelp("Where log lines go (never to the terminal the dashboard owns).", valueName: "path"))
    var logFile: String?
}

/// Opens the dashboard on curses for a tracker and hands both to the runtime.
@MainActor
enum DashboardRunner {
    /// `reloadToken` is asked on `r`: a token file may hold a fresh token after a 401.
    static func run(tracker: OrderTracker, options: DashboardOptions, environment: [String: String], demo: DemoControls?,
                    reloadToken: (@Sendable () -> BearerToken?)? = nil) async throws {
        let themes = ThemeCycler(environment: environment)
        let (theme, warnings) = themes.startingTheme(options.theme)
        let screen: CursesScreen
        do {
            screen = try CursesScreen.start(options: .init(mouse: !options.noMouse, colorDepth: themes.colorDepth), theme: theme)
        } catch {
            throw ValidationError("\(error)")
        }
        defer { screen.stop() }
        let program = DashboardProgram(tracker: tracker, themes: themes, themeName: theme.name, startupWarnings: warnings,
                                       demo: demo, reloadToken: reloadToken, mouseEnabled: !options.noMouse)
        let outcome = await AppLoop(program: program, terminal: screen).run()
        screen.stop()
        if case .signalled(let signal) = outcome { throw ExitCode(signal.exitCode) }
    }
}
