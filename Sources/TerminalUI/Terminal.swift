/// Wakes a terminal that is waiting for keys; safe from any thread.
public protocol Waker: Sendable {
    func wake()
}

/// Where the runtime shows a screen and reads keys: curses in the app, memory in tests.
/// `readKeys` may block its thread (curses polls), which is why the runtime runs slow work detached.
@MainActor
public protocol Terminal {
    associatedtype KeyWaker: Waker
    /// The size in cells; a change also arrives as a `.resize` key.
    var size: Size { get }
    /// Makes a waiting `readKeys` return, so news from other tasks is shown at once.
    var waker: KeyWaker { get }
    /// Set once a signal asked the process to stop.
    var exitSignal: ExitSignal? { get }
    /// Shows a frame; `cursor` places the terminal cursor there, nil hides it.
    func draw(_ canvas: Canvas, cursor: CursorPosition?)
    /// Waits up to `timeoutMilliseconds` for keys; returns early, maybe with none, when woken or signalled.
    func readKeys(timeoutMilliseconds: Int) -> [Key]
    func setTheme(_ theme: Theme)
    /// Forgets what is on the terminal, so the next draw repaints all of it.
    func forceRepaint()
    /// Rings the bell, and with `notification` asks the terminal for a desktop notification (OSC 9).
    /// The text must be sanitized already.
    func alert(bell: Bool, notification: String?)
}
