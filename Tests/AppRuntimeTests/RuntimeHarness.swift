import AppRuntime
import Dashboard
import Foundation
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

/// Every runtime test, one at a time: a running loop holds the main thread while it waits for keys, as in the app.
@Suite(.serialized) enum RuntimeTests {}
