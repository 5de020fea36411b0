/// A colour as a terminal can be asked to show it.
public enum TerminalColor: Hashable, Sendable {
    /// The terminal's own foreground or background.
    case terminalDefault
    /// A palette index, 0-255 (0-7 basic, 8-15 bright).
    case indexed(UInt8)
    /// A 24-bit colour.
    case rgb(UInt8, UInt8, UInt8)
}

/// How many colours the terminal can show.
public enum ColorDepth: Int, Comparable, Hashable, Sendable, CaseIterable {
    case monochrome = 0, basic8 = 8, basic16 = 16, indexed256 = 256, truecolor = 16_777_216
    public static func < (a: ColorDepth, b: ColorDepth) -> Bool { a.rawValue < b.rawValue }
}

/// What a theme makes of one role: colours and attributes.
public struct ThemeStyle: Hashable, Sendable {
    public var foreground: TerminalColor
    public var background: TerminalColor
    public var attributes: Attributes

    public init(foreground: TerminalColor = .terminalDefault, background: TerminalColor = .terminalDefault, attributes: Attributes = []) {
        self.foreground = foreground
        self.background = background
        self.attributes = attributes
    }
}
