/// The one place ordertop's version is written: the CLI's `--version`, the `User-Agent` and a recording's creator.
public enum OrdertopVersion {
    public static let current = "0.1.0"

    /// The `User-Agent` of ordertop's requests; `role` says which part sent them ("board", "simulator"), so a
    /// server's access log can tell a board's requests from a simulator's beside it.
    public static func userAgent(_ role: String? = nil) -> String {
        "ordertop/\(current)" + (role.map { " (\($0))" } ?? "")
    }
}
