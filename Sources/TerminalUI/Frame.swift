/// Where the terminal cursor goes.
public typealias CursorPosition = CellPosition

/// One drawn frame: the cells and where the cursor goes (nil hides it).
public struct Frame: Hashable, Sendable {
    public var canvas: Canvas
    public var cursor: CursorPosition?
    public init(canvas: Canvas, cursor: CursorPosition? = nil) {
        self.canvas = canvas
        self.cursor = cursor
    }
}
