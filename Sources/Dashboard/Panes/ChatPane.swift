import ConnectModels
import TerminalUI

/// The conversation, newest at the bottom, with the input line or the reason it is closed.
enum ChatPane {
    static let prompt = "> "

    /// Draws the pane and returns where the terminal cursor belongs while typing.
    @discardableResult
    static func draw(_ state: DashboardState, into canvas: inout Canvas, rect: Rect, focused: Bool, messageRows: Int) -> CursorPosition? {
        var title = PaneID.chat.title
        let unread = state.unreadShopperIDs.count
        if unread > 0 { title += " · \(unread) unread" }
        if !state.chatFollows, state.scrollOffset(.chat) > 0 { title += " · ↑\(state.scrollOffset(.chat)) (End: newest)" }
        let area = PaneFrame.draw(&canvas, rect, title: title, focused: focused)
        guard !area.isEmpty else { return nil }
        let rows = min(messageRows, area.height)
        if rows > 0 {
            if state.chatEntries.isEmpty {
                let note = state.conversation?.isExpired == true ? "This chat has expired." : "No messages yet."
                PaneFrame.line(&canvas, note, in: area, row: 0, style: Style(.dim))
            } else if rows == 1, let last = state.chatEntries.last {
                // One row cannot hold a header and a body line, so it shows the newest message in brief.
                var brief = last.sender + (last.isUnread ? " ●" : "") + ": " + last.body.replacingOccurrences(of: "\n", with: " ")
                if let d = last.delivery { brief = "[" + d + "] " + brief }
                PaneFrame.line(&canvas, brief, in: area, row: 0, style: Style(last.isUnread ? .chatUnread : last.isMine ? .chatMe : .chatShopper))
            } else {
                let counts = area.width == state.chatLineWidth ? state.chatLineCounts : nil
                let visible = ChatLog.visible(state.chatEntries, width: area.width, height: rows, offset: state.scrollOffset(.chat),
                                              time: state.localTime, counts: counts, now: state.now)
                // Short logs sit at the bottom, next to the input line, as in any chat.
                let top = rows - visible.lines.count
                for (i, line) in visible.lines.enumerated() {
                    PaneFrame.line(&canvas, line.text, in: area, row: top + i, x: line.indent, style: line.style)
                }
            }
        }
        guard area.height > rows else { return nil }
        return drawInput(state, into: &canvas, row: Rect(x: area.x, y: area.maxY - 1, width: area.width, height: 1))
    }

    static func drawInput(_ state: DashboardState, into canvas: inout Canvas, row: Rect) -> CursorPosition? {
        let input = state.input
        let limit = SendChatMessageRequest.maximumLength
        if !input.isEditing {
            if let reason = state.chatClosedReason {
                PaneFrame.line(&canvas, "✗ " + reason, in: row, row: 0, style: Style(.dim))
            } else {
                let hint = input.text.isEmpty ? "Press i to write to the shopper" : "Press i to go on typing (\(input.chatLength)/\(limit))"
                PaneFrame.line(&canvas, hint, in: row, row: 0, style: Style(.dim))
            }
            return nil
        }
        canvas.fill(row, style: Style(.input))
        let counter = " \(input.chatLength)/\(limit)"
        let counterStyle = input.chatLength > limit ? Style(.error, .bold) : Style(.dim)
        let counterWidth = CellWidth.of(counter)
        PaneFrame.right(&canvas, counter, in: row, row: 0, style: counterStyle)
        let promptWidth = CellWidth.of(prompt)
        let fieldWidth = row.width - promptWidth - counterWidth - 1
        guard fieldWidth >= 1 else { return nil }
        canvas.put(prompt, x: row.x, y: row.y, style: Style(.input, .bold), clip: row)
        // Scroll the field sideways in whole graphemes so the cursor always shows; linear, even for long text.
        let characters = Array(input.text)
        let widths = characters.map { CellWidth.of($0) }
        var start = input.cursor
        var before = 0
        while start > 0, before + widths[start - 1] < fieldWidth {
            start -= 1
            before += widths[start]
        }
        var x = row.x + promptWidth
        let limitX = x + fieldWidth
        for i in start..<characters.count {
            if x + widths[i] > limitX { break }
            x += canvas.put(String(characters[i]), x: x, y: row.y, style: Style(.input), clip: row)
        }
        return CursorPosition(x: row.x + promptWidth + before, y: row.y)
    }
}
