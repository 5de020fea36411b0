import ConnectModels
import Foundation
import OrderTracking
import TestSupport
import Testing
import TerminalUI
@testable import Dashboard

/// Whole screens, so every pane is covered, for each order across the three reference sizes.
@Suite struct SnapshotScreenTests {
    static let cases: [(String, Size)] = Fixture.scenarios.flatMap { name, _ in Fixture.sizes.map { (name, $0) } }

    @Test(arguments: cases.map { "\($0.0)@\($0.1)" })
    func screen(_ id: String) throws {
        let parts = id.split(separator: "@")
        let name = String(parts[0])
        let dims = parts[1].split(separator: "x").compactMap { Int($0) }
        let size = Size(width: dims[0], height: dims[1])
        var state = try #require(Fixture.scenarios.first { $0.0 == name }?.1)
        _ = reduce(&state, .resize(size))
        let result = renderFrame(state, size: size)
        #expect(Snapshot.violations(result) == [])
        Snapshot.store.assertMatches(result.canvas, named: "screen-\(name)-\(size)")
    }

    /// The same order with each pane focused at 80x24, where focus decides who gets the room.
    @Test(arguments: PaneID.focusOrder)
    func focusedPaneGrowsWhenStacked(_ pane: PaneID) {
        var state = Fixture.state([.order(Fixture.order(.picking)), .items(Fixture.groceryItems), .handling(Fixture.handling),
                                   .chat(Fixture.conversation), .outbox(Fixture.outbox)], size: Size(width: 80, height: 24), focus: pane)
        _ = reduce(&state, .resize(Size(width: 80, height: 24)))
        let result = renderFrame(state, size: state.size)
        #expect(Snapshot.violations(result) == [])
        let others = PaneID.focusOrder.filter { $0 != pane && $0 != .timeline }
        if pane != .timeline {
            for other in others { #expect(result.layout.rects[pane]!.height > result.layout.rects[other]!.height) }
        }
        Snapshot.store.assertMatches(result.canvas, named: "focus-\(pane.rawValue)-80x24")
    }

    @Test func helpOverlayListsDemoKeys() {
        var state = Fixture.state([.order(Fixture.order(.picking))], isDemo: true)
        _ = reduce(&state, .key(.character("?")))
        let result = renderFrame(state, size: state.size)
        #expect(Snapshot.violations(result, checkBorders: false) == [])
        let text = result.canvas.text
        #expect(text.contains("pause / resume the demo"))
        #expect(text.contains("next demo step"))
        Snapshot.store.assertMatches(result.canvas, named: "help-demo-120x40")
    }

    @Test func typingShowsCursorAndCounter() throws {
        var state = Fixture.deliveryPicking
        _ = reduce(&state, .key(.character("i")))
        for c in "Skyr 香 is fine, thanks" { _ = reduce(&state, .key(.character(c))) }
        for _ in 0..<7 { _ = reduce(&state, .key(.left)) }
        let result = renderFrame(state, size: state.size)
        #expect(Snapshot.violations(result) == [])
        let cursor = try #require(result.cursor)
        let chat = try #require(result.layout.rects[.chat])
        #expect(cursor.y == chat.maxY - 2)
        // "> " + "Skyr 香 is fine," is 2 + 16 cells (香 takes two).
        #expect(cursor.x == chat.x + 1 + 2 + 16)
        #expect(result.canvas.lines()[cursor.y].contains("22/1000"))
        Snapshot.store.assertMatches(result.canvas, named: "typing-120x40")
    }

    @Test func quitQuestionShowsInStatusBar() {
        var state = Fixture.deliveryPicking
        _ = reduce(&state, .tracker(.outbox(Fixture.outbox + [OutboxMessage(body: "third", state: .queued, createdAt: Fixture.now)])))
        _ = reduce(&state, .key(.character("q")))
        let last = render(state, size: state.size).lines().last ?? ""
        #expect(last.contains("2 unsent messages are kept on disk. Quit? y/n"))
    }
}
