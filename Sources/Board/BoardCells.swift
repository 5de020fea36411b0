import ConnectModels
import TerminalUI
import Foundation
import OrderTracking
import OrderFeed

/// The text and style of each cell of a row.
enum BoardCells {
    static func cell(_ column: BoardColumn, _ row: BoardRow, now: Date) -> (String, Style) {
        switch column {
        case .id: return (row.shortID, Style(.text, .bold))
        case .customer: return (row.customer ?? "—", row.customer == nil ? Style(.dim) : .plain)
        case .type: return (row.fulfillmentType.map(BoardRow.label) ?? "—", Style(.dim))
        case .state:
            guard let state = row.state else { return ("loading…", Style(.dim)) }
            return (BoardRow.label(state), stateStyle(state))
        case .picked:
            guard let total = row.total else { return ("—", Style(.dim)) }
            return ("\(row.picked)/\(total)", .plain)
        case .replacements:
            guard row.pendingReplacements > 0 else { return ("·", Style(.dim)) }
            return ("\(row.pendingReplacements)", Style(row.state?.acceptsReplacementDecisions == true ? .warning : .text, .bold))
        case .unread:
            guard row.unreadShopperMessages > 0 else { return ("·", Style(.dim)) }
            return ("\(row.unreadShopperMessages)", Style(.chatUnread, .bold))
        case .distance:
            return (row.distance.map(Geo.formatDistance) ?? "", .plain)
        case .inState:
            guard let since = row.stateSince else { return ("—", Style(.dim)) }
            return (span(now.timeIntervalSince(since)), row.isFinished ? Style(.dim) : .plain)
        case .age:
            guard let last = row.lastData else { return ("—", Style(.dim)) }
            return (span(now.timeIntervalSince(last)), Style(.dim))
        case .connection:
            return connection(row)
        }
    }

    /// Colours follow the phase: waiting is dim, shopping is the current step, delivering stands out, the end fades.
    static func stateStyle(_ state: WorkflowState) -> Style {
        switch state.phase {
        case .waitingForShopper?: Style(.dim)
        case .beforePicking?: Style(.stateFuture)
        case .shopping?: Style(.stateCurrent, .bold)
        case .afterCheckout?: Style(.text)
        case .delivering?: Style(.mapShopper, .bold)
        case .final?: Style(.statePast)
        case nil: Style(.stateUnknown)
        }
    }

    /// The worst endpoint in a few cells.
    static func connection(_ row: BoardRow) -> (String, Style) {
        if row.isFinished { return ("■ ended", Style(.dim)) }
        guard let (_, status) = ConnectionSummary.worst(row.connection) else { return ("○ …", Style(.dim)) }
        switch status {
        case .idle, .connecting: return ("○ …", Style(.dim))
        case .live: return ("● live", .plain)
        case .retrying: return ("⟳ retry", Style(.warning))
        case .badReply: return ("! bad", Style(.warning))
        case .forbidden: return ("✗ 403", Style(.error, .bold))
        case .notFound: return ("✗ 404", Style(.error, .bold))
        case .tokenRejected: return ("✗ token", Style(.error, .bold))
        }
    }

    /// A span in the fewest cells that still read well: "45s", "12m", "1h05m", "2d03h".
    static func span(_ seconds: TimeInterval) -> String {
        let s = Int(max(0, min(seconds.isFinite ? seconds : 0, 1e12)))
        switch s {
        case ..<60: return "\(s)s"
        case ..<3_600: return "\(s / 60)m"
        case ..<86_400: return String(format: "%dh%02dm", s / 3_600, s % 3_600 / 60)
        default: return String(format: "%dd%02dh", s / 86_400, s % 86_400 / 3_600)
        }
    }
}
