import ConnectAPI
import Foundation
import OrderTracking

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
            let meters = ShopperGeo.distance(here, destination)
            let bearing = ShopperGeo.bearing(here, destination)
            out.append(Line(text: "\(ShopperGeo.distanceText(meters)) to the address, heading \(ShopperGeo.compass(bearing)) (\(Int(bearing.rounded()))°)",
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
        ShopperMap.draw(trail: state.trail, shopper: state.shopperLocation, destination: state.handling?.coordinates,
                        into: &canvas, rect: mapArea)
    }
}

// Stand-ins until the shared Geo and BrailleMap land; replaced by them, not kept beside them.
enum ShopperGeo {
    static func distance(_ a: Coordinates, _ b: Coordinates) -> Double {
        let r = 6_371_000.0
        let (la1, la2) = (a.latitude * .pi / 180, b.latitude * .pi / 180)
        let dla = la2 - la1, dlo = (b.longitude - a.longitude) * .pi / 180
        let h = sin(dla / 2) * sin(dla / 2) + cos(la1) * cos(la2) * sin(dlo / 2) * sin(dlo / 2)
        return 2 * r * asin(min(1, sqrt(h)))
    }

    static func bearing(_ a: Coordinates, _ b: Coordinates) -> Double {
        let (la1, la2) = (a.latitude * .pi / 180, b.latitude * .pi / 180)
        let dlo = (b.longitude - a.longitude) * .pi / 180
        let y = sin(dlo) * cos(la2)
        let x = cos(la1) * sin(la2) - sin(la1) * cos(la2) * cos(dlo)
        let deg = atan2(y, x) * 180 / .pi
        return (deg + 360).truncatingRemainder(dividingBy: 360)
    }

    static func compass(_ degrees: Double) -> String {
        let names = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"]
        return names[Int(((degrees + 22.5) / 45).rounded(.down)) % 8]
    }

    static func distanceText(_ meters: Double) -> String {
        meters < 1000 ? "\(Int(meters.rounded())) m" : String(format: "%.1f km", meters / 1000)
    }
}

enum ShopperMap {
    static func draw(trail: [Coordinates], shopper: Coordinates?, destination: Coordinates?, into canvas: inout Canvas, rect: Rect) {
        var points = trail
        if let shopper { points.append(shopper) }
        if let destination, destination.isValid { points.append(destination) }
        guard !points.isEmpty else { return }
        var minLat = points.map(\.latitude).min() ?? 0, maxLat = points.map(\.latitude).max() ?? 0
        var minLon = points.map(\.longitude).min() ?? 0, maxLon = points.map(\.longitude).max() ?? 0
        if maxLat - minLat < 1e-6 { minLat -= 0.001; maxLat += 0.001 }
        if maxLon - minLon < 1e-6 { minLon -= 0.001; maxLon += 0.001 }
        let dotsW = rect.width * 2, dotsH = rect.height * 4
        func dot(_ c: Coordinates) -> (Int, Int) {
            let x = Int(((c.longitude - minLon) / (maxLon - minLon) * Double(dotsW - 1)).rounded())
            let y = Int(((maxLat - c.latitude) / (maxLat - minLat) * Double(dotsH - 1)).rounded())
            return (min(dotsW - 1, max(0, x)), min(dotsH - 1, max(0, y)))
        }
        var bits = [UInt8](repeating: 0, count: rect.width * rect.height)
        let masks: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
        for c in trail {
            let (x, y) = dot(c)
            bits[(y / 4) * rect.width + x / 2] |= masks[y % 4][x % 2]
        }
        for (i, b) in bits.enumerated() where b != 0 {
            let s = String(UnicodeScalar(0x2800 + UInt32(b)).map(Character.init) ?? " ")
            canvas.put(s, x: rect.x + i % rect.width, y: rect.y + i / rect.width, style: Style(.mapTrail), clip: rect)
        }
        if let destination, destination.isValid {
            let (x, y) = dot(destination)
            canvas.put("⌂", x: rect.x + x / 2, y: rect.y + y / 4, style: Style(.mapDestination, .bold), clip: rect)
        }
        if let shopper {
            let (x, y) = dot(shopper)
            canvas.put("●", x: rect.x + x / 2, y: rect.y + y / 4, style: Style(.mapShopper, .bold), clip: rect)
        }
    }
}
