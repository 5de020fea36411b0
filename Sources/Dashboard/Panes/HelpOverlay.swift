import TerminalUI

/// The dashboard's help: every key of its keymap table that works in this session.
enum HelpOverlay {
    static func draw(_ state: DashboardState, into canvas: inout Canvas, bounds: Rect) {
        let entries = KeyHelp.entries(isDemo: state.isDemo, isReplay: state.isReplay)
        HelpBox.draw(title: "Keys", lines: entries.map { ($0.keys, $0.action) }, into: &canvas, bounds: bounds)
    }
}
