/// The help overlay every screen shows on `?`: a box in the middle of the screen listing its keys.
public enum HelpBox {
    /// Draws the box over `bounds`: the keys in bold, what they do beside them, an optional warning
    /// under the list, and how to close it on the last row.
    public static func draw(title: String, lines: [(keys: String, action: String)], note: String? = nil,
                            into canvas: inout Canvas, bounds: Rect) {
        let keyWidth = lines.map { CellWidth.of($0.keys) }.max() ?? 0
        let textWidth = max(lines.map { CellWidth.of($0.action) }.max() ?? 0, note.map { CellWidth.of($0) - keyWidth - 2 } ?? 0)
        let extra = note == nil ? 0 : 1
        let width = min(bounds.width, keyWidth + textWidth + 7)
        let height = min(bounds.height, lines.count + extra + 4)
        let rect = Rect(x: bounds.x + (bounds.width - width) / 2, y: bounds.y + (bounds.height - height) / 2, width: width, height: height)
        guard rect.width >= 3, rect.height >= 3 else { return }
        canvas.fill(rect, style: Style(.help))
        canvas.box(rect, style: Style(.borderFocused, .bold), title: title, titleStyle: Style(.title, .bold))
        let area = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        let room = max(0, area.height - 1)
        for (row, line) in lines.prefix(room).enumerated() {
            PaneFrame.line(&canvas, line.keys, in: area, row: row, style: Style(.help, .bold))
            PaneFrame.line(&canvas, line.action, in: area, row: row, x: keyWidth + 2, style: Style(.help))
        }
        if let note, lines.count < room { PaneFrame.line(&canvas, note, in: area, row: lines.count, style: Style(.warning)) }
        PaneFrame.line(&canvas, "any key closes this help", in: area, row: area.height - 1, style: Style(.dim))
    }
}
