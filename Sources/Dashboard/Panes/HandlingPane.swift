import ConnectModels
import Foundation
import TerminalUI

/// The delivery address, its coordinates, the customer's notes and the handling flags.
enum HandlingPane {
    struct Line: Hashable {
        var text: String
        var style: Style
    }

    static func coordinates(_ c: Coordinates) -> String {
        String(format: "%.5f, %.5f", c.latitude, c.longitude)
    }

    /// The pane's lines wrapped to `width`; the layout sizes the pane with them, so they are cheap.
    static func lines(_ state: DashboardState, width: Int) -> [Line] {
        guard width > 0 else { return [] }
        guard let h = state.handling else { return [Line(text: "Loading address and handling…", style: Style(.dim))] }
        var out: [Line] = []
        func add(_ text: String, _ style: Style = Style(.text)) {
            for l in Text.wrap(text, width: width) { out.append(Line(text: l, style: style)) }
        }
        if let a = h.address {
            // The address keeps to two lines, cut by cells, so a long one cannot push the rest away.
            var first = a.addressLine1
            if let second = a.addressLine2, !second.isEmpty { first += ", " + second }
            out.append(Line(text: Text.truncate(first, toCells: width), style: Style(.text, .bold)))
            let city = [a.locality, [a.administrativeArea, a.postalCode].filter { !$0.isEmpty }.joined(separator: " "), a.countryCode]
                .filter { !$0.isEmpty }.joined(separator: ", ")
            if !city.isEmpty { out.append(Line(text: Text.truncate(city, toCells: width), style: Style(.text, .bold))) }
        } else {
            add("No address given", Style(.dim))
        }
        if let c = h.coordinates { add(coordinates(c) + (c.isValid ? "" : " (not valid)"), Style(.dim)) }
        for (label, value) in [("Notes", h.notes), ("Instructions", h.instructions), ("Drop-off", h.dropoffLocation)] {
            if let value, !value.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { add(label + ": " + value) }
        }
        var flags: [String] = []
        if h.leaveUnattended { flags.append("✓ leave unattended") }
        if h.alcoholic { flags.append("! alcohol (ID needed)") }
        if h.certifiedDelivery { flags.append("✓ certified delivery") }
        add(flags.isEmpty ? "No special handling" : flags.joined(separator: "  "), Style(flags.isEmpty ? .dim : .warning))
        return out
    }

    static func draw(_ state: DashboardState, into canvas: inout Canvas, rect: Rect, focused: Bool) {
        let area = PaneFrame.draw(&canvas, rect, title: PaneID.handling.title, focused: focused)
        guard !area.isEmpty else { return }
        let all = lines(state, width: area.width)
        let offset = min(state.scrollOffset(.handling), max(0, all.count - area.height))
        for row in 0..<min(area.height, all.count - offset) {
            PaneFrame.line(&canvas, all[row + offset].text, in: area, row: row, style: all[row + offset].style)
        }
    }
}
