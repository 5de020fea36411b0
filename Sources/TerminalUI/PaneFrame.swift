/// Draws a pane's border and title and hands back the area inside it.
public enum PaneFrame {
    /// A pane of three rows or more gets a box; a shorter one is a bare title line with no content.
    public static func draw(_ canvas: inout Canvas, _ rect: Rect, title: String, focused: Bool) -> Rect {
        guard !rect.isEmpty else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let border = Style(focused ? .borderFocused : .border, focused ? .bold : [])
        let titleStyle = Style(focused ? .borderFocused : .title, .bold)
        // No fill: render starts from a blank canvas and panes never overlap.
        if rect.height >= 3, rect.width >= 3 {
            canvas.box(rect, style: border, title: Text.truncate(title, toCells: max(0, rect.width - 4)), titleStyle: titleStyle)
            return rect.inset(by: 1)
        }
        canvas.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), with: "─", style: border)
        canvas.put(" " + title + " ", x: rect.x + 1, y: rect.y, style: titleStyle, maxWidth: max(0, rect.width - 2))
        return Rect(x: rect.x, y: rect.y, width: 0, height: 0)
    }

    /// Writes one line, cut with an ellipsis to the area's width.
    public static func line(_ canvas: inout Canvas, _ text: String, in area: Rect, row: Int, x: Int = 0, style: Style = .plain) {
        guard row >= 0, row < area.height, x < area.width else { return }
        canvas.put(Text.truncate(text, toCells: area.width - x), x: area.x + x, y: area.y + row, style: style, clip: area)
    }

    /// Writes text flush right on a row.
    public static func right(_ canvas: inout Canvas, _ text: String, in area: Rect, row: Int, style: Style = .plain) {
        guard row >= 0, row < area.height, area.width > 0 else { return }
        let t = Text.truncate(text, toCells: area.width)
        canvas.put(t, x: area.maxX - CellWidth.of(t), y: area.y + row, style: style, clip: area)
    }
}
