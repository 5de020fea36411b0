import Foundation
import TerminalUI

extension Reducer {
    /// The theme is switched. Each problem with its file is an error that stays until a key and goes into
    /// the history, so "file:line: key: problem" is never lost under the theme's name.
    static func themeLoaded(_ name: String, problems: [String], _ state: inout DashboardState) {
        state.themeName = name
        say("Theme: \(name)", &state)
        for problem in problems { say(Text.sanitize(problem), severity: .error, &state) }
    }

    /// Words a failed effect for people; `reason` may quote the server, so it is sanitized here.
    static func effectFailed(_ effect: Effect, reason: String, _ state: inout DashboardState) {
        let what: String
        switch effect {
        case .sendChat: what = "Not sent"
        case .approveReplacement: what = "Not approved"
        case .rejectReplacement: what = "Not rejected"
        default: what = "Failed"
        }
        say("\(what): \(Text.sanitize(reason))", severity: .error, &state)
    }
}
