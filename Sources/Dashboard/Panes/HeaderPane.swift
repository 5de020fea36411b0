import ConnectModels
import Foundation
import OrderTracking
import TerminalUI
import OrderFeed

/// The two header lines: what the order is, when, and how fresh the data is.
enum HeaderPane {
    static func draw(_ state: DashboardState, into canvas: inout Canvas, rect: Rect) {
        guard !rect.isEmpty else { return }
        canvas.fill(Rect(x: rect.x, y: rect.y, width: rect.width, height: 1), style: Style(.header))
        let (connection, connectionStyle) = connectionText(state)
        let right = connection + " "
        let rightWidth = min(CellWidth.of(right), rect.width / 2)
        let leftArea = Rect(x: rect.x, y: rect.y, width: rect.width - rightWidth - 1, height: rect.height)
        PaneFrame.line(&canvas, " " + titleLine(state), in: leftArea, row: 0, style: Style(.header, .bold))
        PaneFrame.right(&canvas, Text.truncate(right, toCells: rightWidth), in: rect, row: 0, style: connectionStyle)
        guard rect.height >= 2 else { return }
        let updated = updatedText(state)
        let updatedWidth = min(CellWidth.of(updated) + 1, rect.width / 2)
        let detailArea = Rect(x: rect.x, y: rect.y, width: rect.width - updatedWidth - 1, height: rect.height)
        PaneFrame.line(&canvas, " " + detailLine(state), in: detailArea, row: 1, style: Style(.text))
        PaneFrame.right(&canvas, Text.truncate(updated + " ", toCells: updatedWidth), in: rect, row: 1, style: Style(.dim))
    }

    static func titleLine(_ state: DashboardState) -> String {
        var parts = ["ordertop"]
        if let speed = state.replaySpeed {
            parts.append(ReplayLabel.text(now: state.now, timeZone: state.timeZone, speed: speed, paused: state.demoPaused))
        } else if state.isDemo {
            parts.append(state.demoPaused ? "DEMO (paused)" : "DEMO")
        }
        guard let order = state.order else { return (parts + ["waiting for the order…"]).joined(separator: " · ") }
        // The state comes first: it is what people look for, and a narrow header cuts from the right.
        parts.append(order.workflowState.title)
        var type = typeName(order.fulfillmentType)
        if let category = order.pickupCategory, !category.isEmpty { type += " (\(category))" }
        parts.append(type)
        parts.append("order \(order.id.value)")
        return parts.joined(separator: " · ")
    }

    static func typeName(_ type: FulfillmentType) -> String {
        switch type {
        case .delivery: "Delivery"
        case .pickup: "Pickup"
        case .lastMileDelivery: "Last-mile delivery"
        case .unknown(let raw): raw
        }
    }

    static func detailLine(_ state: DashboardState) -> String {
        var parts: [String] = []
        let time = state.localTime
        if state.itemsLoaded, state.fulfillmentType != .lastMileDelivery, state.itemList.total > 0 {
            parts.append("\(state.itemList.picked)/\(state.itemList.total) picked")
        }
        if let details = state.order?.fulfillmentDetails, let w = time.window(details.windowStartsAt, details.windowEndsAt) {
            parts.append((state.fulfillmentType == .pickup ? "pickup " : "window ") + w)
        }
        if let created = state.order?.creationDate { parts.append("created " + time.dayAndClock(created)) }
        return parts.isEmpty ? "…" : parts.joined(separator: " · ")
    }

    static func updatedText(_ state: DashboardState) -> String {
        guard let last = state.lastUpdate else { return "no data yet" }
        return "updated " + ago(state.now.timeIntervalSince(last))
    }

    static func ago(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds.rounded(.down)))
        if s < 60 { return "\(s) s ago" }
        if s < 3600 { return "\(s / 60) min ago" }
        return "\(s / 3600) h ago"
    }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }

    /// The worst endpoint's status in words, since one failing endpoint is what the person must know about.
    static func connectionText(_ state: DashboardState) -> (String, Style) {
        // Once the order is over nothing is polled, so "live" would be a false promise.
        if let final = state.finished { return ("■ ended: \(final.title.lowercased())", Style(.dim)) }
        guard let (endpoint, status) = ConnectionSummary.worst(state.connection) else { return ("○ connecting…", Style(.dim)) }
        switch status {
        case .idle, .connecting: return ("○ connecting…", Style(.dim))
        case .live: return ("● live", Style(.text))
        case .retrying(let after, let reason):
            let since = state.connectionSince[endpoint] ?? state.now
            let left = max(0, Int((seconds(after) - state.now.timeIntervalSince(since)).rounded(.up)))
            return ("⟳ retrying in \(left) s (\(reason))", Style(.warning))
        case .badReply(let message): return ("! bad \(endpoint.rawValue) reply: \(message)", Style(.warning))
        case .forbidden(let message): return ("✗ forbidden: \(message)", Style(.error, .bold))
        case .notFound: return ("✗ order not found", Style(.error, .bold))
        case .tokenRejected: return ("✗ token rejected: get a new token", Style(.error, .bold))
        }
    }
}
