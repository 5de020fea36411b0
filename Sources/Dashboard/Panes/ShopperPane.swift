import ConnectModels
import Foundation
import OrderTracking
import TerminalUI
import OrderFeed

/// Where the shopper is while delivering: coordinates, distance and bearing, and a braille map.
enum ShopperPane {
    struct Line: Hashable {
        var text: String
        var style: Style
    }

    /// Why there is no position to show, or nil when there is one.
    static func absenceReason(_ state: DashboardState) -> String? {
        guard let order = state.order else { return "Waiting for the order…" }
        if order.fulfillmentType == .pickup { return "Pickup orders have no shopper location." }
        if case .forbidden? = state.connection[.location] { return "The retailer hides the shopper's location for this order." }
        if order.workflowState != .delivering {
            return "Shopper location appears while the order is delivering (now: \(order.workflowState.title))."
        }
        if state.shopperLocation == nil, state.trail.isEmpty { return "Waiting for the shopper's location…" }
        return nil
    }

    static func textLines(_ state: DashboardState, width: Int) -> [Line] {
        guard width > 0 else { return [] }
        if let reason = absenceReason(state) {
            return Text.wrap(reason, width: width).map { Line(text: $0, style: Style(.dim)) }
        }
        guard let here = state.shopperLocation ?? state.trail.last else { return [] }
        var out = [Line(text: "Shopper " + HandlingPane.coordinates(here) + (state.shopperLocation == nil ? " (last seen)" : ""),
                        style: Style(.mapShopper, .bold))]
        if let destination = state.handling?.coordinates, destination.isValid {
            let meters = Geo.distance(from: here, to: destination)
            let bearing = Geo.bearing(from: here, to: destination)
            out.append(Line(text: "\(Geo.formatDistance(meters)) to the address, heading \(Geo.compassPoint(bearing)) (\(Int(bearing.rounded()) % 360)°)",
                            style: Style(.text)))
        } else {
            out.append(Line(text: "No coordinates for the address", style: Style(.dim)))
        }
        return out.flatMap { l in Text.wrap(l.text, width: width).map { Line(text: $0, style: l.style) } }
    }

    static func draw(_ state: DashboardState, into canvas: inout Canvas, rect: Rect, focused: Bool) {
        let area = PaneFrame.draw(&canvas, rect, title: PaneID.shopper.title, focused: focused)
        guard !area.isEmpty else { return }
        let lines = textLines(state, width: area.width)
        let offset = min(state.scrollOffset(.shopper), max(0, lines.count - area.height))
        let shown = min(area.height, lines.count - offset)
        for row in 0..<shown {
            PaneFrame.line(&canvas, lines[row + offset].text, in: area, row: row, style: lines[row + offset].style)
        }
        let mapArea = Rect(x: area.x, y: area.y + shown, width: area.width, height: area.height - shown)
        guard absenceReason(state) == nil, mapArea.height >= 2, mapArea.width >= 4 else { return }
        drawMap(state, into: &canvas, rect: mapArea)
    }

    static func drawMap(_ state: DashboardState, into canvas: inout Canvas, rect: Rect) {
        let map = BrailleMap.plot(size: Size(width: rect.width, height: rect.height), trail: state.trail,
                                  shopper: state.shopperLocation, destination: state.handling?.coordinates)
        for (row, line) in map.lines.prefix(rect.height).enumerated() {
            canvas.put(line, x: rect.x, y: rect.y + row, style: Style(.mapTrail), clip: rect)
        }
        if let d = map.destination {
            canvas.put("⌂", x: rect.x + d.x, y: rect.y + d.y, style: Style(.mapDestination, .bold), clip: rect)
        }
        if let s = map.shopper {
            canvas.put("●", x: rect.x + s.x, y: rect.y + s.y, style: Style(.mapShopper, .bold), clip: rect)
        }
    }
}
