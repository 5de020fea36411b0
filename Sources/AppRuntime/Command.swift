import Dashboard

/// What the runtime does for one effect. The loop blocks the main actor while it waits for keys, so work that
/// waits runs detached; its outcome comes back as an action through the inbox.
public enum Command<Action: Sendable>: Sendable {
    case none
    case quit
    case repaint
    case setTheme(Theme)
    /// Reduce this action at once.
    case dispatch(Action)
    /// Run off the main actor; a non-nil result is reduced when it arrives.
    case background(@Sendable () async -> Action?)
    case batch([Command])
}
