import TerminalUI

/// A box in the middle of the screen with the last notices, newest first, each with its time and severity.
enum NoticesOverlay {
    static func draw(_ state: DashboardState, into canvas: inout Canvas, bounds: Rect) {
        let width = min(bounds.width, max(40, min(100, bounds.width - 4)))
        let height = min(bounds.height, max(5, min(state.notices.records.count + 3, bounds.height - 2)))
        let rect = Rect(x: bounds.x + (bounds.width - width) / 2, y: bounds.y + (bounds.height - height) / 2, width: width, height: height)
        guard rect.width >= 3, rect.height >= 3 else { return }
        canvas.fill(rect, style: Style(.help))
        let title = "Notices (last \(NoticeLog.capacity))"
        canvas.box(rect, style: Style(.borderFocused, .bold), title: title, titleStyle: Style(.title, .bold))
        let area = Rect(x: rect.x + 2, y: rect.y + 1, width: rect.width - 4, height: rect.height - 2)
        let records = state.notices.records.reversed()
        if records.isEmpty {
            PaneFrame.line(&canvas, "No notices yet.", in: area, row: 0, style: Style(.dim))
        }
        for (row, record) in records.prefix(max(0, area.height - 1)).enumerated() {
            let stamp = state.localTime.clockSeconds(record.time)
            let label = record.severity.rawValue
            PaneFrame.line(&canvas, stamp, in: area, row: row, style: Style(.dim))
            let labelX = CellWidth.of(stamp) + 1
            PaneFrame.line(&canvas, label, in: area, row: row, x: labelX, style: Style(.notice(record.severity), .bold))
            PaneFrame.line(&canvas, record.text, in: area, row: row, x: labelX + 8, style: Style(.help))
        }
        PaneFrame.line(&canvas, "newest first · any key closes", in: area, row: area.height - 1, style: Style(.dim))
    }
}
