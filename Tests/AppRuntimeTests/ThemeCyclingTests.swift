import AppRuntime
import Dashboard
import Testing
import TerminalUI

extension RuntimeTests {
    @Suite struct ThemeCyclingTests {
        let builtIn = ThemeLoader(searchPaths: [])

        @Test func tSwitchesToTheNextThemeOnTheTerminal() async {
            let h = DashboardHarness()
            let names = builtIn.availableThemes()
            let expected = names[(names.firstIndex(of: "default")! + 1) % names.count]
            let run = launch(h.program(themes: ThemeCycler(loader: builtIn, noColor: false)), on: h.terminal)
            #expect(await h.loaded())
            h.terminal.press(.character("t"))
            #expect(await eventually { h.terminal.theme?.name == expected })
            #expect(await eventually { h.statusBar.contains("Theme: \(expected)") })
            h.terminal.press(.character("q"))
            #expect(await run.value == .quit)
        }

        @Test func noColorKeepsThemesOff() async {
            let h = DashboardHarness()
            let themes = ThemeCycler(loader: builtIn, noColor: true)
            let (theme, warnings) = themes.startingTheme("dracula")
            #expect(theme.name == "monochrome")
            #expect(warnings == ["NO_COLOR is set: using the monochrome theme"])
            #expect(themes.colorDepth == .monochrome)
            let run = launch(h.program(themes: themes, themeName: theme.name, warnings: warnings), on: h.terminal)
            #expect(await eventually { h.statusBar.contains("NO_COLOR is set: using the monochrome theme") })
            h.terminal.press(.character("t"))
            #expect(await eventually { h.statusBar.contains("NO_COLOR is set: themes are off") })
            #expect(h.terminal.theme == nil)
            h.terminal.press(.character("q"))
            #expect(await run.value == .quit)
        }

        @Test func withoutNoColorTheRequestedThemeIsUsed() {
            let themes = ThemeCycler(loader: builtIn, noColor: false)
            let (theme, warnings) = themes.startingTheme("monochrome")
            #expect(theme.name == "monochrome")
            #expect(warnings.isEmpty)
            #expect(themes.colorDepth == nil)
            #expect(ThemeCycler(environment: ["NO_COLOR": "1"]).noColor)
            #expect(!ThemeCycler(environment: ["NO_COLOR": ""]).noColor)
        }
    }
}
