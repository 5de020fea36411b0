/// Why a theme could not be loaded, with the file, line and key to look at.
public struct ThemeError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The theme file's path, or "built-in" for a compiled-in theme.
    public var file: String
    /// The 1-based line of the problem, when known.
    public var line: Int?
    /// The 1-based column, when the TOML parser reported one.
    public var column: Int?
    /// The dotted key at fault, e.g. `roles.border.fg`.
    public var key: String?
    /// What is wrong and, where it helps, what to write instead.
    public var problem: String

    public init(file: String, line: Int? = nil, column: Int? = nil, key: String? = nil, problem: String) {
        self.file = file
        self.line = line
        self.column = column
        self.key = key
        self.problem = problem
    }

    /// `file:line:column: key: problem`, the shape editors and people both read.
    public var description: String {
        var s = file
        if let line {
            s += ":\(line)"
            if let column { s += ":\(column)" }
        }
        s += ": "
        if let key { s += "\(key): " }
        return s + problem
    }
}
