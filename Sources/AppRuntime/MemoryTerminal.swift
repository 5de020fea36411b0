import Dashboard
import Foundation
import TerminalUI

/// A terminal in memory for tests: scripted keys in, the last frame kept, no tty touched.
/// Like curses, `readKeys` blocks its thread until a key, a wake or the timeout, so the runtime is tested with
/// the scheduling it has in the app. Everything else may be called from any thread.
public final class MemoryTerminal: Waker, @unchecked Sendable {
    // Guarded by `condition`: a test types and reads while the loop waits and draws on the main thread.
    private let condition = NSCondition()
    private var pendingKeys: [Key] = []
    private var woken = false
    private var currentSize: Size
    private var signal: ExitSignal?
    private var lastCanvas: Canvas?
    private var lastCursor: CursorPosition?
    private var draws = 0
    private var repaints = 0
    private var alerts: [(bell: Bool, notification: String?)] = []
    private var lastTheme: Theme?

    public init(size: Size = Size(width: 120, height: 40)) {
        currentSize = size
    }

    // MARK: What a test does

    /// Queues keys as if typed, and wakes the loop.
    public func press(_ keys: Key...) { enqueue(keys) }

    /// Queues each character of `text` as a key press.
    public func type(_ text: String) { enqueue(text.map { .character($0) }) }

    /// Changes the size and reports it the way curses does, with a `.resize` key.
    public func resize(to size: Size) {
        condition.withLock { currentSize = size }
        enqueue([.resize])
    }

    /// Delivers a termination signal, as SIGTERM would.
    public func deliver(signal number: Int32) {
        condition.withLock {
            signal = ExitSignal(number: number)
            condition.broadcast()
        }
    }

    // MARK: What a test reads

    /// The last frame's rows as text (a wide grapheme once); empty before the first frame.
    public var lines: [String] { canvas?.lines() ?? [] }
    /// The last frame as text, without trailing spaces.
    public var text: String { canvas?.text ?? "" }
    public var canvas: Canvas? { condition.withLock { lastCanvas } }
    public var cursor: CursorPosition? { condition.withLock { lastCursor } }
    /// How many frames were drawn.
    public var drawCount: Int { condition.withLock { draws } }
    /// How many times a full repaint was asked for.
    public var repaintCount: Int { condition.withLock { repaints } }
    /// The theme last set, if any.
    public var theme: Theme? { condition.withLock { lastTheme } }

    // MARK: Terminal

    public var size: Size { condition.withLock { currentSize } }
    public var waker: MemoryTerminal { self }
    public var exitSignal: ExitSignal? { condition.withLock { signal } }

    public func wake() {
        condition.withLock {
            woken = true
            condition.broadcast()
        }
    }

    public func draw(_ canvas: Canvas, cursor: CursorPosition?) {
        condition.withLock {
            lastCanvas = canvas
            lastCursor = cursor
            draws += 1
        }
    }

    public func readKeys(timeoutMilliseconds: Int) -> [Key] {
        let deadline = Date().addingTimeInterval(Double(max(0, timeoutMilliseconds)) / 1000)
        return condition.withLock {
            while pendingKeys.isEmpty, !woken, signal == nil, condition.wait(until: deadline) {}
            woken = false
            defer { pendingKeys.removeAll() }
            return pendingKeys
        }
    }

    public func setTheme(_ theme: Theme) { condition.withLock { lastTheme = theme } }

    public func forceRepaint() { condition.withLock { repaints += 1 } }

    public func alert(bell: Bool, notification: String?) { condition.withLock { alerts.append((bell, notification)) } }
    /// The bells and notifications asked for so far, oldest first.
    public var alertsSeen: [(bell: Bool, notification: String?)] { condition.withLock { alerts } }

    private func enqueue(_ keys: [Key]) {
        condition.withLock {
            pendingKeys += keys
            condition.broadcast()
        }
    }
}

extension MemoryTerminal: Terminal {}
