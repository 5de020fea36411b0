import AppRuntime
import ConnectModels
import Dashboard
import Foundation
import OrderTracking
import Testing
import TerminalUI

extension RuntimeTests {
    @Suite struct DashboardProgramTests {
        @Test func typedChatMessageReachesTheTrackerAndTheServer() async {
            let h = DashboardHarness()
            let run = launch(h.program(), on: h.terminal)
            #expect(await h.loaded())
            h.terminal.type("ihello shopper")
            h.terminal.press(.enter)
            #expect(await eventually { await h.tracker.outboxMessages.contains { $0.body == "hello shopper" } })
            #expect(await eventually { h.source.backend.sentMessages == ["hello shopper"] })
            // Drawn as sent, so the loop's own state knows nothing is unsent and q quits without asking.
            #expect(await eventually {
                let text = h.terminal.text
                return text.contains("hello shopper") && !text.contains("[queued") && !text.contains("[sending")
            })
            h.terminal.press(.escape, .character("q"))
            #expect(await run.value == .quit)
            #expect(await h.tracker.runningEndpoints.isEmpty)
        }

        @Test func aFailedDecisionComesBackAsATypedActionAndShowsInTheStatusBar() async {
            let h = DashboardHarness()
            let run = launch(h.program(), on: h.terminal)
            #expect(await h.loaded())
            h.terminal.press(.character("a"))
            #expect(await eventually { h.statusBar.contains("Not approved: \(DashboardHarness.decisionRefusal)") })
            h.terminal.press(.character("q"))
            #expect(await run.value == .quit)
        }

        @Test func framesAreDrawnAndTheCursorFollowsTheInputLine() async {
            let h = DashboardHarness()
            let run = launch(h.program(), on: h.terminal)
            #expect(await h.loaded())
            #expect(h.terminal.drawCount >= 1)
            #expect(h.terminal.cursor == nil)
            h.terminal.type("i")
            #expect(await eventually { h.terminal.cursor != nil })
            h.terminal.resize(to: Size(width: 100, height: 30))
            #expect(await eventually { h.terminal.canvas?.size == Size(width: 100, height: 30) })
            h.terminal.press(.escape, .character("q"))
            #expect(await run.value == .quit)
        }

        @Test func aSignalEndsTheRunWithItsExitCode() async {
            let h = DashboardHarness()
            let run = launch(h.program(), on: h.terminal)
            #expect(await h.loaded())
            h.terminal.deliver(signal: 15)
            let outcome = await run.value
            #expect(outcome == .signalled(ExitSignal(number: 15)))
            #expect(ExitSignal(number: 15).exitCode == 143)
            #expect(await h.tracker.runningEndpoints.isEmpty)
        }

        @Test func startupWarningsShowInTheStatusBar() async {
            let h = DashboardHarness()
            let run = launch(h.program(warnings: ["theme: no theme of this name"]), on: h.terminal)
            #expect(await eventually { h.statusBar.contains("theme: no theme of this name") })
            h.terminal.press(.character("q"))
            #expect(await run.value == .quit)
        }

        @Test func refreshAsksForAFreshTokenOffTheMainActor() async {
            let h = DashboardHarness()
            let asked = SharedToggle()
            let run = launch(h.program(reloadToken: { _ = asked.toggle(); return BearerToken("fresh") }), on: h.terminal)
            #expect(await h.loaded())
            h.terminal.press(.character("r"))
            #expect(await eventually { h.statusBar.contains("Refreshing…") })
            #expect(await eventually { asked.isOn })
            h.terminal.press(.character("q"))
            #expect(await run.value == .quit)
        }

        @Test func demoPauseReportsBackFromTheShopper() async {
            let h = DashboardHarness()
            let paused = SharedToggle()
            let demo = DemoControls(togglePause: { paused.toggle() }, nextStep: {})
            let run = launch(h.program(demo: demo), on: h.terminal)
            #expect(await h.loaded())
            h.terminal.press(.character(" "))
            #expect(await eventually { h.statusBar.contains("Shopper paused (space resumes)") })
            #expect(h.terminal.text.contains("DEMO (paused)"))
            h.terminal.press(.character(" "))
            #expect(await eventually { h.statusBar.contains("Shopper resumed") })
            h.terminal.press(.character("q"))
            #expect(await run.value == .quit)
        }
    }
}

/// A switch flipped from the runtime's background tasks (the demo shopper's pause, a token reload).
final class SharedToggle: @unchecked Sendable {
    // Guarded by `lock`: toggled off the main actor.
    private let lock = NSLock()
    private var paused = false

    var isOn: Bool { lock.withLock { paused } }

    func toggle() -> Bool {
        lock.withLock {
            paused.toggle()
            return paused
        }
    }
}
