import TerminalUI

/// Colour decisions that do not need a terminal: the depth to draw at and colour numbers for curses.
/// The palette and its distance maths live in `XtermPalette`, so a colour maps to one index everywhere.
public enum ColorSupport {
    /// The depth to draw at, from curses' COLORS (0 when the terminal has no colour).
    /// COLORTERM is not consulted: curses can only send 24-bit colour through a direct-colour terminfo
    /// entry (COLORS >= 2^24, e.g. xterm-direct), so COLORTERM=truecolor on a 256-colour entry still
    /// draws with 256 colours rather than redefining the user's palette.
    /// `override` (NO_COLOR, a flag) can lower the depth but never raise it above what curses can draw.
    public static func depth(colors: Int, override: ColorDepth? = nil) -> ColorDepth {
        let depth: ColorDepth =
            switch colors {
            case (1 << 24)...: .truecolor
            case 256...: .indexed256
            case 16...: .basic16
            case 8...: .basic8
            default: .monochrome
            }
        guard let override else { return depth }
        return min(depth, override)
    }

    /// The curses colour number for a colour: -1 is the terminal default.
    /// `colors` is curses' COLORS; with a direct-colour entry the number is the 24-bit value itself.
    public static func cursesColor(_ color: TerminalColor, colors: Int) -> Int32 {
        let direct = colors >= 1 << 24
        // The same reduction the theme uses, so both paths agree on every index.
        switch color.reduced(to: depth(colors: colors)) {
        case .terminalDefault:
            return -1
        case .indexed(let n) where !direct || n < 8:
            // Direct-colour entries treat 0-7 as ANSI colours and everything else as RGB.
            return Int32(n)
        case .indexed(let n):
            let (r, g, b) = XtermPalette.rgb(of: n)
            return rgbNumber(r, g, b)
        case .rgb(let r, let g, let b):
            return rgbNumber(r, g, b)
        }
    }

    static func rgbNumber(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int32 {
        Int32(r) << 16 | Int32(g) << 8 | Int32(b)
    }
}
