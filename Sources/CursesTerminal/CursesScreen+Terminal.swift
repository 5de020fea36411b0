import TerminalUI

extension InputWaker: Waker {}

/// Curses is the app's `Terminal`: the runtime draws, reads keys and switches themes through it.
extension CursesScreen: Terminal {
    public var exitSignal: ExitSignal? { terminationSignal }

    public func draw(_ canvas: Canvas, cursor: CursorPosition?) {
        draw(canvas, cursor: cursor.map { (x: $0.x, y: $0.y) })
    }

    public func alert(bell: Bool, notification: String?) {
        ring(bell: bell, osc9: notification)
    }
}
