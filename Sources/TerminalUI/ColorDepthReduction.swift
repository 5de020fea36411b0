/// Bringing colours down to what a terminal can show.
extension TerminalColor {
    /// This colour as the nearest one a terminal of `depth` can show; monochrome gives the default.
    public func reduced(to depth: ColorDepth) -> TerminalColor {
        switch (self, depth) {
        case (.terminalDefault, _), (_, .truecolor):
            return self
        case (_, .monochrome):
            return .terminalDefault
        case let (.indexed(n), .indexed256):
            return .indexed(n)
        case let (.rgb(r, g, b), .indexed256):
            return .indexed(XtermPalette.nearest256(r, g, b))
        case let (.indexed(n), .basic16) where n < 16:
            return .indexed(n)
        case let (.indexed(n), .basic8) where n < 8:
            return .indexed(n)
        case let (.indexed(n), .basic8) where n < 16:
            // Bright colours fall back to their normal counterpart, which keeps the hue.
            return .indexed(n - 8)
        case let (.indexed(n), _):
            let (r, g, b) = XtermPalette.rgb(of: n)
            return .indexed(XtermPalette.nearestBasic(r, g, b, count: depth == .basic8 ? 8 : 16))
        case let (.rgb(r, g, b), _):
            return .indexed(XtermPalette.nearestBasic(r, g, b, count: depth == .basic8 ? 8 : 16))
        }
    }
}

/// The xterm 256-colour palette: 16 basic colours, a 6x6x6 cube and a 24-step gray ramp.
public enum XtermPalette {
    /// xterm's default values for the 16 basic colours; real terminals vary, but the hues agree.
    public static let basic: [(UInt8, UInt8, UInt8)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
        (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255), (255, 0, 255), (0, 255, 255),
        (255, 255, 255),
    ]
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB value of a palette index.
    public static func rgb(of index: UInt8) -> (UInt8, UInt8, UInt8) {
        let i = Int(index)
        if i < 16 { return basic[i] }
        if i >= 232 {
            let v = UInt8(8 + 10 * (i - 232))
            return (v, v, v)
        }
        let c = i - 16
        return (UInt8(cubeLevels[c / 36]), UInt8(cubeLevels[c / 6 % 6]), UInt8(cubeLevels[c % 6]))
    }

    /// The nearest entry of the cube or the gray ramp (16-255); the basic 16 are skipped
    /// because terminals redefine them, while 16-255 are nearly always xterm's values.
    public static func nearest256(_ r: UInt8, _ g: UInt8, _ b: UInt8) -> UInt8 {
        func level(_ v: UInt8) -> Int {
            var best = 0
            for (i, l) in cubeLevels.enumerated() where abs(l - Int(v)) < abs(cubeLevels[best] - Int(v)) { best = i }
            return best
        }
        let (ri, gi, bi) = (level(r), level(g), level(b))
        let cube = 16 + 36 * ri + 6 * gi + bi
        let cubeDistance = distance((r, g, b), (UInt8(cubeLevels[ri]), UInt8(cubeLevels[gi]), UInt8(cubeLevels[bi])))
        let average = (Int(r) + Int(g) + Int(b)) / 3
        let grayStep = min(23, max(0, (average - 8 + 5) / 10))
        let grayValue = UInt8(8 + 10 * grayStep)
        let grayDistance = distance((r, g, b), (grayValue, grayValue, grayValue))
        return grayDistance < cubeDistance ? UInt8(232 + grayStep) : UInt8(cube)
    }

    /// The nearest of the first `count` (8 or 16) basic colours.
    public static func nearestBasic(_ r: UInt8, _ g: UInt8, _ b: UInt8, count: Int) -> UInt8 {
        var best = 0
        var bestDistance = Int.max
        for i in 0..<min(count, 16) {
            let d = distance((r, g, b), basic[i])
            if d < bestDistance { (best, bestDistance) = (i, d) }
        }
        return UInt8(best)
    }

    /// Squared distance weighted for the eye ("redmean"), good enough to pick among a few colours.
    static func distance(_ a: (UInt8, UInt8, UInt8), _ b: (UInt8, UInt8, UInt8)) -> Int {
        let rm = (Int(a.0) + Int(b.0)) / 2
        let dr = Int(a.0) - Int(b.0), dg = Int(a.1) - Int(b.1), db = Int(a.2) - Int(b.2)
        return (((512 + rm) * dr * dr) >> 8) + 4 * dg * dg + (((767 - rm) * db * db) >> 8)
    }
}
