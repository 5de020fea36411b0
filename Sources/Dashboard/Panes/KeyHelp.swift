/// The keymap as people see it: the help overlay's lines and the status bar's hints.
public enum KeyHelp {
    /// The help lines for this session; demo keys only in `ordertop demo`.
    public static func entries(isDemo: Bool) -> [KeymapEntry] {
        Keymap.entries.filter { isDemo || !$0.demoOnly }
    }

    /// Short hints for the status bar, by what has the keys.
    public static func hints(_ state: DashboardState) -> String {
        // Said first, so a narrow status bar still shows why nothing can be sent.
        (state.readOnly && !state.input.isEditing ? "read-only · " : "") + Keymap.hints.filter { hint in
            if let condition = hint.onlyWhen, !condition.holds(in: state) { return false }
            switch hint.shown {
            case .typing: return state.input.isEditing
            case .focused(let panes): return !state.input.isEditing && panes.contains(state.focus)
            case .browsing: return !state.input.isEditing
            case .demo: return !state.input.isEditing && state.isDemo
            }
        }.map(\.text).joined(separator: " · ")
    }
}
