import Board
import Dashboard
import Foundation
import OrderTracking
import TerminalUI

/// The support desk's screen: the board, and the order dashboard drilled into from it.
public struct DeskState: Equatable {
    public var board: BoardState
    /// The order whose dashboard is open, and that dashboard.
    public var drilled: (orderID: String, dashboard: DashboardState)?
    /// The latest news of every order, so a dashboard opens with everything the board has seen.
    var latest = LatestEvents()

    public static func == (a: DeskState, b: DeskState) -> Bool {
        a.board == b.board && a.drilled?.orderID == b.drilled?.orderID && a.drilled?.dashboard == b.drilled?.dashboard
            && a.latest == b.latest
    }
}

/// The last event of each kind per order. Equal when nothing was recorded in between, so comparing two
/// desk states does not walk hundreds of orders on every frame.
struct LatestEvents: Equatable {
    private(set) var version = 0
    private var events: [String: [String: TrackerEvent]] = [:]

    static func == (a: LatestEvents, b: LatestEvents) -> Bool { a.version == b.version }

    mutating func record(_ event: TrackerEvent, for orderID: String) {
        let key: String
        switch event {
        case .order: key = "order"
        case .items: key = "items"
        case .handling: key = "handling"
        case .location: key = "location"
        case .chat: key = "chat"
        case .outbox: key = "outbox"
        case .connection(let endpoint, _): key = "connection.\(endpoint.rawValue)"
        case .finished: key = "finished"
        case .notice: return
        }
        events[orderID, default: [:]][key] = event
        version += 1
    }

    /// What to replay into a new dashboard, the order first so the rest finds its type and state.
    func replay(_ orderID: String) -> [TrackerEvent] {
        guard let byKind = events[orderID] else { return [] }
        let first = ["order", "items", "handling", "location", "chat", "outbox"].compactMap { byKind[$0] }
        let rest = byKind.filter { $0.key.hasPrefix("connection.") }.sorted { $0.key < $1.key }.map(\.value)
        return first + rest + (byKind["finished"].map { [$0] } ?? [])
    }
}
