import TerminalUI

/// A stretch of changed cells on one row that share a style: what one curses write draws.
public struct DrawRun: Hashable, Sendable {
    public var x: Int
    public var y: Int
    public var style: Style
    /// The cells that start a grapheme; continuation halves of wide graphemes are left out.
    public var cells: [Cell]

    public init(x: Int, y: Int, style: Style, cells: [Cell]) {
        self.x = x
        self.y = y
        self.style = style
        self.cells = cells
    }

    /// The cells the run covers on screen.
    public var width: Int { cells.reduce(0) { $0 + max(1, Int($1.width)) } }
    /// The text the run draws, for tests and debugging.
    public var text: String { cells.map(\.text).joined() }
}

/// Computes what must be written to turn one canvas into the next.
public enum ScreenDiff {
    /// The runs that differ between `old` and `new`; every cell when `old` is nil or another size.
    public static func runs(from old: Canvas?, to new: Canvas) -> [DrawRun] {
        let width = new.size.width
        let height = new.size.height
        guard width > 0, height > 0 else { return [] }
        let previous = old.flatMap { $0.size == new.size ? $0 : nil }
        var runs: [DrawRun] = []
        var changed = [Bool](repeating: false, count: width)
        for y in 0..<height {
            let rowStart = y * width
            var any = false
            if let previous {
                for x in 0..<width {
                    let a = previous.cells[rowStart + x]
                    let b = new.cells[rowStart + x]
                    let differs = a != b
                    changed[x] = differs
                    any = any || differs
                }
                guard any else { continue }
                // A write that touches half of an old wide grapheme breaks the other half on the terminal.
                for x in 0..<width where changed[x] {
                    let a = previous.cells[rowStart + x]
                    if a.isContinuation, x > 0 { changed[x - 1] = true }
                    if a.width == 2, x + 1 < width { changed[x + 1] = true }
                }
            } else {
                for x in 0..<width { changed[x] = true }
            }
            // A changed continuation needs its head written, and a written wide head covers its continuation.
            for x in stride(from: width - 1, through: 1, by: -1) where changed[x] && new.cells[rowStart + x].isContinuation {
                changed[x - 1] = true
            }
            for x in 0..<(width - 1) where changed[x] && new.cells[rowStart + x].width == 2 {
                changed[x + 1] = true
            }
            appendRuns(row: y, rowStart: rowStart, width: width, changed: changed, canvas: new, to: &runs)
        }
        return runs
    }

    private static func appendRuns(row y: Int, rowStart: Int, width: Int, changed: [Bool], canvas: Canvas,
                                   to runs: inout [DrawRun]) {
        var current: DrawRun?
        var coveredUntil = -1  // the continuation of a wide head written in this run
        for x in 0..<width {
            guard changed[x] else {
                if let run = current { runs.append(run); current = nil }
                continue
            }
            var cell = canvas.cells[rowStart + x]
            if cell.isContinuation {
                if x <= coveredUntil { continue }
                // An orphan continuation (no wide head before it) is drawn as a blank.
                cell = Cell(text: " ", width: 1, style: cell.style)
            }
            if cell.width == 2 {
                if x + 1 < width, canvas.cells[rowStart + x + 1].isContinuation {
                    coveredUntil = x + 1
                } else {
                    // A wide head without room or without its continuation cannot be drawn faithfully.
                    cell = Cell(text: " ", width: 1, style: cell.style)
                }
            }
            if var run = current, run.style == cell.style {
                run.cells.append(cell)
                current = run
            } else {
                if let run = current { runs.append(run) }
                current = DrawRun(x: x, y: y, style: cell.style, cells: [cell])
            }
        }
        if let run = current { runs.append(run) }
    }
}

/// Turns one grapheme into the scalars curses should be given, so curses' idea of its width
/// matches the canvas.
public enum GraphemeOutput {
    /// The scalars to write for `text` drawn in `cellWidth` cells. Keeps the base scalar and its
    /// combining marks; drops variation selectors and anything joined by ZWJ. When curses would
    /// measure the result differently from the canvas, pads or substitutes so the columns stay right.
    /// `terminalWidth` is curses' measure of a scalar (`wcwidth`).
    public static func scalars(for text: String, cellWidth: Int,
                               terminalWidth: (Unicode.Scalar) -> Int) -> [Unicode.Scalar] {
        let cells = max(1, cellWidth)
        var iterator = text.unicodeScalars.makeIterator()
        guard let base = iterator.next() else { return Array(repeating: " ", count: cells) }
        let baseWidth = terminalWidth(base)
        guard baseWidth > 0 else { return padded([replacement], to: cells) }
        var out: [Unicode.Scalar] = [base]
        while let scalar = iterator.next() {
            if scalar.value == 0x200D { break }
            if isVariationSelector(scalar) { continue }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark:
                if terminalWidth(scalar) == 0 { out.append(scalar) }
            default:
                continue
            }
        }
        if baseWidth == cells { return out }
        if baseWidth < cells { return padded(out, to: cells, used: baseWidth) }
        return padded([replacement], to: cells)
    }

    static let replacement: Unicode.Scalar = "\u{FFFD}"

    private static func padded(_ scalars: [Unicode.Scalar], to cells: Int, used: Int = 1) -> [Unicode.Scalar] {
        scalars + Array(repeating: " ", count: max(0, cells - used))
    }

    private static func isVariationSelector(_ s: Unicode.Scalar) -> Bool {
        (0xFE00...0xFE0F).contains(s.value) || (0xE0100...0xE01EF).contains(s.value)
    }
}
