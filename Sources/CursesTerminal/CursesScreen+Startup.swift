import CNCursesW
import TerminalUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What both the real and the offscreen screen check and set before curses starts.
extension CursesScreen {
    /// The terminal type, checked before curses starts, so a bad TERM becomes a `TerminalUnavailable` that says why.
    static func checkedTerm(_ term: String?) throws(TerminalUnavailable) -> String {
        guard let term, !term.isEmpty else { throw TerminalUnavailable(.termNotSet) }
        switch cn_probe_term(term) {
        case 1: return term
        case 0: throw TerminalUnavailable(.termCannotAddressCursor(term))
        default: throw TerminalUnavailable(.termUnknown(term))
        }
    }

    /// curses needs a UTF-8 codeset, or wide text and typed `é` are lost.
    static func setUpLocale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: cn_codeset()).uppercased()
        if codeset != "UTF-8" && codeset != "UTF8" {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
    }
}
