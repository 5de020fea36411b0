/// The chat input line: its text, a cursor counted in graphemes, and whether it takes keys.
public struct InputLine: Hashable, Sendable {
    public private(set) var text: String = ""
    /// The cursor position in graphemes, 0...text.count.
    public private(set) var cursor: Int = 0
    public var isEditing: Bool = false

    public init(text: String = "", cursor: Int? = nil, isEditing: Bool = false) {
        self.text = text
        self.cursor = min(max(0, cursor ?? text.count), text.count)
        self.isEditing = isEditing
    }


    public mutating func insert(_ character: Character) {
        let i = text.index(text.startIndex, offsetBy: cursor)
        let before = text.count
        text.insert(character, at: i)
        // A combining mark merges with the grapheme before it, so the count may not grow.
        cursor += text.count - before
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(text.count, cursor + 1) }
    public mutating func moveHome() { cursor = 0 }
    public mutating func moveEnd() { cursor = text.count }

    /// Deletes the grapheme before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        let i = text.index(text.startIndex, offsetBy: cursor - 1)
        text.remove(at: i)
        cursor -= 1
    }

    /// Deletes the grapheme under the cursor.
    public mutating func deleteForward() {
        guard cursor < text.count else { return }
        let i = text.index(text.startIndex, offsetBy: cursor)
        text.remove(at: i)
    }

    /// Deletes everything before the cursor, as Ctrl-U does in a shell.
    public mutating func deleteToStart() {
        let i = text.index(text.startIndex, offsetBy: cursor)
        text.removeSubrange(text.startIndex..<i)
        cursor = 0
    }

    public mutating func clear() {
        text = ""
        cursor = 0
    }

    /// The cells the text before the cursor takes, for placing the terminal cursor.
    public var cursorCells: Int { CellWidth.of(text.prefix(cursor)) }
}
