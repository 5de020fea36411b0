import Dashboard
import Foundation
import Testing
import TerminalUI

/// Text snapshots of canvases in a folder beside the tests; `ORDERTOP_RECORD=1` records them again.
public struct SnapshotStore: Sendable {
    public let directory: URL

    /// The `__Snapshots__` folder beside `file` (pass `#filePath`).
    public init(besideFile file: String) {
        directory = URL(fileURLWithPath: file).deletingLastPathComponent().appendingPathComponent("__Snapshots__")
    }

    /// Text of a canvas as stored: a line that pins the size, then one line per row.
    public static func text(_ canvas: Canvas) -> String { "size \(canvas.size)\n" + canvas.text + "\n" }

    /// Compares with the stored snapshot; records it (and fails, so a person looks at it) when missing or asked.
    public func assertMatches(_ canvas: Canvas, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let url = directory.appendingPathComponent(name + ".txt")
        let actual = Self.text(canvas)
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

    /// Rows not exactly the canvas's width, wide graphemes without their second half or with the wrong width,
    /// control characters: what no frame may hold, whatever it shows.
    public static func cellViolations(_ canvas: Canvas) -> [String] {
        var problems: [String] = []
        let lines = canvas.lines()
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
            if y < lines.count, CellWidth.of(lines[y]) > canvas.size.width { problems.append("line \(y) is wider than the canvas") }
        }
        return problems
    }
}
