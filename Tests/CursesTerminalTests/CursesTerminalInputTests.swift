@testable import CursesTerminal
import Foundation
import Dashboard
import Testing
import TerminalUI

/// Feeds bytes to an offscreen screen's input pipe and reads them back through ncurses.
@Suite("CursesTerminal input", .serialized)
@MainActor
struct CursesTerminalInputTests {
    private func start(mouse: Bool = false) throws -> OffscreenCurses {
        try OffscreenCurses.start(term: "xterm-256color", size: Size(width: 40, height: 10), options: .init(mouse: mouse))
    }

    private func read(_ screen: OffscreenCurses, _ input: String) -> [Key] {
        screen.feedInput(Array(input.utf8))
        return screen.readKeys(timeoutMilliseconds: 500)
    }

    @Test("xterm key sequences arrive as keys")
    func sequences() throws {
        let screen = try start()
        defer { screen.stop() }
        // xterm-256color in keypad-transmit mode: arrows are ESC O x, Home/End ESC O H/F.
        #expect(read(screen, "\u{1B}OA\u{1B}OB\u{1B}OC\u{1B}OD") == [.up, .down, .right, .left])
        #expect(read(screen, "\u{1B}OH\u{1B}OF\u{1B}[5~\u{1B}[6~\u{1B}[3~\u{1B}[Z") == [.home, .end, .pageUp, .pageDown, .delete, .backTab])
        #expect(read(screen, "\u{1B}OP\u{1B}[15~") == [.function(1), .function(5)])
        #expect(read(screen, "\t\r\u{7F}\u{15}") == [.tab, .enter, .backspace, .ctrl("u")])
    }

    @Test("non-ASCII text arrives as characters, combining marks joined")
    func text() throws {
        let screen = try start()
        defer { screen.stop() }
        #expect(read(screen, "aé香😀") == [.character("a"), .character("é"), .character("香"), .character("😀")])
        #expect(read(screen, "e\u{301}x") == [.character("e\u{301}"), .character("x")])
    }

    @Test("Escape alone arrives after the escape delay")
    func escape() throws {
        let screen = try start()
        defer { screen.stop() }
        #expect(read(screen, "\u{1B}") == [.escape])
    }

    @Test("SGR mouse reports arrive as mouse keys when the mouse is on")
    func mouse() throws {
        let screen = try start(mouse: true)
        defer { screen.stop() }
        // Reports are 1-based; events are 0-based cells. A click is a press then a release.
        #expect(read(screen, "\u{1B}[<0;5;3M\u{1B}[<0;5;3m") == [.mouse(MouseEvent(kind: .press, x: 4, y: 2))])
        #expect(read(screen, "\u{1B}[<64;6;4M\u{1B}[<65;7;5M") == [
            .mouse(MouseEvent(kind: .wheelUp, x: 5, y: 3)),
            .mouse(MouseEvent(kind: .wheelDown, x: 6, y: 4)),
        ])
    }

    @Test("with no input, readKeys sleeps for the timeout and returns nothing")
    func idle() throws {
        let screen = try start()
        defer { screen.stop() }
        let clock = ContinuousClock()
        let started = clock.now
        #expect(screen.readKeys(timeoutMilliseconds: 200).isEmpty)
        let elapsed = clock.now - started
        #expect(elapsed >= .milliseconds(150) && elapsed < .seconds(2), "\(elapsed)")
        #expect(screen.terminationSignal == nil)
    }

    @Test("the waker ends the wait early from another thread")
    func waker() throws {
        let screen = try start()
        defer { screen.stop() }
        let waker = screen.waker
        // A plain thread, not the cooperative pool: a busy test run must not delay the wake itself.
        Thread.detachNewThread {
            usleep(50_000)
            waker.wake()
        }
        let clock = ContinuousClock()
        let started = clock.now
        // Without the wake this would take the full minute; any early return shows the wake worked.
        #expect(screen.readKeys(timeoutMilliseconds: 60_000).isEmpty)
        #expect(clock.now - started < .seconds(30))
    }

    @Test("combining input merges into the previous character only when it forms one grapheme")
    func merge() {
        var keys: [Key] = [.character("a")]
        Key.append(.character("\u{301}"), to: &keys)
        Key.append(.character("b"), to: &keys)
        Key.append(.enter, to: &keys)
        Key.append(.character("\u{301}"), to: &keys)
        #expect(keys == [.character("a\u{301}"), .character("b"), .enter, .character("\u{301}")])
    }
}
