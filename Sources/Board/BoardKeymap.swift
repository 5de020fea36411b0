import TerminalUI

/// What a key asks the board to do; the reducer decides what that means in the current state.
public enum BoardCommand: Hashable, Sendable {
    case down, up, pageDown, pageUp, first, last
    case open, sort, toggleFinished, filter, clearFilter, addOrder
    case pauseReplay, nextChange
    case help, repaint, quit
}

/// When a board binding is live.
public enum BoardKeyScope: Hashable, Sendable {
    case always
    /// Only in `ordertop replay`, where it moves the replay.
    case replay
}

/// One key bound to one board command.
public struct BoardBinding: KeyBound {
    public var key: Key
    public var command: BoardCommand
    public var scope: BoardKeyScope

    public init(_ key: Key, _ command: BoardCommand, _ scope: BoardKeyScope = .always) {
        self.key = key
        self.command = command
        self.scope = scope
    }
}

/// A hint on the board's bottom line, naming some of the table's keys.
public struct BoardHint: Hashable, Sendable {
    /// Where the hint shows: nil everywhere, true only in a replay, false only live.
    public var inReplay: Bool?
    public var text: String
    public var keys: [Key]

    public init(_ text: String, _ keys: [Key], inReplay: Bool? = nil) {
        self.text = text
        self.keys = keys
        self.inReplay = inReplay
    }
}

/// Every key the board knows, in one table: the reducer, the help and the bottom line read it.
public enum BoardKeymap {
    private static func b(_ key: Key, _ command: BoardCommand, _ scope: BoardKeyScope = .always) -> BoardBinding {
        BoardBinding(key, command, scope)
    }

    /// The help lines in the order the help shows them; each binds its keys.
    public static let entries: [KeymapEntry<BoardBinding>] = [
        KeymapEntry("j k ↑ ↓", "move the cursor",
                    [b(.character("j"), .down), b(.down, .down), b(.character("k"), .up), b(.up, .up)]),
        KeymapEntry("PgUp PgDn Ctrl-B Ctrl-F", "move by a page",
                    [b(.pageUp, .pageUp), b(.pageDown, .pageDown), b(.ctrl("b"), .pageUp), b(.ctrl("f"), .pageDown)]),
        KeymapEntry("Home End g G", "go to the first or last order",
                    [b(.home, .first), b(.end, .last), b(.character("g"), .first), b(.character("G"), .last)]),
        KeymapEntry("Enter", "open the order's dashboard (Esc comes back)", [b(.enter, .open)]),
        KeymapEntry("s", "sort: attention, state, age, id", [b(.character("s"), .sort)]),
        KeymapEntry("/", "filter by id, customer or state; !text hides matches", [b(.character("/"), .filter)]),
        KeymapEntry("Esc", "clear the filter", [b(.escape, .clearFilter)]),
        KeymapEntry("f", "hide or show finished orders", [b(.character("f"), .toggleFinished)]),
        KeymapEntry("o", "add an order: USER_ID ORDER_ID", [b(.character("o"), .addOrder)]),
        KeymapEntry("space", "pause / resume the replay", [b(.character(" "), .pauseReplay, .replay)]),
        KeymapEntry("n", "jump to the next change", [b(.character("n"), .nextChange, .replay)]),
        // Curses may report Ctrl-L in either case; it only repaints, so it acts even over the help.
        KeymapEntry("Ctrl-L", "redraw the screen", [b(.ctrl("l"), .repaint), b(.ctrl("L"), .repaint)]),
        KeymapEntry("?", "this help", [b(.character("?"), .help)]),
        KeymapEntry("q", "quit", [b(.character("q"), .quit)]),
        KeymapEntry("mouse", "the wheel moves the cursor, a click selects a row", []),
    ]

    /// The bottom line's hints, in the order they are shown.
    public static let hints: [BoardHint] = [
        BoardHint("⏎ open", [.enter]),
        BoardHint("/ filter", [.character("/")]),
        BoardHint("s sort", [.character("s")]),
        BoardHint("f finished", [.character("f")]),
        BoardHint("o add", [.character("o")], inReplay: false),
        BoardHint("space pause", [.character(" ")], inReplay: true),
        BoardHint("n next change", [.character("n")], inReplay: true),
        BoardHint("? help", [.character("?")]),
        BoardHint("q quit", [.character("q")]),
    ]

    /// The help lines of a live board or a replay: the replay's keys only in a replay.
    public static func entries(replay: Bool) -> [KeymapEntry<BoardBinding>] {
        entries.filter { entry in replay || !entry.bindings.contains { $0.scope == .replay } }
    }

    /// The command `key` is bound to, if any, on a live board or in a replay.
    public static func command(for key: Key, replay: Bool) -> BoardCommand? {
        entries.lazy.flatMap(\.bindings).first { $0.key == key && (replay || $0.scope != .replay) }?.command
    }

    /// The bottom line's hints joined as it shows them.
    public static func hintLine(replay: Bool) -> String {
        hints.filter { $0.inReplay == nil || $0.inReplay == replay }.map(\.text).joined(separator: " · ")
    }
}
