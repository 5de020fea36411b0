import TerminalUI

/// One drawn frame: the cells, where the terminal cursor goes (nil hides it), and the pane rects.
public struct RenderResult: Hashable, Sendable {
    public var canvas: Canvas
    public var cursor: CursorPosition?
    public var layout: DashboardLayout
}

/// Draws the dashboard into a canvas of `size`. Pure.
public func render(_ state: DashboardState, size: Size) -> Canvas {
    renderFrame(state, size: size).canvas
}

/// Draws the dashboard and reports the cursor position for the input line.
public func renderFrame(_ state: DashboardState, size: Size) -> RenderResult {
    var canvas = Canvas(size: size)
    let layout = DashboardLayout(state: state, size: size)
    guard !layout.isTooSmall else {
        drawTooSmall(into: &canvas)
        return RenderResult(canvas: canvas, cursor: nil, layout: layout)
    }
    var cursor: CursorPosition?
    if let r = layout.rect(.header) { HeaderPane.draw(state, into: &canvas, rect: r) }
    if let r = layout.rect(.timeline) { TimelinePane.draw(state, into: &canvas, rect: r, focused: state.focus == .timeline) }
    if let r = layout.rect(.items) { ItemsPane.draw(state, into: &canvas, rect: r, focused: state.focus == .items) }
    if let r = layout.rect(.handling) { HandlingPane.draw(state, into: &canvas, rect: r, focused: state.focus == .handling) }
    if let r = layout.rect(.shopper) { ShopperPane.draw(state, into: &canvas, rect: r, focused: state.focus == .shopper) }
    if let r = layout.rect(.chat) {
        cursor = ChatPane.draw(state, into: &canvas, rect: r, focused: state.focus == .chat, messageRows: layout.chatMessageRows)
    }
    if let r = layout.rect(.statusBar) { StatusBarPane.draw(state, into: &canvas, rect: r) }
    if state.showHelp {
        HelpOverlay.draw(state, into: &canvas, bounds: canvas.bounds)
        cursor = nil
    } else if state.showNotices {
        NoticesOverlay.draw(state, into: &canvas, bounds: canvas.bounds)
        cursor = nil
    }
    return RenderResult(canvas: canvas, cursor: cursor, layout: layout)
}

/// The message for a terminal below the minimum, centred and cut to fit any size.
func drawTooSmall(into canvas: inout Canvas) {
    let need = DashboardLayout.minimumSize
    let message = "terminal too small (need \(need.width)x\(need.height))"
    let size = canvas.size
    guard size.width > 0, size.height > 0 else { return }
    let lines = Text.wrap(message, width: size.width)
    let top = max(0, (size.height - lines.count) / 2)
    for (i, line) in lines.prefix(size.height).enumerated() {
        let w = CellWidth.of(line)
        canvas.put(line, x: max(0, (size.width - w) / 2), y: top + i, style: Style(.warning, .bold))
    }
}
