import ConnectModels
import TerminalUI

/// Where each pane goes for a terminal size; the reducer uses it for mouse hits, render for drawing.
public struct DashboardLayout: Hashable, Sendable {
    public static let minimumSize = Size(width: 60, height: 16)
    /// From this width on, panes sit side by side.
    public static let wideWidth = 120

    public var size: Size
    /// True when the terminal is below `minimumSize`; then no pane has a rect.
    public var isTooSmall: Bool
    public var isWide: Bool
    public var rects: [PaneID: Rect]
    /// Rows of chat messages, under which the input line may sit.
    public var chatMessageRows = 0

    public init(state: DashboardState, size: Size) {
        self.size = size
        rects = [:]
        isWide = size.width >= Self.wideWidth
        isTooSmall = size.width < Self.minimumSize.width || size.height < Self.minimumSize.height
        guard !isTooSmall else { return }
        rects[.header] = Rect(x: 0, y: 0, width: size.width, height: 2)
        rects[.statusBar] = Rect(x: 0, y: size.height - 1, width: size.width, height: 1)
        let body = Rect(x: 0, y: 2, width: size.width, height: size.height - 3)
        if isWide { layOutWide(state, body) } else { layOutStacked(state, body) }
        let chatRows = contentHeight(.chat)
        chatMessageRows = max(0, chatRows - (Self.showsChatInput(contentHeight: chatRows, editing: state.input.isEditing) ? 1 : 0))
    }

    /// A short chat keeps its one line for messages unless the person is typing.
    static func showsChatInput(contentHeight: Int, editing: Bool) -> Bool {
        contentHeight >= 3 || (contentHeight >= 1 && editing)
    }

    /// The panes that matter in the order's phase, first the one that takes the focus while the person
    /// has not chosen one: the items and the chat while shopping, the shopper's map and the chat while
    /// delivering. Last-mile orders have no items pane at all.
    public static func emphasis(_ state: DashboardState) -> [PaneID] {
        let items = hasItemsPane(state)
        switch state.workflowState?.phase {
        case .delivering?: return [.shopper, .chat]
        case .shopping?, .afterCheckout?, .final?: return items ? [.items, .chat] : [.chat, .handling]
        case .waitingForShopper?, .beforePicking?, nil: return items ? [.items, .handling] : [.handling, .chat]
        }
    }

    /// Instacart does not hold the items of last-mile orders, so they get no pane.
    public static func hasItemsPane(_ state: DashboardState) -> Bool { state.fulfillmentType != .lastMileDelivery }

    /// The panes Tab visits, in screen order: only those on screen.
    public var focusOrder: [PaneID] { PaneID.focusOrder.filter { rects[$0] != nil } }

    /// The panes that grow: the phase's, and the focused one when the person chose it.
    private static func growers(_ state: DashboardState, among panes: [PaneID]) -> [PaneID] {
        var growers = emphasis(state).filter(panes.contains)
        if state.focusChosen, panes.contains(state.focus), !growers.contains(state.focus) { growers.append(state.focus) }
        return growers
    }

    /// A pane's height when it shows all it has (content and border).
    private static func natural(_ pane: PaneID, _ state: DashboardState, width: Int) -> Int {
        switch pane {
        case .items: ItemsPane.lineCount(state) + 2
        case .handling: HandlingPane.lines(state, width: width - 2).count + 2
        case .shopper: ShopperPane.textLines(state, width: width - 2).count + 2
        default: 3
        }
    }

    /// Splits `room` rows among `panes`, top to bottom, from `y`: the others get what they show, up to a
    /// few rows; the growers share the rest, the focused one first.
    private mutating func stack(_ panes: [PaneID], _ state: DashboardState, x: Int, y: Int, width: Int, room: Int) {
        let growers = Self.growers(state, among: panes)
        // On a short terminal the others keep one line; with room they show what they have, up to 2/5.
        let cap = room >= 22 ? max(3, room * 2 / 5) : 3
        var heights: [PaneID: Int] = [:]
        for pane in panes where !growers.contains(pane) { heights[pane] = min(Self.natural(pane, state, width: width), cap) }
        // Three rows keep one line of content in a box; shrink the others until every grower has that.
        while room - heights.values.reduce(0, +) < 3 * growers.count, let tallest = heights.max(by: { $0.value < $1.value }),
              tallest.value > 1 {
            heights[tallest.key] = tallest.value > 3 ? 3 : 1
        }
        var spare = max(0, room - heights.values.reduce(0, +))
        let base = growers.isEmpty ? 0 : min(3, spare / growers.count)
        for pane in growers { heights[pane] = base }
        spare -= base * growers.count
        let focused = growers.contains(state.focus) ? state.focus : growers.first
        let rest = growers.filter { $0 != focused }
        if let focused {
            let bonus = rest.isEmpty ? spare : (spare + 1) / 2
            heights[focused, default: 0] += bonus
            spare -= bonus
        }
        for (i, pane) in rest.enumerated() {
            let share = spare / (rest.count - i)
            heights[pane, default: 0] += share
            spare -= share
        }
        // Rounding leaves nothing over, but a layout with no growers gives the last pane what is left.
        if spare > 0, let last = panes.last { heights[last, default: 0] += spare }
        var top = y
        for pane in panes {
            let h = heights[pane] ?? 0
            rects[pane] = Rect(x: x, y: top, width: width, height: h)
            top += h
        }
    }

    private mutating func layOutWide(_ state: DashboardState, _ body: Rect) {
        let leftWidth = body.width / 2
        let rightWidth = body.width - leftWidth
        let timelineHeight = min(TimelinePane.lineCount(state, width: leftWidth - 2) + 2, max(3, body.height / 3))
        rects[.timeline] = Rect(x: 0, y: body.y, width: leftWidth, height: timelineHeight)
        let left: [PaneID] = Self.hasItemsPane(state) ? [.items] : [.handling]
        let right: [PaneID] = Self.hasItemsPane(state) ? [.handling, .shopper, .chat] : [.shopper, .chat]
        stack(left, state, x: 0, y: body.y + timelineHeight, width: leftWidth, room: body.height - timelineHeight)
        stack(right, state, x: leftWidth, y: body.y, width: rightWidth, room: body.height)
    }

    /// Stacks the panes under a compact timeline; what matters in the phase, and the focused pane, take the room.
    private mutating func layOutStacked(_ state: DashboardState, _ body: Rect) {
        let timelineHeight = state.focus == .timeline && state.focusChosen
            ? min(TimelinePane.lineCount(state, width: body.width - 2) + 2, body.height / 2)
            : min(TimelinePane.lineCount(state, width: body.width - 2) + 2, 4)
        rects[.timeline] = Rect(x: 0, y: body.y, width: body.width, height: timelineHeight)
        let panes: [PaneID] = (Self.hasItemsPane(state) ? [.items] : []) + [.handling, .shopper, .chat]
        stack(panes, state, x: 0, y: body.y + timelineHeight, width: body.width, room: body.height - timelineHeight)
    }

    public func rect(_ pane: PaneID) -> Rect? { rects[pane] }

    /// The rows a pane has for content inside its border.
    public func contentHeight(_ pane: PaneID) -> Int {
        guard let r = rects[pane], r.height >= 3 else { return 0 }
        return r.height - 2
    }

    /// The pane under a cell, for mouse clicks.
    public func pane(atX x: Int, y: Int) -> PaneID? {
        PaneID.allCases.first { rects[$0]?.contains(x: x, y: y) == true }
    }

    /// True when the chat shows at least one line of messages.
    public var chatIsVisible: Bool { chatMessageRows >= 1 }
}
