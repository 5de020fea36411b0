/// A width and a height in terminal cells.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var width: Int
    public var height: Int
    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
    }
    public var description: String { "\(width)x\(height)" }
}

/// A cell's position, counted from the top left: where the cursor goes, where a map marker is drawn.
public struct CellPosition: Hashable, Sendable {
    public var x, y: Int
    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }
}

/// A rectangle of cells; x and y count from the top left.
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var x, y: Int
    public var width, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width <= 0 || height <= 0 }
    public var description: String { "(\(x),\(y) \(width)x\(height))" }

    /// The rectangle shrunk by `n` cells on every side.
    public func inset(by n: Int) -> Rect {
        Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n)
    }

    /// True when the cell lies inside.
    public func contains(x px: Int, y py: Int) -> Bool {
        px >= x && px < maxX && py >= y && py < maxY
    }
}

/// The meaning of a cell's text; a theme turns each role into colours.
public enum Role: String, CaseIterable, Hashable, Sendable {
    case text, dim, title, border, borderFocused, header, statusBar, statusMessage, warning, error
    case noticeInfo, noticeSuccess, noticeWarning, noticeError
    case itemFound, itemReplaced, itemRefunded, itemStillShopping
    case statePast, stateCurrent, stateFuture, stateUnknown
    case chatMe, chatShopper, chatUnread, input
    case selection
    case mapTrail, mapShopper, mapDestination
    case help
}

/// Text attributes a terminal can show without colour.
public struct Attributes: OptionSet, Hashable, Sendable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public static let bold = Attributes(rawValue: 1 << 0)
    public static let underline = Attributes(rawValue: 1 << 1)
    public static let reverse = Attributes(rawValue: 1 << 2)
    public static let dim = Attributes(rawValue: 1 << 3)
}

/// How a cell looks: a role for the theme plus attributes.
public struct Style: Hashable, Sendable {
    public var role: Role
    public var attributes: Attributes
    public init(_ role: Role = .text, _ attributes: Attributes = []) {
        self.role = role
        self.attributes = attributes
    }
    public static let plain = Style()
}

/// One terminal cell: a grapheme and its style. A wide grapheme's second cell is a continuation.
public struct Cell: Hashable, Sendable {
    /// The grapheme to draw, empty for the continuation of a wide one.
    public var text: String
    /// 1 or 2 for a cell that starts a grapheme, 0 for a continuation.
    public var width: UInt8
    public var style: Style

    public init(text: String, width: UInt8 = 1, style: Style = .plain) {
        self.text = text
        self.width = width
        self.style = style
    }

    public static let blank = Cell(text: " ")
    public var isContinuation: Bool { width == 0 }
}

/// A grid of cells that panes draw into; only the terminal module turns it into output.
public struct Canvas: Hashable, Sendable {
    public private(set) var size: Size
    public private(set) var cells: [Cell]

    public init(size: Size, fill: Cell = .blank) {
        self.size = size
        cells = Array(repeating: fill, count: size.width * size.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: size.width, height: size.height) }

    /// The cell at a position, or nil outside the canvas.
    public subscript(x: Int, y: Int) -> Cell? {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return nil }
        return cells[y * size.width + x]
    }

    /// Sets one cell, ignoring positions outside the canvas and repairing wide graphemes it cuts.
    public mutating func set(x: Int, y: Int, _ cell: Cell) {
        guard x >= 0, y >= 0, x < size.width, y < size.height else { return }
        let i = y * size.width + x
        // Overwriting half of a wide grapheme blanks the other half so no orphan remains.
        if cells[i].isContinuation, x > 0 { cells[i - 1] = Cell(text: " ", style: cells[i - 1].style) }
        if cells[i].width == 2, x + 1 < size.width { cells[i + 1] = Cell(text: " ", style: cells[i].style) }
        cells[i] = cell
    }

    /// Writes text from (x, y), clipped to `maxWidth` cells and to `clip`; returns the cells used.
    /// Wide graphemes that do not fit are replaced by a space; zero-width ones join the previous cell.
    @discardableResult
    public mutating func put(_ text: some StringProtocol, x: Int, y: Int, style: Style = .plain, maxWidth: Int? = nil,
                             clip: Rect? = nil) -> Int {
        let area = clip ?? bounds
        guard y >= area.y, y < area.maxY, y >= 0, y < size.height else { return 0 }
        let limit = min(area.maxX, maxWidth.map { x + max(0, $0) } ?? Int.max, size.width)
        var cx = x
        for character in text {
            let w = CellWidth.of(character)
            if w == 0 {
                let prev = cx - 1
                if prev >= max(area.x, 0), prev < limit, let cell = self[prev, y] {
                    if cell.isContinuation, prev > 0, var head = self[prev - 1, y] {
                        head.text.append(character)
                        cells[y * size.width + prev - 1] = head
                    } else {
                        var merged = cell
                        merged.text.append(character)
                        cells[y * size.width + prev] = merged
                    }
                }
                continue
            }
            if cx + w > limit {
                if w == 2, cx < limit, cx >= area.x { set(x: cx, y: y, Cell(text: " ", style: style)); cx += 1 }
                break
            }
            if cx >= area.x {
                set(x: cx, y: y, Cell(text: String(character), width: UInt8(w), style: style))
                if w == 2 { set(x: cx + 1, y: y, Cell(text: "", width: 0, style: style)) }
            } else if cx + w > area.x {
                // A wide grapheme cut by the clip's left edge: its visible half becomes a space
                // instead of leaving what was there before.
                set(x: area.x, y: y, Cell(text: " ", style: style))
            }
            cx += w
        }
        return max(0, cx - x)
    }

    /// Fills a rectangle with one character.
    public mutating func fill(_ rect: Rect, with text: String = " ", style: Style = .plain) {
        // Clip first: a rectangle wholly outside the canvas would otherwise make an inverted range and trap.
        let (x0, x1) = (max(0, rect.x), min(size.width, rect.maxX))
        let (y0, y1) = (max(0, rect.y), min(size.height, rect.maxY))
        guard x0 < x1, y0 < y1 else { return }
        for yy in y0..<y1 {
            for xx in x0..<x1 {
                set(x: xx, y: yy, Cell(text: text, style: style))
            }
        }
    }

    /// Draws a single-line box around a rectangle, with an optional title in the top border.
    public mutating func box(_ rect: Rect, style: Style = Style(.border), title: String? = nil, titleStyle: Style? = nil) {
        guard rect.width >= 2, rect.height >= 2 else { return }
        let (l, r, t, b) = (rect.x, rect.maxX - 1, rect.y, rect.maxY - 1)
        for xx in l...r {
            set(x: xx, y: t, Cell(text: "─", style: style))
            set(x: xx, y: b, Cell(text: "─", style: style))
        }
        for yy in t...b {
            set(x: l, y: yy, Cell(text: "│", style: style))
            set(x: r, y: yy, Cell(text: "│", style: style))
        }
        set(x: l, y: t, Cell(text: "┌", style: style))
        set(x: r, y: t, Cell(text: "┐", style: style))
        set(x: l, y: b, Cell(text: "└", style: style))
        set(x: r, y: b, Cell(text: "┘", style: style))
        if let title, rect.width > 4 {
            put(" \(title) ", x: l + 1, y: t, style: titleStyle ?? style, maxWidth: rect.width - 2)
        }
    }

    /// The canvas as plain text lines, one per row, for tests and snapshots.
    public func lines() -> [String] {
        (0..<size.height).map { row in
            var line = ""
            for col in 0..<size.width {
                let cell = cells[row * size.width + col]
                if !cell.isContinuation { line += cell.text }
            }
            return line
        }
    }

    /// The canvas as one text block with trailing spaces removed from each line.
    public var text: String {
        lines().map { line in
            var s = Substring(line)
            while s.last == " " { s = s.dropLast() }
            return String(s)
        }.joined(separator: "\n")
    }
}
