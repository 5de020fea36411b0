import CursesTerminal
import Dashboard
import Testing
import TerminalUI

/// Drives real ncurses, writing to a temporary file instead of a terminal.
/// curses is one global state machine, so these run one at a time on the main actor.
@Suite("CursesTerminal offscreen screen", .serialized)
@MainActor
struct CursesTerminalOffscreenTests {
    private func sample(_ size: Size) -> Canvas {
        var c = Canvas(size: size)
        c.box(c.bounds, title: "Items")
        for row in 1..<max(1, size.height - 1) {
            c.put("Item \(row) — bananas 香蕉 🍌 x\(row)", x: 2, y: row, style: Style(row % 2 == 0 ? .itemFound : .text))
        }
        return c
    }

    private let styles: CursesScreen.StyleResolver = { role, _ in
        switch role {
        case .itemFound: ThemeStyle(foreground: .indexed(2))
        case .border: ThemeStyle(foreground: .indexed(4), attributes: [.bold])
        default: ThemeStyle()
        }
    }

    @Test("an unchanged frame writes 0 bytes; a one-cell change writes a few")
    func bytes() throws {
        let screen = try OffscreenCurses.start(term: "xterm-256color", size: Size(width: 80, height: 24), styles: styles)
        defer { screen.stop() }
        let frame = sample(screen.size)
        screen.draw(frame)
        let first = screen.bytesWrittenSinceLastCall()
        #expect(first > 80 * 20)
        #expect(screen.lastDrawCellCount > 80 * 20)
        screen.draw(frame)
        #expect(screen.bytesWrittenSinceLastCall() == 0)
        // curses would also skip identical cells; the screen must not even hand them over.
        #expect(screen.lastDrawCellCount == 0)
        var changed = frame
        changed.put("7", x: 7, y: 5)
        screen.draw(changed)
        let one = screen.bytesWrittenSinceLastCall()
        #expect(one > 0 && one < 32, "one cell wrote \(one) bytes")
        #expect(screen.lastDrawCellCount == 1)
        screen.draw(changed)
        #expect(screen.bytesWrittenSinceLastCall() == 0)
    }

    @Test("the screen holds what the canvas says, wide text included")
    func contents() throws {
        let screen = try OffscreenCurses.start(size: Size(width: 40, height: 6), styles: styles)
        defer { screen.stop() }
        var c = Canvas(size: screen.size)
        c.put("a香b😀c é\u{301}!", x: 1, y: 1)
        c.put("👨‍👩‍👧 ❤️ end", x: 1, y: 2)
        c.put("right edge 香", x: 28, y: 3)
        screen.draw(c)
        let lines = screen.screenLines()
        #expect(lines.count == 6)
        #expect(lines[1].hasPrefix(" a香b😀c é\u{301}!"))
        // ❤️ is 2 cells in the canvas but 1 for wcwidth: written as ❤ plus a space so columns stay right.
        #expect(lines[2].hasPrefix(" 👨 ❤  end"), "\(lines[2].unicodeScalars.map { String($0.value, radix: 16) })")
        // 香 would need columns 39-40; the canvas cut it to a blank, so the row is still 40 cells.
        #expect(lines[3].hasSuffix("right edge  "))
        #expect(lines[3].count == 40)
        let bytes = String(decoding: screen.writtenBytes(), as: UTF8.self)
        #expect(bytes.contains("香") && bytes.contains("😀"))

        // Changing the cell right after a wide grapheme still writes only a little.
        _ = screen.bytesWrittenSinceLastCall()
        var next = c
        next.put("B", x: 4, y: 1)
        screen.draw(next)
        let written = screen.bytesWrittenSinceLastCall()
        #expect(written > 0 && written < 32)
        #expect(screen.screenLines()[1].hasPrefix(" a香B😀c"))
    }

    @Test("canvases larger or smaller than the screen are clipped, down to 1x1")
    func clipping() throws {
        for size in [Size(width: 1, height: 1), Size(width: 2, height: 1), Size(width: 7, height: 3)] {
            let screen = try OffscreenCurses.start(size: size, styles: styles)
            defer { screen.stop() }
            #expect(screen.size == size)
            screen.draw(sample(Size(width: 120, height: 40)))
            screen.draw(sample(Size(width: 1, height: 1)))
            screen.draw(Canvas(size: Size(width: 0, height: 0)))
            var wide = Canvas(size: size)
            wide.put("香香香香", x: 0, y: 0)
            screen.draw(wide)
            #expect(screen.screenLines().count == size.height)
        }
    }

    @Test("a theme change repaints with the new colours")
    func themeChange() throws {
        let screen = try OffscreenCurses.start(size: Size(width: 30, height: 4), styles: styles)
        defer { screen.stop() }
        #expect(screen.colorDepth == .indexed256)
        var c = Canvas(size: screen.size)
        c.put("found", x: 0, y: 0, style: Style(.itemFound))
        screen.draw(c)
        _ = screen.bytesWrittenSinceLastCall()
        screen.setStyles { role, _ in role == .itemFound ? ThemeStyle(foreground: .indexed(200)) : ThemeStyle() }
        screen.draw(c)
        #expect(screen.lastDrawCellCount == 30 * 4)
        let after = screen.writtenBytes()
        #expect(screen.bytesWrittenSinceLastCall() > 0)
        #expect(String(decoding: after, as: UTF8.self).contains("38;5;200m"))
    }

    @Test("monochrome draws no colour sequences")
    func monochrome() throws {
        let screen = try OffscreenCurses.start(size: Size(width: 30, height: 4), options: .init(mouse: false, colorDepth: .monochrome),
                                                     styles: styles)
        defer { screen.stop() }
        #expect(screen.colorDepth == .monochrome)
        var c = Canvas(size: screen.size)
        c.put("found", x: 0, y: 0, style: Style(.itemFound, [.bold]))
        screen.draw(c)
        let out = String(decoding: screen.writtenBytes(), as: UTF8.self)
        #expect(!out.contains("38;5;"))
        #expect(out.contains("found"))
    }

    @Test("unusable TERM values are refused with a hint to use --plain")
    func badTerm() {
        #expect(throws: TerminalUnavailable(.termUnknown("no-such-terminal"))) {
            try OffscreenCurses.start(term: "no-such-terminal", size: Size(width: 10, height: 2))
        }
        #expect(throws: TerminalUnavailable(.termCannotAddressCursor("dumb"))) {
            try OffscreenCurses.start(term: "dumb", size: Size(width: 10, height: 2))
        }
        #expect(TerminalUnavailable(.stdoutNotATerminal).description
            == "the dashboard needs a terminal (stdout is not a tty). Use --plain for lines of text, or --json for JSON.")
    }
}
