import ConnectModels
import TerminalUI

/// The states an order of this type passes through, flowed into lines: past ✓, current ●, future ○.
enum TimelinePane {
    struct Entry: Hashable {
        var text: String
        var style: Style
    }

    static func entries(_ state: DashboardState) -> [Entry] {
        guard let order = state.order else { return [Entry(text: "Waiting for the order…", style: Style(.dim))] }
        let timeline = WorkflowState.timeline(for: order.fulfillmentType)
        let current = order.workflowState
        if let k = timeline.firstIndex(of: current) {
            return timeline.enumerated().map { i, s in
                if i < k { return Entry(text: "✓ " + s.title, style: Style(.statePast)) }
                if i == k { return Entry(text: "● " + s.title, style: Style(.stateCurrent, [.bold, .reverse])) }
                return Entry(text: "○ " + s.title, style: Style(.stateFuture))
            }
        }
        // A state outside this type's documented path: show the path and the state by name, never guess its place.
        var result = timeline.map { Entry(text: "○ " + $0.title, style: Style(.stateFuture)) }
        let known = current.isKnown
        result.append(Entry(text: current == .canceled ? "✗ Canceled" : "● " + current.title + (known ? "" : " (unknown state)"),
                            style: Style(known ? .stateCurrent : .stateUnknown, [.bold, .reverse])))
        return result
    }

    static let separator = "  "

    /// Entries grouped into lines no wider than `width`; an entry wider than a line gets a line of its own.
    static func flow(_ entries: [Entry], width: Int) -> [[Entry]] {
        guard width > 0 else { return [] }
        var lines: [[Entry]] = []
        var line: [Entry] = []
        var used = 0
        for e in entries {
            let w = CellWidth.of(e.text)
            let needed = line.isEmpty ? w : used + CellWidth.of(separator) + w
            if needed > width, !line.isEmpty {
                lines.append(line)
                line = [e]
                used = w
            } else {
                line.append(e)
                used = needed
            }
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    static func lineCount(_ state: DashboardState, width: Int) -> Int { max(1, flow(entries(state), width: width).count) }

    static func draw(_ state: DashboardState, into canvas: inout Canvas, rect: Rect, focused: Bool) {
        let area = PaneFrame.draw(&canvas, rect, title: PaneID.timeline.title, focused: focused)
        guard !area.isEmpty else { return }
        let lines = flow(entries(state), width: area.width)
        // Until the person scrolls, keep the current state in view: it is the one line that matters most.
        let current = lines.firstIndex { $0.contains { $0.style.role == .stateCurrent || $0.style.role == .stateUnknown } } ?? 0
        let wanted = state.scroll[.timeline] ?? max(0, current - area.height + 1)
        let offset = min(wanted, max(0, lines.count - area.height))
        for row in 0..<min(area.height, lines.count - offset) {
            var x = area.x
            for (i, e) in lines[row + offset].enumerated() {
                if i > 0 { x += canvas.put(separator, x: x, y: area.y + row, clip: area) }
                x += canvas.put(Text.truncate(e.text, toCells: area.maxX - x), x: x, y: area.y + row, style: e.style, clip: area)
            }
        }
    }
}
