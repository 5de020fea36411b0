/// What the environment says about colour: `NO_COLOR`.
public enum ColorEnvironment {
    /// True when `NO_COLOR` is set and not empty (see no-color.org).
    public static func noColor(_ environment: [String: String]) -> Bool {
        guard let value = environment["NO_COLOR"] else { return false }
        return !value.isEmpty
    }
}
