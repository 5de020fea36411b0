/// Why the dashboard cannot run on this terminal; the message says what to do instead.
public struct TerminalUnavailable: Error, CustomStringConvertible, Sendable, Equatable {
    /// What is wrong, in words.
    public enum Reason: Sendable, Equatable {
        case stdoutNotATerminal
        case stdinNotATerminal
        case termNotSet
        case termUnknown(String)
        case termCannotAddressCursor(String)
        case setupFailed(String)
    }

    public let reason: Reason

    public init(_ reason: Reason) { self.reason = reason }

    public var description: String {
        let what: String
        switch reason {
        case .stdoutNotATerminal: what = "stdout is not a tty"
        case .stdinNotATerminal: what = "stdin is not a tty"
        case .termNotSet: what = "TERM is not set"
        case .termUnknown(let term): what = "TERM=\(term) is not known to this system's terminfo"
        case .termCannotAddressCursor(let term): what = "TERM=\(term) cannot move the cursor"
        case .setupFailed(let detail): what = "the terminal could not be set up: \(detail)"
        }
        return "the dashboard needs a terminal (\(what)). Use --plain for lines of text, or --json for JSON."
    }
}
