import TerminalUI

/// The board's keys, as the help overlay lists them.
public enum BoardHelp {
    /// One line of the help: the keys as people read them, and what they do.
    public static let entries: [(keys: String, action: String)] = [
        ("j k ↑ ↓", "move the cursor"),
        ("PgUp PgDn", "move by a page"),
        ("Home End g G", "go to the first or last order"),
        ("Enter", "open the order's dashboard (Esc comes back)"),
        ("s", "sort: attention, state, age, id"),
        ("/", "filter by id, customer or state; !text hides matches"),
        ("Esc", "clear the filter"),
        ("f", "hide or show finished orders"),
        ("o", "add an order: USER_ID ORDER_ID"),
        ("Ctrl-L", "redraw the screen"),
        ("?", "this help"),
        ("q", "quit"),
    ]

    /// A box in the middle of the screen listing every key.
    static func draw(into canvas: inout Canvas, readonly: Bool) {
        let bounds = canvas.bounds
        let keyWidth = entries.map { CellWidth.of($0.keys) }.max() ?? 0
        let textWidth = entries.map { CellWidth.of($0.action) }.max() ?? 0
        let extra = readonly ? 1 : 0
        let width = min(bounds.width, keyWidth + textWidth + 7)
        let height = min(bounds.height, entries.count + extra + 4)
        let rect = Rect(x: (bounds.width - width) / 2, y: (bounds.height - height) / 2, width: width, height: height)
        guard rect.width >= 3, rect.height >= 3 else { return }
        canvas.fill(rect, style: Style(.help))
        canvas.box(rect, style: Style(.borderFocused, .bold), title: "Board keys", titleStyle: Style(.title, .bold))
        let area = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        var lines = entries.map { (Text.pad($0.keys, toCells: keyWidth) + "  " + $0.action, Style(.help)) }
        if readonly { lines.append(("read-only: the dashboard sends no chat and decides no replacement", Style(.warning))) }
        for (row, line) in lines.prefix(max(0, area.height - 1)).enumerated() {
            canvas.put(Text.truncate(line.0, toCells: area.width), x: area.x, y: area.y + row, style: line.1, clip: area)
        }
        canvas.put(Text.truncate("any key closes this help", toCells: area.width), x: area.x, y: area.maxY - 1, style: Style(.dim))
    }
}
