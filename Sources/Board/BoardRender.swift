import ConnectModels
import TerminalUI
import Foundation
import OrderFeed

/// One drawn board frame: the cells, and where the terminal cursor goes (nil hides it).
public struct BoardFrame: Hashable, Sendable {
    public var canvas: Canvas
    public var cursor: CellPosition?
}

/// Draws the board into a canvas of `size`. Pure.
public func renderBoard(_ state: BoardState, size: Size) -> Canvas {
    renderBoardFrame(state, size: size).canvas
}

/// Draws the board and reports the cursor for the filter and add-order lines. Only the rows on screen are
/// formatted, and the sorting was done by the reducer, so a frame costs the same with 5 orders or 500.
public func renderBoardFrame(_ state: BoardState, size: Size) -> BoardFrame {
    var canvas = Canvas(size: size)
    guard size.width > 0, size.height > 0 else { return BoardFrame(canvas: canvas, cursor: nil) }
    let layout = BoardColumnLayout(width: size.width)
    BoardRender.header(state, into: &canvas)
    if size.height >= 3 { BoardRender.columnTitles(layout, into: &canvas) }
    BoardRender.list(state, layout, into: &canvas)
    var cursor = size.height >= 2 ? BoardRender.bottomLine(state, into: &canvas) : nil
    if state.showHelp {
        let entries = BoardKeymap.entries(replay: state.settings.replaySpeed != nil)
        HelpBox.draw(title: "Board keys", lines: entries.map { ($0.keys, $0.action) },
                     note: state.settings.readonly ? "read-only: the dashboard sends no chat and decides no replacement" : nil,
                     into: &canvas, bounds: canvas.bounds)
        cursor = nil
    }
    return BoardFrame(canvas: canvas, cursor: cursor)
}

/// The parts of a board frame.
enum BoardRender {
    static func header(_ state: BoardState, into canvas: inout Canvas) {
        let width = canvas.size.width
        canvas.fill(Rect(x: 0, y: 0, width: width, height: 1), style: Style(.header))
        let count = state.rows.count
        var counted = count == 1 ? "1 order" : "\(count) orders"
        if state.attentionCount > 0 { counted += " (\(state.attentionCount) need attention)" }
        // Each part with how much it matters: on a narrow terminal the least important go first, whole.
        // The brief's header is wider than 80 cells; below 100 the program's name gives way to what it says.
        var parts: [(text: String, keep: Int)] = [(width >= 100 ? "ordertop board" : "board", 9), (counted, 8)]
        if let speed = state.settings.replaySpeed {
            parts.insert((ReplayLabel.text(now: state.now, timeZone: state.timeZone, speed: speed, paused: state.replayPaused), 10), at: 1)
        }
        if state.visible.count != count { parts.append(("\(state.visible.count) shown", 2)) }
        parts.append(("sort: \(state.sort.rawValue)", 4))
        if let cycle = state.cycle { parts.append((cycle, 5)) }
        if !state.filter.isEmpty { parts.append(("filter: \(state.filter.text)", 6)) }
        if !state.showFinished { parts.append(("finished hidden", 3)) }
        if state.settings.readonly, state.settings.replaySpeed == nil { parts.append(("read-only", 7)) }
        func text() -> String { " " + parts.map(\.text).joined(separator: " · ") }
        while CellWidth.of(text()) > width, parts.count > 2, let least = parts.indices.min(by: { parts[$0].keep < parts[$1].keep }) {
            parts.remove(at: least)
        }
        canvas.put(Text.truncate(text(), toCells: width), x: 0, y: 0, style: Style(.header, .bold))
    }

    static func columnTitles(_ layout: BoardColumnLayout, into canvas: inout Canvas) {
        for placed in layout.columns {
            let title = Text.pad(placed.column.title, toCells: placed.width, alignment: placed.column.alignment)
            canvas.put(title, x: placed.x, y: 1, style: Style(.title, .underline), maxWidth: placed.width)
        }
    }

    static func list(_ state: BoardState, _ layout: BoardColumnLayout, into canvas: inout Canvas) {
        let height = BoardState.listHeight(canvas.size)
        guard height > 0 else { return }
        if state.visible.isEmpty {
            let message = state.rows.isEmpty ? "no orders yet: press o to add one (USER_ID ORDER_ID)"
                                             : "no order matches (Esc clears the filter, f shows finished orders)"
            canvas.put(Text.truncate(message, toCells: canvas.size.width - 2), x: 2, y: 2, style: Style(.dim))
            return
        }
        let top = min(state.top, max(0, state.visible.count - height))
        for (line, id) in state.visible[top..<min(state.visible.count, top + height)].enumerated() {
            guard let row = state.rows[id] else { continue }
            draw(row, state, layout, selected: id == state.selectedID, y: 2 + line, into: &canvas)
        }
    }

    static func draw(_ row: BoardRow, _ state: BoardState, _ layout: BoardColumnLayout, selected: Bool, y: Int,
                     into canvas: inout Canvas) {
        if selected { canvas.fill(Rect(x: 0, y: y, width: canvas.size.width, height: 1), style: Style(.selection)) }
        if let priority = state.attentionPriority[row.ref.orderID] {
            let style = selected ? Style(.selection, .bold) : Style(priority == 2 ? .error : .warning, .bold)
            canvas.put("!", x: 0, y: y, style: style)
        }
        for placed in layout.columns {
            let (text, style) = BoardCells.cell(placed.column, row, now: state.now)
            let padded = Text.pad(text, toCells: placed.width, alignment: placed.column.alignment)
            canvas.put(padded, x: placed.x, y: y, style: selected ? Style(.selection, style.attributes) : style, maxWidth: placed.width)
        }
    }

    /// The input line while one is open, else a message, else the selected order's reasons, else the key hints.
    static func bottomLine(_ state: BoardState, into canvas: inout Canvas) -> CellPosition? {
        let y = canvas.size.height - 1
        let width = canvas.size.width
        canvas.fill(Rect(x: 0, y: y, width: width, height: 1), style: Style(.statusBar))
        if let mode = state.inputMode {
            let prompt = mode == .filter ? "/" : "add order (USER_ID ORDER_ID): "
            let promptWidth = CellWidth.of(prompt)
            canvas.put(prompt, x: 0, y: y, style: Style(.input, .bold), maxWidth: width)
            // The text scrolls left so the cursor stays on screen however long the line gets.
            let room = max(1, width - promptWidth - 1)
            let shift = max(0, state.input.cursorCells - room)
            let visible = Text.dropCells(state.input.text, shift)
            canvas.put(visible, x: promptWidth, y: y, style: Style(.input), maxWidth: max(0, width - promptWidth))
            if let status = state.status, status.severity == .error {
                let note = "  " + status.text
                let x = promptWidth + CellWidth.of(visible)
                canvas.put(note, x: x, y: y, style: Style(.notice(.error)), maxWidth: max(0, width - x))
            }
            return CellPosition(x: min(width - 1, promptWidth + state.input.cursorCells - shift), y: y)
        }
        if let status = state.status {
            canvas.put(" " + status.text, x: 0, y: y, style: Style(.notice(status.severity)), maxWidth: width)
            return nil
        }
        if let row = state.selectedRow, state.attentionPriority[row.ref.orderID] != nil {
            let reasons = row.attention(now: state.now, stuckAfter: state.settings.stuckAfter).map(\.text)
            let text = " \(row.shortID): " + reasons.joined(separator: " · ") + "   "
            let used = canvas.put(Text.truncate(text, toCells: width), x: 0, y: y, style: Style(.warning, .bold))
            canvas.put(Text.truncate(hints(state), toCells: width - used), x: used, y: y, style: Style(.statusBar))
            return nil
        }
        canvas.put(Text.truncate(" " + hints(state), toCells: width), x: 0, y: y, style: Style(.statusBar))
        return nil
    }

    static func hints(_ state: BoardState) -> String {
        let replay = state.settings.replaySpeed != nil
        let keys = BoardKeymap.hintLine(replay: replay)
        if replay { return "replay, nothing is sent · " + keys }
        return state.settings.readonly ? "read-only · " + keys : keys
    }
}

extension Text {
    /// The text without its first `cells` cells.
    static func dropCells(_ text: String, _ cells: Int) -> Substring {
        var used = 0
        var index = text.startIndex
        while index < text.endIndex, used < cells {
            used += CellWidth.of(text[index])
            index = text.index(after: index)
        }
        return text[index...]
    }
}
