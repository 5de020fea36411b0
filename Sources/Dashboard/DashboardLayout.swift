import ConnectModels

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

    private mutating func layOutWide(_ state: DashboardState, _ body: Rect) {
        let leftWidth = body.width / 2
        let rightWidth = body.width - leftWidth
        let timelineHeight = min(TimelinePane.lineCount(state, width: leftWidth - 2) + 2, max(3, body.height / 3))
        rects[.timeline] = Rect(x: 0, y: body.y, width: leftWidth, height: timelineHeight)
        rects[.items] = Rect(x: 0, y: body.y + timelineHeight, width: leftWidth, height: body.height - timelineHeight)

        let handlingHeight = min(HandlingPane.lines(state, width: rightWidth - 2).count + 2, max(3, body.height * 2 / 5))
        let shopperHeight = state.workflowState == .delivering ? max(4, min(body.height / 3, 16)) : 4
        let chatHeight = max(0, body.height - handlingHeight - shopperHeight)
        var y = body.y
        rects[.handling] = Rect(x: leftWidth, y: y, width: rightWidth, height: handlingHeight)
        y += handlingHeight
        rects[.shopper] = Rect(x: leftWidth, y: y, width: rightWidth, height: shopperHeight)
        y += shopperHeight
        rects[.chat] = Rect(x: leftWidth, y: y, width: rightWidth, height: chatHeight)
    }

    /// Stacks the panes; unfocused ones keep a line or two of content and the focused one takes the rest.
    private mutating func layOutStacked(_ state: DashboardState, _ body: Rect) {
        let timelineHeight = state.focus == .timeline
            ? min(TimelinePane.lineCount(state, width: body.width - 2) + 2, body.height / 2)
            : min(TimelinePane.lineCount(state, width: body.width - 2) + 2, 4)
        rects[.timeline] = Rect(x: 0, y: body.y, width: body.width, height: timelineHeight)
        let stack: [PaneID] = [.items, .handling, .shopper, .chat]
        let grower: PaneID = stack.contains(state.focus) ? state.focus : .items
        let room = body.height - timelineHeight
        let others = stack.count - 1
        // Three rows keep one line of content in a box; one row is a bare title line.
        let small = room - 3 * others >= 5 ? 3 : 1
        var y = body.y + timelineHeight
        for pane in stack {
            let h = pane == grower ? max(0, room - small * others) : small
            rects[pane] = Rect(x: 0, y: y, width: body.width, height: h)
            y += h
        }
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
