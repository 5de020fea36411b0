/// Every theme of `themes/`, compiled into the binary by the EmbedThemes build plugin, so a binary
/// copied out of `.build` carries them all.
public enum BuiltInThemes {
    /// The names of the compiled-in themes.
    public static let names = embedded.keys.sorted()

    /// The TOML text of each compiled-in theme.
    public static let sources: [String: String] = embedded

    /// The default theme, used when no theme is asked for or the asked one is broken.
    public static let defaultTheme: Theme = builtIn("default")

    /// The monochrome theme's attributes per role, borrowed by any theme when there is no colour.
    static let monochromeHints: [Role: Attributes] = builtIn("monochrome").roles.mapValues(\.attributes)

    private static func builtIn(_ name: String) -> Theme {
        // The texts are fixed and tested; an empty theme (plain text everywhere) is the last resort.
        (try? ThemeLoader(searchPaths: []).parse(sources[name] ?? "", file: "built-in:\(name)"))
            ?? Theme(name: name, roles: [:])
    }
}
