import TerminalUI

/// A box in the middle of the screen listing every key.
enum HelpOverlay {
    static func draw(_ state: DashboardState, into canvas: inout Canvas, bounds: Rect) {
        let entries = KeyHelp.entries(isDemo: state.isDemo, isReplay: state.isReplay)
        let keyWidth = entries.map { CellWidth.of($0.keys) }.max() ?? 0
        let textWidth = entries.map { CellWidth.of($0.action) }.max() ?? 0
        let width = min(bounds.width, keyWidth + textWidth + 7)
        let height = min(bounds.height, entries.count + 4)
        let rect = Rect(x: bounds.x + (bounds.width - width) / 2, y: bounds.y + (bounds.height - height) / 2, width: width, height: height)
        guard rect.width >= 3, rect.height >= 3 else { return }
        canvas.fill(rect, style: Style(.help))
        canvas.box(rect, style: Style(.borderFocused, .bold), title: "Keys", titleStyle: Style(.title, .bold))
        let area = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        for (row, e) in entries.prefix(max(0, area.height - 1)).enumerated() {
            PaneFrame.line(&canvas, e.keys, in: area, row: row, style: Style(.help, .bold))
            PaneFrame.line(&canvas, e.action, in: area, row: row, x: keyWidth + 2, style: Style(.help))
        }
        PaneFrame.line(&canvas, "any key closes this help", in: area, row: area.height - 1, style: Style(.dim))
    }
}
