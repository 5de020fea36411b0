import Dashboard
import Foundation
import TerminalUI

/// Why a run ended.
public enum RunOutcome: Hashable, Sendable {
    /// The program asked to quit.
    case quit
    /// A signal asked the process to stop.
    case signalled(ExitSignal)
}

/// Runs any screen program on any terminal: actions through the reducer, frames to the terminal, effects carried out.
@MainActor
public final class AppLoop<Program: ScreenProgram, Screen: Terminal> {
    private let program: Program
    private let terminal: Screen
    private let now: @Sendable () -> Date
    private let inbox: Inbox<Program.Action>
    private var state: Program.State
    private var lastDrawn: Program.State?
    private var knownSize: Size
    private var lastTick: Date
    private var quitting = false
    /// When the last frame was drawn, on the real clock (the program's `now` may be fixed, or a recording's).
    private var lastDrawAt: ContinuousClock.Instant?
    /// A key or a resize came since the last frame: the next one is drawn at once.
    private var drawAtOnce = true
    /// News was reduced since the last frame was drawn or found unneeded.
    private var changedSinceDraw = false

    /// `now` is the clock for ticks; tests pass a fixed one so frames do not depend on the time of day.
    public init(program: Program, terminal: Screen, now: @escaping @Sendable () -> Date = { Date() }) {
        self.program = program
        self.terminal = terminal
        self.now = now
        inbox = Inbox(waker: terminal.waker)
        knownSize = terminal.size
        lastTick = now()
        state = program.initialState(size: knownSize, now: lastTick)
    }

    /// Runs until the program quits or a signal arrives; call once.
    public func run() async -> RunOutcome {
        let program = program
        let inbox = inbox
        let feeder = Task.detached { await program.feed(inbox) }
        await program.start(inbox)
        let outcome = loop()
        feeder.cancel()
        await program.stop()
        return outcome
    }

    private func loop() -> RunOutcome {
        while true {
            var effects: [Program.Effect] = []
            let news = inbox.drain()
            if !news.isEmpty { changedSinceDraw = true }
            for action in news { effects += program.reduce(&state, action) }
            let date = now()
            if Int(date.timeIntervalSince1970) != Int(lastTick.timeIntervalSince1970) {
                lastTick = date
                changedSinceDraw = true
                effects += program.reduce(&state, program.tick(date))
            }
            if terminal.size != knownSize { effects += resized() }
            perform(effects)
            if quitting { return .quit }

            // News waits for the frame interval; what a person did is drawn at once. The states are compared only
            // when a frame is due: a board's state is large, and news comes many times a second.
            var frameDueIn: Int?
            let since = lastDrawAt.map { ContinuousClock.now - $0 }
            if drawAtOnce || since.map({ $0 >= program.frameInterval }) ?? true {
                if state != lastDrawn {
                    let frame = program.render(state, size: terminal.size)
                    terminal.draw(frame.canvas, cursor: frame.cursor)
                    lastDrawn = state
                    lastDrawAt = ContinuousClock.now
                }
                drawAtOnce = false
                changedSinceDraw = false
            } else if changedSinceDraw, let since {
                frameDueIn = Int(((program.frameInterval - since) / .milliseconds(1)).rounded(.up))
            }

            // Sleep until a key, news in the inbox (the waker), a frame held back, or the next whole second for the clock.
            let untilNextSecond = 1000 - Int(now().timeIntervalSince1970.truncatingRemainder(dividingBy: 1) * 1000)
            let keys = terminal.readKeys(timeoutMilliseconds: max(1, min(max(10, untilNextSecond), frameDueIn ?? .max)))
            if let signal = terminal.exitSignal { return .signalled(signal) }
            if !keys.isEmpty { drawAtOnce = true }
            var keyEffects: [Program.Effect] = []
            for key in keys {
                keyEffects += key == .resize ? resized() : program.reduce(&state, program.key(key))
            }
            perform(keyEffects)
            if quitting { return .quit }
        }
    }

    private func resized() -> [Program.Effect] {
        knownSize = terminal.size
        drawAtOnce = true
        return program.reduce(&state, program.resize(knownSize))
    }

    private func perform(_ effects: [Program.Effect]) {
        for effect in effects { execute(program.interpret(effect, in: state)) }
    }

    private func execute(_ command: Command<Program.Action>) {
        switch command {
        case .none:
            break
        case .quit:
            quitting = true
        case .repaint:
            terminal.forceRepaint()
        case .setTheme(let theme):
            terminal.setTheme(theme)
        case .alert(let bell, let notification):
            terminal.alert(bell: bell, notification: notification)
        case .dispatch(let action):
            perform(program.reduce(&state, action))
        case .background(let work):
            let inbox = inbox
            Task.detached {
                if let action = await work() { inbox.send(action) }
            }
        case .batch(let commands):
            for command in commands { execute(command) }
        }
    }
}
