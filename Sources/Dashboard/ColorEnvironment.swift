/// What the environment says about colour: `NO_COLOR` and `COLORTERM`.
public enum ColorEnvironment {
    /// True when `NO_COLOR` is set and not empty (see no-color.org).
    public static func noColor(_ environment: [String: String]) -> Bool {
        guard let value = environment["NO_COLOR"] else { return false }
        return !value.isEmpty
    }

    /// The depth to draw with, given how many colours curses reports and the environment.
    /// `NO_COLOR` wins; `COLORTERM=truecolor|24bit` lifts a 256-colour terminal to truecolor.
    public static func depth(colorCount: Int, environment: [String: String]) -> ColorDepth {
        if noColor(environment) { return .monochrome }
        let colorterm = environment["COLORTERM"]?.lowercased() ?? ""
        if colorterm == "truecolor" || colorterm == "24bit", colorCount >= 256 { return .truecolor }
        switch colorCount {
        case 16_777_216...: return .truecolor
        case 256...: return .indexed256
        case 16...: return .basic16
        case 8...: return .basic8
        default: return .monochrome
        }
    }
}
