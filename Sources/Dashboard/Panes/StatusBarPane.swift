import TerminalUI

/// The bottom line: key hints on the left, the transient message or the quit question on the right.
enum StatusBarPane {
    static func quitQuestion(_ state: DashboardState) -> String {
        let n = state.unsentCount
        return "\(n) unsent message\(n == 1 ? " is" : "s are") kept on disk. Quit? y/n"
    }

    static func draw(_ state: DashboardState, into canvas: inout Canvas, rect: Rect) {
        guard !rect.isEmpty else { return }
        canvas.fill(rect, style: Style(.statusBar))
        var message: (String, Style)?
        if state.confirmingQuit {
            message = (quitQuestion(state), Style(.warning, [.bold, .reverse]))
        } else if let s = state.status, s.expires > state.now {
            message = (s.text, Style(.notice(s.severity), .bold))
        }
        var hintWidth = rect.width
        if let (text, style) = message {
            // The message matters more than the hints, so it gets up to the whole line.
            let shown = Text.truncate(text, toCells: rect.width - 1) + " "
            PaneFrame.right(&canvas, shown, in: rect, row: 0, style: style)
            hintWidth = rect.width - CellWidth.of(shown) - 1
        }
        if hintWidth > 4 {
            PaneFrame.line(&canvas, " " + KeyHelp.hints(state), in: Rect(x: rect.x, y: rect.y, width: hintWidth, height: 1), row: 0,
                           style: Style(.statusBar))
        }
    }
}
