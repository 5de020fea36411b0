import Foundation

extension Reducer {
    /// The theme is switched; a problem with its file outranks the theme's name in the status bar.
    static func themeLoaded(_ name: String, problems: [String], _ state: inout DashboardState) {
        state.themeName = name
        if let problem = problems.last {
            say(Text.sanitize(problem), error: true, &state)
        } else {
            say("Theme: \(name)", &state)
        }
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
        say("\(what): \(Text.sanitize(reason))", error: true, &state)
    }
}
