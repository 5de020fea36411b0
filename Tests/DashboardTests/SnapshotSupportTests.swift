import Foundation
import TestSupport
import Testing
import TerminalUI
@testable import Dashboard

/// Snapshot files and the invariants every rendered frame must keep.
enum Snapshot {
    static let store = SnapshotStore(besideFile: #filePath)

    /// Problems with a frame: rows not exactly `width` cells, orphan wide halves, control characters, crooked boxes.
    static func violations(_ result: RenderResult, checkBorders: Bool = true) -> [String] {
        let canvas = result.canvas
        var problems = SnapshotStore.cellViolations(canvas)
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
        #expect(SnapshotStore.text(canvas) == "size 3x1\n\n")
    }
}
