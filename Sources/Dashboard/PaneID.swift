import TerminalUI

/// The areas of the dashboard; the focusable ones take keys in turn.
public enum PaneID: String, CaseIterable, Hashable, Sendable {
    case header, timeline, items, handling, shopper, chat, statusBar

    /// The panes Tab visits, in screen order.
    public static let focusOrder: [PaneID] = [.timeline, .items, .handling, .shopper, .chat]

    /// The pane's name as its border title shows it.
    public var title: String {
        switch self {
        case .header: "Order"
        case .timeline: "Timeline"
        case .items: "Items"
        case .handling: "Handling"
        case .shopper: "Shopper"
        case .chat: "Chat"
        case .statusBar: "Status"
        }
    }
}
