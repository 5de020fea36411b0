import AppRuntime
import Clocks
import ConnectModels
import Dashboard
import Foundation
import Logging
import OrderTracking
import TestSupport
import Testing

/// A fixed clock for the loop, so no tick changes a frame while a test looks at it.
let fixedNow = Date(timeIntervalSince1970: 1_780_000_000.5)

/// Runs a program on a memory terminal on the main actor, as the app does.
/// The loop blocks the main thread while it waits for keys, so tests drive it from outside the main actor.
func launch<Program: ScreenProgram>(_ program: Program, on terminal: MemoryTerminal) -> Task<RunOutcome, Never> {
    Task { @MainActor in await AppLoop(program: program, terminal: terminal, now: { fixedNow }).run() }
}

/// Waits for a condition that background work makes true, checking often, for at most `seconds`.
func eventually(within seconds: Double = 10, _ condition: () async -> Bool) async -> Bool {
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
        DashboardProgram(tracker: tracker, themes: themes, themeName: themeName, startupWarnings: warnings, demo: demo,
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
