import ConnectModels
import TerminalUI

/// Found, Replaced, Refunded and Still shopping, each with its count; only the visible rows are drawn.
enum ItemsPane {
    static func message(_ state: DashboardState) -> String? {
        if state.fulfillmentType == .lastMileDelivery {
            return "The retailer holds the item list for last-mile orders; Instacart does not have it."
        }
        if !state.itemsLoaded { return "Loading items…" }
        if state.items.isEmpty { return "This order has no items." }
        return nil
    }

    static func lineCount(_ state: DashboardState) -> Int { message(state) == nil ? state.itemList.rows.count : 1 }

    /// "10 each", "1.5 lb": the quantity without a needless ".0".
    static func quantity(_ item: OrderItem) -> String {
        var q = item.quantity.text
        if q.hasSuffix(".0") { q.removeLast(2) }
        return q + " " + item.costUnit.rawValue.lowercased()
    }

    static func statusNote(_ item: LineItem) -> String? {
        switch item.status {
        case .notFound: "not found"
        case .toRefund: "to refund"
        case .rejected: item.replacement == nil ? "replacement rejected" : nil
        case .unknown(let raw): raw
        default: nil
        }
    }

    /// The replacement's state in words; the a/x hint shows only while an answer is still possible.
    static func replacementState(_ item: LineItem, answerable: Bool) -> (String, Role) {
        let pending = answerable ? "pending (a/x)" : "pending"
        switch item.replacementStatus {
        case .pending?: return (pending, .warning)
        case .approved?: return ("approved", .itemFound)
        case .rejected?: return ("rejected", .itemRefunded)
        case .unknown(let raw)?: return (raw, .stateUnknown)
        case .unspecified?, nil:
            switch item.status {
            case .approved: return ("approved", .itemFound)
            case .rejected: return ("rejected", .itemRefunded)
            default: return ("suggested", .itemReplaced)
            }
        }
    }

    static func draw(_ state: DashboardState, into canvas: inout Canvas, rect: Rect, focused: Bool) {
        var title = PaneID.items.title
        if state.itemsLoaded, state.fulfillmentType != .lastMileDelivery { title += " \(state.itemList.picked)/\(state.itemList.total)" }
        let area = PaneFrame.draw(&canvas, rect, title: title, focused: focused)
        guard !area.isEmpty else { return }
        if let message = message(state) {
            for (row, line) in Text.wrap(message, width: area.width).prefix(area.height).enumerated() {
                PaneFrame.line(&canvas, line, in: area, row: row, style: Style(.dim))
            }
            return
        }
        let rows = state.itemList.rows
        let offset = min(state.scrollOffset(.items), max(0, rows.count - area.height))
        let selected = state.selectedItemID
        for row in 0..<min(area.height, rows.count - offset) {
            let y = row
            switch rows[row + offset] {
            case .spacer: break
            case .groupHeader(let group, let count):
                PaneFrame.line(&canvas, "\(group.title) (\(count))", in: area, row: y, style: Style(group.role, [.bold, .underline]))
            case .item(let index, let group):
                let item = state.items[index]
                let isSelected = item.id == selected
                let style = isSelected && focused ? Style(.selection, .reverse) : Style(group.role)
                if isSelected && focused { canvas.fill(Rect(x: area.x, y: area.y + y, width: area.width, height: 1), style: style) }
                var right = quantity(item.item)
                if let note = statusNote(item) { right += " · " + note }
                let rightText = Text.truncate(right, toCells: max(0, area.width / 2))
                let rightWidth = CellWidth.of(rightText)
                let marker = isSelected ? "▸ " : "  "
                let nameWidth = max(0, area.width - rightWidth - 3)
                PaneFrame.line(&canvas, marker + Text.truncate(item.item.name, toCells: max(0, nameWidth - 2)), in: area, row: y, style: style)
                PaneFrame.right(&canvas, rightText, in: area, row: y, style: style)
            case .replacement(let index):
                let item = state.items[index]
                guard let replacement = item.replacement else { break }
                let (word, role) = replacementState(item, answerable: state.workflowState?.acceptsReplacementDecisions == true)
                let rightText = Text.truncate(word, toCells: max(0, area.width / 2))
                let nameWidth = max(0, area.width - CellWidth.of(rightText) - 3)
                let left = "    ↳ " + replacement.name + ", " + quantity(replacement)
                PaneFrame.line(&canvas, Text.truncate(left, toCells: nameWidth), in: area, row: y, style: Style(.itemReplaced, .dim))
                PaneFrame.right(&canvas, rightText, in: area, row: y, style: Style(role, .bold))
            }
        }
    }
}
