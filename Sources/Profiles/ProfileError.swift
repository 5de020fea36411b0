/// A problem with the profiles or their secrets, as one line that names the file (and line) or the profile, and
/// what to fix. Never contains a secret.
public struct ProfileError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    /// `file:line: problem`, the shape editors and people both read.
    init(file: String, line: Int?, _ problem: String) {
        message = file + (line.map { ":\($0)" } ?? "") + ": " + problem
    }

    public var description: String { message }
}
