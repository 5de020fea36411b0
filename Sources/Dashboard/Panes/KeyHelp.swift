import ConnectModels

/// Every key the dashboard knows, for the help overlay and the status bar.
public enum KeyHelp {
    /// A key and what it does.
    public struct Entry: Hashable, Sendable {
        public var keys: String
        public var action: String
    }

    public static func entries(isDemo: Bool) -> [Entry] {
        var list: [Entry] = [
            Entry(keys: "Tab / Shift-Tab", action: "next / previous pane"),
            Entry(keys: "j k ↑ ↓", action: "scroll the pane; move the item cursor"),
            Entry(keys: "PgUp PgDn", action: "scroll a page"),
            Entry(keys: "Home End g G", action: "top / bottom (End: newest chat)"),
            Entry(keys: "i, Enter on chat", action: "write to the shopper"),
            Entry(keys: "Enter (typing)", action: "send, up to \(SendChatMessageRequest.maximumLength) characters"),
            Entry(keys: "Esc (typing)", action: "leave the input line"),
            Entry(keys: "← → Home End", action: "move in the input line"),
            Entry(keys: "Backspace Delete", action: "delete before / under the cursor"),
            Entry(keys: "Ctrl-U", action: "delete to the start of the line"),
            Entry(keys: "a / x", action: "approve / reject the selected replacement"),
            Entry(keys: "R", action: "send failed chat messages again"),
            Entry(keys: "r", action: "refresh now"),
            Entry(keys: "t", action: "next theme"),
            Entry(keys: "?", action: "this help (any key closes it)"),
            Entry(keys: "q", action: "quit (asks when messages are unsent)"),
            Entry(keys: "Ctrl-C", action: "quit at once"),
            Entry(keys: "mouse", action: "click focuses a pane, the wheel scrolls"),
        ]
        if isDemo {
            list.append(Entry(keys: "space", action: "pause / resume the demo"))
            list.append(Entry(keys: "n", action: "next demo step"))
        }
        return list
    }

    /// Short hints for the status bar, by what has the keys.
    public static func hints(_ state: DashboardState) -> String {
        if state.input.isEditing { return "Enter send · Esc leave · ←→ Home End move · Ctrl-U clear · ↑↓ scroll chat" }
        var hints: [String]
        switch state.focus {
        case .items: hints = ["j/k select", "a approve", "x reject"]
        case .chat: hints = ["i type", "j/k scroll", "End newest"]
        default: hints = ["j/k scroll"]
        }
        hints += ["Tab pane", "r refresh", "t theme", "? help", "q quit"]
        if state.isDemo { hints += ["space pause", "n next"] }
        return hints.joined(separator: " · ")
    }
}
