import Dashboard
import TerminalUI

/// What the runtime does for one effect. The loop blocks the main actor while it waits for keys, so work that
/// waits runs detached; its outcome comes back as an action through the inbox.
public enum Command<Action: Sendable>: Sendable {
    case none
    case quit
    case repaint
    case setTheme(Theme)
    /// Ring the bell and maybe show a desktop notification (sanitized text).
    case alert(bell: Bool, notification: String?)
    /// Reduce this action at once.
    case dispatch(Action)
    /// Run off the main actor; a non-nil result is reduced when it arrives.
    case background(@Sendable () async -> Action?)
    case batch([Command])
}

extension Command {
    /// The same work, with its outcome wrapped for a program that hosts another one (the board hosts a dashboard).
    public func map<Outer: Sendable>(_ transform: @escaping @Sendable (Action) -> Outer) -> Command<Outer> {
        switch self {
        case .none: .none
        case .quit: .quit
        case .repaint: .repaint
        case .setTheme(let theme): .setTheme(theme)
        case .alert(let bell, let notification): .alert(bell: bell, notification: notification)
        case .dispatch(let action): .dispatch(transform(action))
        case .background(let work): .background { await work().map(transform) }
        case .batch(let commands): .batch(commands.map { $0.map(transform) })
        }
    }
}
