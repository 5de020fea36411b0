@testable import CursesTerminal
import Dashboard
import Testing
import TerminalUI

@Suite("CursesTerminal changed runs")
struct CursesTerminalDiffTests {
    private func canvas(_ lines: [String], width: Int = 10) -> Canvas {
        var c = Canvas(size: Size(width: width, height: lines.count))
        for (y, line) in lines.enumerated() { c.put(line, x: 0, y: y) }
        return c
    }

    @Test("an unchanged canvas has no runs")
    func unchanged() {
        let c = canvas(["hello", "香港 ok"])
        #expect(ScreenDiff.runs(from: c, to: c).isEmpty)
    }

    @Test("no previous canvas draws every cell, one run per row and style")
    func full() {
        var c = canvas(["ab", "cd"], width: 4)
        c.put("X", x: 3, y: 1, style: Style(.warning))
        let runs = ScreenDiff.runs(from: nil, to: c)
        #expect(runs.map(\.y) == [0, 1, 1])
        #expect(runs.map(\.text) == ["ab  ", "cd ", "X"])
        #expect(runs[2].x == 3 && runs[2].style == Style(.warning))
    }

    @Test("a size change redraws everything")
    func sizeChange() {
        let old = canvas(["abc"], width: 5)
        let new = canvas(["abc"], width: 6)
        let runs = ScreenDiff.runs(from: old, to: new)
        #expect(runs.count == 1)
        #expect(runs.first?.width == 6)
    }

    @Test("one changed cell is one run of one cell")
    func oneCell() {
        let old = canvas(["hello", "world"])
        var new = old
        new.put("W", x: 0, y: 1)
        #expect(ScreenDiff.runs(from: old, to: new) == [DrawRun(x: 0, y: 1, style: .plain, cells: [Cell(text: "W")])])
    }

    @Test("changes separated by unchanged cells are separate runs")
    func separate() {
        let old = canvas(["abcdef"])
        var new = old
        new.put("X", x: 1, y: 0)
        new.put("Y", x: 4, y: 0)
        #expect(ScreenDiff.runs(from: old, to: new).map { "\($0.x):\($0.text)" } == ["1:X", "4:Y"])
    }

    @Test("a wide grapheme is written once and covers two cells")
    func wide() {
        let old = canvas(["ab  cd"])
        var new = old
        new.put("香", x: 2, y: 0)
        let runs = ScreenDiff.runs(from: old, to: new)
        #expect(runs.count == 1)
        #expect(runs[0].x == 2 && runs[0].text == "香" && runs[0].width == 2 && runs[0].cells.count == 1)
    }

    @Test("changing the second half of a wide grapheme rewrites from its first half")
    func wideHalf() {
        let old = canvas(["a香b"])
        var new = old
        new.set(x: 2, y: 0, Cell(text: "x"))  // Canvas blanks the head at x=1
        let runs = ScreenDiff.runs(from: old, to: new)
        #expect(runs.map { "\($0.x):\($0.text)" } == ["1: x"])
    }

    @Test("a wide grapheme replacing narrow ones includes its continuation")
    func wideOverNarrow() {
        let old = canvas(["abcd"])
        var new = old
        new.put("😀", x: 1, y: 0)
        let runs = ScreenDiff.runs(from: old, to: new)
        #expect(runs.map { "\($0.x):\($0.text):\($0.width)" } == ["1:😀:2"])
    }

    @Test("one wide grapheme replacing another is one run")
    func wideOverWide() {
        let old = canvas(["a香b"])
        var new = old
        new.put("港", x: 1, y: 0)
        let runs = ScreenDiff.runs(from: old, to: new)
        #expect(runs.map { "\($0.x):\($0.text):\($0.width)" } == ["1:港:2"])
    }

    @Test("an orphan continuation is drawn as a blank")
    func orphan() {
        var new = Canvas(size: Size(width: 3, height: 1))
        new.set(x: 0, y: 0, Cell(text: "", width: 0))
        let runs = ScreenDiff.runs(from: nil, to: new)
        #expect(runs.map(\.text) == ["   "])
    }

    @Test("style changes split a run")
    func styles() {
        var new = Canvas(size: Size(width: 4, height: 1))
        new.put("ab", x: 0, y: 0, style: Style(.title))
        new.put("cd", x: 2, y: 0, style: Style(.title, [.bold]))
        #expect(ScreenDiff.runs(from: nil, to: new).map(\.text) == ["ab", "cd"])
    }

    @Test("an empty canvas has no runs")
    func empty() {
        #expect(ScreenDiff.runs(from: nil, to: Canvas(size: Size(width: 0, height: 5))).isEmpty)
    }
}

@Suite("CursesTerminal grapheme output")
struct CursesTerminalGraphemeTests {
    // A stand-in for wcwidth: wide for CJK and emoji, zero for combining marks.
    private func width(_ s: Unicode.Scalar) -> Int {
        if s.properties.generalCategory == .nonspacingMark { return 0 }
        if s.value == 0xFE0F || s.value == 0x200D { return 0 }
        if (0x4E00...0x9FFF).contains(s.value) || (0x1F300...0x1FAFF).contains(s.value) { return 2 }
        return 1
    }

    private func out(_ text: String, _ cells: Int) -> String {
        var v = String.UnicodeScalarView()
        v.append(contentsOf: GraphemeOutput.scalars(for: text, cellWidth: cells, terminalWidth: width))
        return String(v)
    }

    @Test("base scalars and combining marks are kept")
    func marks() {
        #expect(out("a", 1) == "a")
        #expect(out("e\u{301}", 1) == "e\u{301}")
        #expect(out("香", 2) == "香")
    }

    @Test("variation selectors and ZWJ-joined scalars are dropped")
    func joined() {
        #expect(out("❤\u{FE0F}", 1).unicodeScalars.map(\.value) == [0x2764])
        #expect(out("👨\u{200D}👩\u{200D}👧", 2) == "👨")
        #expect(out("👍🏽", 2) == "👍")
    }

    @Test("width disagreements are padded or replaced so columns stay right")
    func mismatch() {
        #expect(out("☀\u{FE0F}", 2) == "☀ ")          // curses says 1, canvas says 2
        #expect(out("香", 1) == "\u{FFFD}")           // curses says 2, canvas says 1
        #expect(out("", 2) == "  ")
        #expect(out("\u{301}", 1) == "\u{FFFD}")      // a lone mark cannot start a cell
    }
}
