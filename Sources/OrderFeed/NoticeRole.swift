import OrderTracking
import TerminalUI

extension Role {
    /// The status bar's role for a notice of this severity, so each severity has its own look.
    public static func notice(_ severity: Notice.Severity) -> Role {
        switch severity {
        case .info: .noticeInfo
        case .success: .noticeSuccess
        case .warning: .noticeWarning
        case .error: .noticeError
        }
    }
}
