import Foundation
import Testing
@testable import Dashboard

/// Snapshot files and the invariants every rendered frame must keep.
enum Snapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("__Snapshots__")

    /// Text of a canvas as stored: one line per row, trailing spaces removed, and a ruler line that pins the width.
    static func text(_ canvas: Canvas) -> String {
        "size \(canvas.size)\n" + canvas.text + "\n"
    }

    /// Compares with the stored snapshot; records it (and fails, so a person looks at it) when missing or asked.
    static func assertMatches(_ canvas: Canvas, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        let actual = text(canvas)
        let record = ProcessInfo.processInfo.environment["ORDERTOP_RECORD"] == "1"
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("Recorded snapshot \(name).txt; check it by eye and run again.", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let firstDiff = (0..<min(e.count, a.count)).first { e[$0] != a[$0] } ?? min(e.count, a.count)
            let shown = firstDiff < a.count ? String(a[firstDiff]) : "<missing>"
            let wanted = firstDiff < e.count ? String(e[firstDiff]) : "<missing>"
            Issue.record("Snapshot \(name) differs at line \(firstDiff):\n  want: \(wanted)\n  got:  \(shown)", sourceLocation: sourceLocation)
        }
    }

    /// Problems with a frame: rows not exactly `width` cells, orphan wide halves, control characters, crooked boxes.
    static func violations(_ result: RenderResult, checkBorders: Bool = true) -> [String] {
        let canvas = result.canvas
        var problems: [String] = []
        for y in 0..<canvas.size.height {
            var cells = 0
            var x = 0
            while x < canvas.size.width {
                guard let cell = canvas[x, y] else { break }
                if cell.isContinuation {
                    problems.append("orphan continuation at \(x),\(y)")
                    x += 1
                    continue
                }
                if cell.text.unicodeScalars.contains(where: { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) }) {
                    problems.append("control character at \(x),\(y): \(cell.text.unicodeScalars.map { String($0.value, radix: 16) })")
                }
                let w = CellWidth.of(cell.text)
                if w != Int(cell.width) || w == 0 { problems.append("cell \(x),\(y) '\(cell.text)' is \(w) cells, marked \(cell.width)") }
                if w == 2 {
                    if canvas[x + 1, y]?.isContinuation != true { problems.append("wide cell at \(x),\(y) without continuation") }
                    x += 2
                } else {
                    x += 1
                }
                cells += max(w, 1)
            }
            if cells != canvas.size.width { problems.append("row \(y) is \(cells) cells, not \(canvas.size.width)") }
        }
        guard checkBorders else { return problems }
        for (pane, r) in result.layout.rects where r.height >= 3 && r.width >= 3 && pane != .header && pane != .statusBar {
            let corners = [(r.x, r.y, "┌"), (r.maxX - 1, r.y, "┐"), (r.x, r.maxY - 1, "└"), (r.maxX - 1, r.maxY - 1, "┘")]
            for (x, y, c) in corners where canvas[x, y]?.text != c { problems.append("\(pane) corner at \(x),\(y) is not \(c)") }
            for y in (r.y + 1)..<(r.maxY - 1) {
                if canvas[r.x, y]?.text != "│" { problems.append("\(pane) left border broken at row \(y)") }
                if canvas[r.maxX - 1, y]?.text != "│" { problems.append("\(pane) right border broken at row \(y)") }
            }
            for x in (r.x + 1)..<(r.maxX - 1) where canvas[x, r.maxY - 1]?.text != "─" {
                problems.append("\(pane) bottom border broken at column \(x)")
            }
        }
        return problems
    }
}

@Suite struct SnapshotSupportTests {
    @Test func invariantsCatchABrokenFrame() {
        var canvas = Canvas(size: Size(width: 4, height: 3))
        canvas.box(Rect(x: 0, y: 0, width: 4, height: 3))
        var layout = DashboardLayout(state: DashboardState(now: Date(), size: Size(width: 4, height: 3)), size: Size(width: 4, height: 3))
        layout.rects = [.items: Rect(x: 0, y: 0, width: 4, height: 3)]
        #expect(Snapshot.violations(RenderResult(canvas: canvas, cursor: nil, layout: layout)).isEmpty)
        canvas.set(x: 0, y: 1, Cell(text: "\u{1B}"))
        canvas.set(x: 3, y: 2, Cell(text: "x"))
        let problems = Snapshot.violations(RenderResult(canvas: canvas, cursor: nil, layout: layout))
        #expect(problems.contains { $0.contains("control character") })
        #expect(problems.contains { $0.contains("corner") })
        #expect(problems.contains { $0.contains("left border") })
    }

    @Test func snapshotTextPinsTheSize() {
        let canvas = Canvas(size: Size(width: 3, height: 1))
        #expect(Snapshot.text(canvas) == "size 3x1\n\n")
    }
}
