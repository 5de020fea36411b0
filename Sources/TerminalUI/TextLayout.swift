/// Fitting text into cells: truncation with an ellipsis, padding and word wrapping.
extension Text {
    /// How a padded string sits in its cells.
    public enum Alignment: Sendable { case left, right, center }

    /// The cells the text takes on a terminal.
    public static func width(_ text: some StringProtocol) -> Int { CellWidth.of(text) }

    /// Cuts text to at most `cells` cells, ending with `ellipsis` when something was cut.
    public static func truncate(_ text: some StringProtocol, toCells cells: Int, ellipsis: String = "…") -> String {
        guard cells > 0 else { return "" }
        if CellWidth.of(text) <= cells { return String(text) }
        let mark = CellWidth.of(ellipsis) <= cells ? ellipsis : ""
        let room = cells - CellWidth.of(mark)
        var out = ""
        var used = 0
        for character in text {
            let w = CellWidth.of(character)
            if used + w > room { break }
            out.append(character)
            used += w
        }
        return out + mark
    }

    /// Text made exactly `cells` wide: truncated with an ellipsis, or filled with spaces.
    public static func pad(_ text: some StringProtocol, toCells cells: Int, alignment: Alignment = .left) -> String {
        guard cells > 0 else { return "" }
        let fitted = truncate(text, toCells: cells)
        let gap = cells - CellWidth.of(fitted)
        switch alignment {
        case .left: return fitted + String(repeating: " ", count: gap)
        case .right: return String(repeating: " ", count: gap) + fitted
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + fitted + String(repeating: " ", count: gap - left)
        }
    }

    /// Wraps text into lines no wider than `width` cells. Breaks at spaces, and between wide
    /// (CJK) characters, which need no space; a word longer than a line is cut across lines.
    /// Each `\n` starts a new line. A wide character cannot fit in width 1 and shows as "…".
    /// Width 0 or less gives no lines.
    public static func wrap(_ text: some StringProtocol, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in String(text).split(separator: "\n", omittingEmptySubsequences: false) {
            wrapParagraph(paragraph, width: width, into: &lines)
        }
        return lines
    }

    /// A run of characters that stays together when it fits, and the spaces written before it.
    private struct Token {
        var spaces = ""
        var word = ""
        var wordWidth = 0
    }

    private static func tokens(_ paragraph: Substring) -> [Token] {
        var tokens: [Token] = []
        var current = Token()
        func flush() {
            if !current.word.isEmpty { tokens.append(current); current = Token() }
        }
        for character in paragraph {
            if character == " " || character == "\u{3000}" {
                flush()
                current.spaces.append(character)
                continue
            }
            let w = CellWidth.of(character)
            if w == 2 {
                // Wide scripts break between any two characters, so each is a token of its own.
                flush()
                current.word.append(character)
                current.wordWidth = 2
                flush()
                continue
            }
            current.word.append(character)
            current.wordWidth += w
        }
        flush()
        return tokens
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int, into lines: inout [String]) {
        var line = ""
        var used = 0
        var first = true
        for token in tokens(paragraph) {
            // Spaces survive only inside a line, or as the indentation that starts a paragraph.
            let spaces = (used == 0 && !first) ? "" : token.spaces
            let spaceWidth = CellWidth.of(spaces)
            first = false
            if used + spaceWidth + token.wordWidth <= width {
                line += spaces + token.word
                used += spaceWidth + token.wordWidth
                continue
            }
            if token.wordWidth <= width {
                if used > 0 { lines.append(line) }
                line = token.word
                used = token.wordWidth
                continue
            }
            // Longer than a line: fill what is left of this line, then whole lines.
            if used > 0, used + spaceWidth < width {
                line += spaces
                used += spaceWidth
            } else if used > 0 {
                lines.append(line)
                line = ""
                used = 0
            }
            for character in token.word {
                var piece = String(character)
                var w = CellWidth.of(character)
                if w > width { (piece, w) = ("…", 1) }
                if used + w > width {
                    lines.append(line)
                    line = ""
                    used = 0
                }
                line += piece
                used += w
            }
        }
        lines.append(line)
    }
}
