import ConnectModels
import TerminalUI

/// What a key asks the dashboard to do; the reducer decides what that means in the current state.
public enum KeyCommand: Hashable, Sendable {
    case nextPane, previousPane
    case scrollDown, scrollUp, pageDown, pageUp, top, bottom
    /// `i`: focus the chat and open the input line.
    case startTyping
    /// Enter opens the input line only where the chat already has the focus.
    case startTypingInChat
    case send, leaveInput, clearMessage
    case cursorLeft, cursorRight, cursorHome, cursorEnd
    case deleteBackward, deleteForward, deleteToStart
    case approve, reject, retryFailed, refresh, cycleTheme, help, notices
    /// `q`: asks first when messages are unsent.
    case quit
    case quitNow, repaint
    case demoTogglePause, demoNextStep
}

/// When a binding is live.
public enum KeyMode: Hashable, Sendable {
    /// No input line open.
    case browsing
    /// Writing in the chat's input line; unbound characters are typed.
    case typing
    /// Both browsing and typing.
    case browsingOrTyping
    /// Even over the help or the quit question.
    case always

    /// True when a binding in this mode is live in `current` (`.browsing` or `.typing`, or `.always`
    /// for keys read before anything else).
    func covers(_ current: KeyMode) -> Bool {
        switch (self, current) {
        case (.always, _): true
        case (_, .always): false
        case (.browsingOrTyping, _): true
        default: self == current
        }
    }
}

/// One key bound to one command.
public struct KeyBinding: KeyBound {
    public var key: Key
    public var command: KeyCommand
    public var mode: KeyMode
    /// Only bound in `ordertop demo`.
    public var demoOnly: Bool

    public init(_ key: Key, _ command: KeyCommand, _ mode: KeyMode, demoOnly: Bool = false) {
        self.key = key
        self.command = command
        self.mode = mode
        self.demoOnly = demoOnly
    }
}

/// One line of the dashboard's help.
public typealias KeymapEntry = TerminalUI.KeymapEntry<KeyBinding>

extension TerminalUI.KeymapEntry where Binding == KeyBinding {
    /// Shown only in `ordertop demo`: every binding on the line is a demo one.
    public var demoOnly: Bool { !bindings.isEmpty && bindings.allSatisfy(\.demoOnly) }
}

/// A short hint for the status bar, naming some of the table's keys.
public struct KeyHint: Hashable, Sendable {
    /// When the hint is shown.
    public enum Shown: Hashable, Sendable {
        case typing
        /// Browsing with one of these panes focused.
        case focused([PaneID])
        /// Browsing, whatever has the focus.
        case browsing
        /// Browsing in `ordertop demo`.
        case demo
    }

    /// What must hold for the keys to do something now; the status bar offers nothing that would be refused.
    public enum Condition: Hashable, Sendable {
        /// There are items to move the cursor over.
        case itemsListed
        /// The shopper is picking and waits for an answer on a replacement.
        case replacementPending
        /// The customer may write now.
        case chatOpen

        func holds(in state: DashboardState) -> Bool {
            switch self {
            case .itemsListed: !state.itemList.itemRows.isEmpty
            case .replacementPending:
                !state.readOnly && state.items.contains { $0.replacementDecisionRefusal(in: state.workflowState) == nil }
            case .chatOpen: !state.readOnly && state.chatClosedReason == nil
            }
        }
    }

    public var text: String
    /// The keys the text names; a test checks they are bound as the hint says.
    public var keys: [Key]
    public var shown: Shown
    public var onlyWhen: Condition?

    public init(_ text: String, _ keys: [Key], _ shown: Shown, onlyWhen: Condition? = nil) {
        self.text = text
        self.keys = keys
        self.shown = shown
        self.onlyWhen = onlyWhen
    }
}

/// Every key the dashboard knows, in one table: the reducer, the help and the status bar read it.
public enum Keymap {
    private static func b(_ key: Key, _ command: KeyCommand, _ mode: KeyMode = .browsing) -> KeyBinding {
        KeyBinding(key, command, mode)
    }

    /// The help lines in the order the help shows them; each binds its keys.
    public static let entries: [KeymapEntry] = [
        KeymapEntry("Tab / Shift-Tab", "next / previous pane",
                    [b(.tab, .nextPane, .browsingOrTyping), b(.backTab, .previousPane, .browsingOrTyping)]),
        KeymapEntry("j k ↑ ↓", "scroll the pane; move the item cursor",
                    [b(.character("j"), .scrollDown), b(.character("k"), .scrollUp),
                     b(.down, .scrollDown, .browsingOrTyping), b(.up, .scrollUp, .browsingOrTyping)]),
        KeymapEntry("PgUp PgDn", "scroll a page",
                    [b(.pageUp, .pageUp, .browsingOrTyping), b(.pageDown, .pageDown, .browsingOrTyping)]),
        KeymapEntry("Home End g G", "top / bottom (End: newest chat)",
                    [b(.home, .top), b(.end, .bottom), b(.character("g"), .top), b(.character("G"), .bottom)]),
        KeymapEntry("i, Enter on chat", "write to the shopper", [b(.character("i"), .startTyping), b(.enter, .startTypingInChat)]),
        KeymapEntry("Enter (typing)", "send, up to \(SendChatMessageRequest.maximumLength) characters", [b(.enter, .send, .typing)]),
        KeymapEntry("Esc", "leave the input line, or clear the message",
                    [b(.escape, .leaveInput, .typing), b(.escape, .clearMessage)]),
        KeymapEntry("← → Home End Ctrl-A Ctrl-E", "move in the input line",
                    [b(.left, .cursorLeft, .typing), b(.right, .cursorRight, .typing), b(.home, .cursorHome, .typing),
                     b(.end, .cursorEnd, .typing), b(.ctrl("a"), .cursorHome, .typing), b(.ctrl("e"), .cursorEnd, .typing)]),
        // Ctrl-H arrives as Backspace (code 8), so it needs no line of its own.
        KeymapEntry("Backspace Delete Ctrl-D", "delete before / under the cursor",
                    [b(.backspace, .deleteBackward, .typing), b(.delete, .deleteForward, .typing),
                     b(.ctrl("d"), .deleteForward, .typing)]),
        KeymapEntry("Ctrl-U", "delete to the start of the line", [b(.ctrl("u"), .deleteToStart, .typing)]),
        KeymapEntry("a / x", "approve / reject the selected replacement",
                    [b(.character("a"), .approve), b(.character("x"), .reject)]),
        KeymapEntry("R", "send failed chat messages again", [b(.character("R"), .retryFailed)]),
        KeymapEntry("r", "refresh now", [b(.character("r"), .refresh)]),
        KeymapEntry("t", "next theme", [b(.character("t"), .cycleTheme)]),
        KeymapEntry("? / L", "this help / the last 100 notices", [b(.character("?"), .help), b(.character("L"), .notices)]),
        KeymapEntry("q", "quit (asks when messages are unsent)", [b(.character("q"), .quit)]),
        // Curses decodes Ctrl-C as code 3, always lower case; Ctrl-L only repaints, so it may act over the help.
        KeymapEntry("Ctrl-L / Ctrl-C", "repaint / quit at once", [b(.ctrl("l"), .repaint, .always), b(.ctrl("c"), .quitNow, .always)]),
        KeymapEntry("mouse", "click focuses a pane, the wheel scrolls", []),
        KeymapEntry("space", "pause / resume the demo", [KeyBinding(.character(" "), .demoTogglePause, .browsing, demoOnly: true)]),
        KeymapEntry("n", "next demo step", [KeyBinding(.character("n"), .demoNextStep, .browsing, demoOnly: true)]),
    ]

    /// The status bar's hints, in the order they are shown.
    public static let hints: [KeyHint] = [
        KeyHint("Enter send", [.enter], .typing),
        KeyHint("Esc leave", [.escape], .typing),
        KeyHint("←→ Home End move", [.left, .right, .home, .end], .typing),
        KeyHint("Ctrl-U clear", [.ctrl("u")], .typing),
        KeyHint("↑↓ scroll chat", [.up, .down], .typing),
        KeyHint("j/k select", [.character("j"), .character("k")], .focused([.items]), onlyWhen: .itemsListed),
        KeyHint("a approve", [.character("a")], .focused([.items]), onlyWhen: .replacementPending),
        KeyHint("x reject", [.character("x")], .focused([.items]), onlyWhen: .replacementPending),
        KeyHint("i type", [.character("i")], .focused([.chat]), onlyWhen: .chatOpen),
        KeyHint("j/k scroll", [.character("j"), .character("k")], .focused([.chat, .timeline, .handling, .shopper])),
        KeyHint("End newest", [.end], .focused([.chat])),
        KeyHint("Tab pane", [.tab], .browsing),
        KeyHint("r refresh", [.character("r")], .browsing),
        KeyHint("t theme", [.character("t")], .browsing),
        KeyHint("? help", [.character("?")], .browsing),
        KeyHint("q quit", [.character("q")], .browsing),
        KeyHint("space pause", [.character(" ")], .demo),
        KeyHint("n next", [.character("n")], .demo),
    ]

    /// Every binding, in table order.
    public static let bindings: [KeyBinding] = entries.flatMap(\.bindings)

    /// The command `key` is bound to in `mode` (`.browsing`, `.typing` or `.always`), if any.
    public static func command(for key: Key, in mode: KeyMode, isDemo: Bool) -> KeyCommand? {
        bindings.first { $0.key == key && $0.mode.covers(mode) && (isDemo || !$0.demoOnly) }?.command
    }
}
