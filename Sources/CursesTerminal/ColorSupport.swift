import Dashboard

/// Colour decisions that do not need a terminal: depth detection and colour numbers for curses.
public enum ColorSupport {
    /// What the terminal says it can show: `COLORS` from terminfo and `COLORTERM` from the environment.
    public static func detectDepth(hasColors: Bool, colors: Int, colorTerm: String?) -> ColorDepth {
        guard hasColors, colors >= 8 else { return .monochrome }
        if colors >= 1 << 24 { return .truecolor }
        let ct = colorTerm?.lowercased()
        if ct == "truecolor" || ct == "24bit", colors >= 256 { return .truecolor }
        if colors >= 256 { return .indexed256 }
        if colors >= 16 { return .basic16 }
        return .basic8
    }

    /// The depth to ask the theme for. curses can only send 24-bit colour through a direct-colour
    /// terminfo entry (COLORS >= 2^24, e.g. xterm-direct); with COLORTERM=truecolor on a 256-colour
    /// entry the theme is brought down to 256 colours instead of redefining the user's palette.
    /// `override` (NO_COLOR, a flag) can lower the depth but never raise it above what curses can draw.
    public static func renderDepth(detected: ColorDepth, colors: Int, override: ColorDepth?) -> ColorDepth {
        var depth = detected
        if depth == .truecolor, colors < 1 << 24 { depth = colors >= 256 ? .indexed256 : .basic16 }
        if let override { depth = min(depth, override) }
        return depth
    }

    /// The curses colour number for a colour: -1 is the terminal default.
    /// `colors` is curses' COLORS; with a direct-colour entry the number is the 24-bit value itself.
    public static func cursesColor(_ color: TerminalColor, colors: Int) -> Int32 {
        let direct = colors >= 1 << 24
        switch color {
        case .terminalDefault:
            return -1
        case .indexed(let n):
            if direct {
                // Direct-colour entries treat 0-7 as ANSI colours and everything else as RGB.
                if n < 8 { return Int32(n) }
                let (r, g, b) = xtermRGB(n)
                return rgbNumber(r, g, b)
            }
            if Int(n) < colors { return Int32(n) }
            if n < 16 { return Int32(n % 8) }
            return nearestBasic(xtermRGB(n), count: colors >= 16 ? 16 : 8)
        case .rgb(let r, let g, let b):
            if direct { return rgbNumber(r, g, b) }
            if colors >= 256 { return Int32(nearest256(r, g, b)) }
            return nearestBasic((r, g, b), count: colors >= 16 ? 16 : 8)
        }
    }

    static func rgbNumber(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int32 {
        Int32(r) << 16 | Int32(g) << 8 | Int32(b)
    }

    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]
    static let basicPalette: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The usual xterm RGB value of a 256-palette index.
    static func xtermRGB(_ n: UInt8) -> (UInt8, UInt8, UInt8) {
        let i = Int(n)
        if i < 16 { let c = basicPalette[i]; return (UInt8(c.0), UInt8(c.1), UInt8(c.2)) }
        if i >= 232 { let v = UInt8(8 + (i - 232) * 10); return (v, v, v) }
        let c = i - 16
        return (UInt8(cubeLevels[c / 36]), UInt8(cubeLevels[(c / 6) % 6]), UInt8(cubeLevels[c % 6]))
    }

    /// The closest xterm 256-palette index (cube or grey ramp) to an RGB colour.
    static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> Int {
        func level(_ v: UInt8) -> Int {
            var best = 0
            for (i, l) in cubeLevels.enumerated() where abs(l - Int(v)) < abs(cubeLevels[best] - Int(v)) { best = i }
            return best
        }
        let (ri, gi, bi) = (level(r), level(g), level(b))
        let cube = 16 + ri * 36 + gi * 6 + bi
        let cubeDistance = distance((cubeLevels[ri], cubeLevels[gi], cubeLevels[bi]), (Int(r), Int(g), Int(b)))
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let greyIndex = min(23, max(0, (average - 8 + 5) / 10))
        let grey = 8 + greyIndex * 10
        let greyDistance = distance((grey, grey, grey), (Int(r), Int(g), Int(b)))
        return greyDistance < cubeDistance ? 232 + greyIndex : cube
    }

    static func nearestBasic(_ rgb: (UInt8, UInt8, UInt8), count: Int) -> Int32 {
        let target = (Int(rgb.0), Int(rgb.1), Int(rgb.2))
        var best = 0
        for i in 0..<count where distance(basicPalette[i], target) < distance(basicPalette[best], target) { best = i }
        return Int32(best)
    }

    private static func distance(_ a: (Int, Int, Int), _ b: (Int, Int, Int)) -> Int {
        let (dr, dg, db) = (a.0 - b.0, a.1 - b.1, a.2 - b.2)
        return dr * dr + dg * dg + db * db
    }
}
