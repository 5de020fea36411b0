import AppRuntime
import Dashboard
import Foundation
import Testing
import TerminalUI

/// The smallest other screen: a counter whose additions are worked out in the background, as the board's will be.
struct CounterProgram: ScreenProgram {
    struct State: Equatable {
        var count = 0
        var size: Size
    }

    enum Action: Sendable {
        case key(Key), resized(Size), tick, added(Int)
    }

    enum Effect {
        case add(Int), repaint, quit
    }

    func initialState(size: Size, now: Date) -> State { State(size: size) }

    func reduce(_ state: inout State, _ action: Action) -> [Effect] {
        switch action {
        case .key(.character("+")): return [.add(1)]
        case .key(.ctrl("l")): return [.repaint]
        case .key(.character("q")): return [.quit]
        case .key, .tick: return []
        case .resized(let size): state.size = size
        case .added(let n): state.count += n
        }
        return []
    }

    func render(_ state: State, size: Size) -> Frame {
        var canvas = Canvas(size: size)
        canvas.put("count: \(state.count)", x: 0, y: 0)
        return Frame(canvas: canvas)
    }

    func key(_ key: Key) -> Action { .key(key) }
    func resize(_ size: Size) -> Action { .resized(size) }
    func tick(_ now: Date) -> Action { .tick }

    func interpret(_ effect: Effect, in state: State) -> Command<Action> {
        switch effect {
        case .add(let n): .background { .added(n) }
        case .repaint: .repaint
        case .quit: .quit
        }
    }

    func feed(_ inbox: Inbox<Action>) async {}
    func start(_ inbox: Inbox<Action>) async {}
    func stop() async {}
}

/// The counter with news from outside and a long frame interval, as the board has.
struct PacedCounter: ScreenProgram {
    typealias State = CounterProgram.State
    typealias Action = CounterProgram.Action
    typealias Effect = CounterProgram.Effect
    let base = CounterProgram()
    let news: AsyncStream<Action>

    var frameInterval: Duration { .seconds(60) }
    func initialState(size: Size, now: Date) -> State { base.initialState(size: size, now: now) }
    func reduce(_ state: inout State, _ action: Action) -> [Effect] { base.reduce(&state, action) }
    func render(_ state: State, size: Size) -> Frame { base.render(state, size: size) }
    func key(_ key: Key) -> Action { base.key(key) }
    func resize(_ size: Size) -> Action { base.resize(size) }
    func tick(_ now: Date) -> Action { base.tick(now) }
    func interpret(_ effect: Effect, in state: State) -> Command<Action> { base.interpret(effect, in: state) }
    func feed(_ inbox: Inbox<Action>) async { for await action in news { inbox.send(action) } }
    func start(_ inbox: Inbox<Action>) async {}
    func stop() async {}
}

extension RuntimeTests {
    @Suite struct SecondProgramTests {
        @Test func newsWaitsForTheFrameIntervalButAKeyIsDrawnAtOnce() async {
            let terminal = MemoryTerminal(size: Size(width: 40, height: 5))
            let (news, post) = AsyncStream.makeStream(of: CounterProgram.Action.self)
            let run = launch(PacedCounter(news: news), on: terminal)
            #expect(await eventually { terminal.drawCount == 1 }, "the first frame is drawn at once")
            post.yield(.added(5))
            post.yield(.added(2))
            // Well inside the 60 s interval: the news is taken in but not drawn.
            _ = await eventually(within: 0.3) { terminal.drawCount > 1 }
            #expect(terminal.drawCount == 1 && terminal.lines.first?.hasPrefix("count: 0") == true)
            terminal.press(.character("x"))
            #expect(await eventually { terminal.lines.first?.hasPrefix("count: 7") == true }, "a key draws what came meanwhile")
            #expect(terminal.drawCount == 2, "both pieces of news in one frame")
            terminal.press(.character("q"))
            #expect(await run.value == .quit)
        }

        @Test func theRuntimeHostsAnotherScreen() async {
            let terminal = MemoryTerminal(size: Size(width: 40, height: 5))
            let run = launch(CounterProgram(), on: terminal)
            #expect(await eventually { terminal.lines.first?.hasPrefix("count: 0") == true })
            // The result comes from a background task while the loop is blocked waiting for keys.
            terminal.press(.character("+"))
            #expect(await eventually { terminal.lines.first?.hasPrefix("count: 1") == true })
            terminal.press(.character("+"), .character("+"))
            #expect(await eventually { terminal.lines.first?.hasPrefix("count: 3") == true })
            terminal.press(.ctrl("l"))
            #expect(await eventually { terminal.repaintCount == 1 })
            terminal.press(.character("q"))
            #expect(await run.value == .quit)
        }

        @Test func anUnchangedStateIsNotDrawnAgain() async {
            let terminal = MemoryTerminal(size: Size(width: 40, height: 5))
            let run = launch(CounterProgram(), on: terminal)
            #expect(await eventually { terminal.drawCount == 1 })
            terminal.press(.character("x"))
            terminal.press(.character("+"))
            #expect(await eventually { terminal.lines.first?.hasPrefix("count: 1") == true })
            #expect(terminal.drawCount == 2)
            terminal.press(.character("q"))
            #expect(await run.value == .quit)
        }
    }
}
