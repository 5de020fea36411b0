import AppRuntime
import Clocks
import ConnectModels
import Dashboard
import Foundation
import Logging
import OrderTracking
import TestSupport
import Testing
import TerminalUI

/// A fixed clock for the loop, so no tick changes a frame while a test looks at it.
let fixedNow = Date(timeIntervalSince1970: 1_780_000_000.5)

/// A program running on a memory terminal, and whether its run has ended.
struct LaunchedRun: Sendable {
    let task: Task<RunOutcome, Never>
    let terminal: MemoryTerminal
    let ended: Flag

    /// A flag set once, read from any thread.
    final class Flag: @unchecked Sendable {
        // Guarded by `lock`: set by the run's task, read by the test.
        private let lock = NSLock()
        private var set = false
        func raise() { lock.withLock { set = true } }
        var isRaised: Bool { lock.withLock { set } }
    }

    /// How the run ended. A run still going after `seconds` (a key lost, a question left open) is ended with
    /// SIGTERM, so a failing test fails instead of holding the main thread, and every other test, forever.
    var value: RunOutcome {
        get async {
            let ended = ended
            if await !eventually(within: 30, { ended.isRaised }) {
                Issue.record("the run did not end by itself; stopping it with SIGTERM")
                terminal.deliver(signal: SIGTERM)
            }
            return await task.value
        }
    }
}

/// Runs a program on a memory terminal on the main actor, as the app does.
/// The loop blocks the main thread while it waits for keys, so tests drive it from outside the main actor.
func launch<Program: ScreenProgram>(_ program: Program, on terminal: MemoryTerminal) -> LaunchedRun {
    let ended = LaunchedRun.Flag()
    let task = Task { @MainActor in
        let outcome = await AppLoop(program: program, terminal: terminal, now: { fixedNow }).run()
        ended.raise()
        return outcome
    }
    return LaunchedRun(task: task, terminal: terminal, ended: ended)
}

/// Waits for a condition that background work makes true, checking often, for at most `seconds`.
func eventually(within seconds: Double = 20, _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return await condition()
}

/// The dashboard on a fake order in picking, with a pending replacement the server refuses to decide: a real
/// tracker whose polls wait on a test clock, so each endpoint is read once.
struct DashboardHarness {
    static let decisionRefusal = "the shopper already bagged the original"

    let source = FakeOrderSource(state: .picking)
    let tracker: OrderTracker
    let terminal = MemoryTerminal(size: Size(width: 120, height: 40))

    init() {
        source.backend.setItems([
            LineItem(id: "li-1", status: .replaced, replacementStatus: .pending,
                     item: OrderItem(name: "Oat milk", quantity: FlexibleNumber(1), costUnit: .each),
                     replacement: OrderItem(name: "Soy milk", quantity: FlexibleNumber(1), costUnit: .each)),
            LineItem(id: "li-2", status: .found, item: OrderItem(name: "Bananas", quantity: FlexibleNumber(6), costUnit: .each)),
        ])
        source.backend.fail(.replacement, with: [ConnectError.invalidRequest(Self.decisionRefusal)])
        tracker = OrderTracker(client: source, orderID: "order-1", clock: TestClock(), now: { fixedNow })
    }

    func program(themes: ThemeCycler = ThemeCycler(loader: ThemeLoader(searchPaths: []), noColor: false),
                 themeName: String = "default", warnings: [String] = [], demo: DemoControls? = nil,
                 reloadToken: (@Sendable () -> BearerToken?)? = nil) -> DashboardProgram {
        DashboardProgram(order: tracker, themes: themes, themeName: themeName, startupWarnings: warnings, demo: demo,
                         reloadToken: reloadToken, logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
    }

    /// True once the fake order's items are on screen.
    func loaded() async -> Bool {
        await eventually { terminal.text.contains("Oat milk") && terminal.text.contains("Picking") }
    }

    /// The status bar: the last row of the frame.
    var statusBar: String { terminal.lines.last ?? "" }
}

/// Every runtime test, one at a time: a running loop holds the main thread while it waits for keys, as in the app.
@Suite(.serialized) enum RuntimeTests {}
