import TerminalUI
import Foundation

/// Actions from other tasks waiting for the loop (tracker events, outcomes of effects); each one wakes the terminal.
public final class Inbox<Action: Sendable>: @unchecked Sendable {
    // Guarded by `lock`: sent to from background tasks, drained by the loop on the main actor.
    private let lock = NSLock()
    private var actions: [Action] = []
    private let waker: any Waker

    public init(waker: any Waker) { self.waker = waker }

    public func send(_ action: Action) {
        lock.withLock { actions.append(action) }
        waker.wake()
    }

    /// Everything sent so far, oldest first.
    public func drain() -> [Action] {
        lock.withLock {
            defer { actions.removeAll(keepingCapacity: true) }
            return actions
        }
    }
}
