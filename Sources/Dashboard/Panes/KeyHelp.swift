import TerminalUI

/// The keymap as people see it: the help overlay's lines and the status bar's hints.
public enum KeyHelp {
    /// The help lines for this session; demo keys only in `ordertop demo`, and in a replay, where they move the replay.
    public static func entries(isDemo: Bool, isReplay: Bool = false) -> [KeymapEntry] {
        Keymap.entries.compactMap { entry in
            guard entry.demoOnly else { return entry }
            if isReplay {
                var replay = entry
                if entry.bindings.contains(where: { $0.command == .demoTogglePause }) { replay.action = "pause / resume the replay" }
                if entry.bindings.contains(where: { $0.command == .demoNextStep }) { replay.action = "jump to the next change" }
                return replay
            }
            return isDemo ? entry : nil
        }
    }

    /// Short hints for the status bar, by what has the keys.
    public static func hints(_ state: DashboardState) -> String {
        // Said first, so a narrow status bar still shows why nothing can be sent.
        (state.readOnly && !state.input.isEditing ? (state.isReplay ? "replay, nothing is sent · " : "read-only · ") : "") + Keymap.hints.filter { hint in
            if let condition = hint.onlyWhen, !condition.holds(in: state) { return false }
            switch hint.shown {
            case .typing: return state.input.isEditing
            case .focused(let panes): return !state.input.isEditing && panes.contains(state.focus)
            case .browsing: return !state.input.isEditing
            case .demo: return !state.input.isEditing && state.hasPlaybackKeys
            }
        }.map(\.text).joined(separator: " · ")
    }
}
