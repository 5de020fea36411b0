import Foundation
import Testing
import TerminalUI
@testable import Dashboard

/// The reducer words what came back from the app's work; the runtime only reports it as a typed action.
@Suite struct ReducerResultTests {
    @Test func failedEffectsSayWhatWasNotDone() {
        let cases: [(Effect, String)] = [
            (.sendChat("hi"), "Not sent: offline"),
            (.approveReplacement(lineItemID: "1"), "Not approved: offline"),
            (.rejectReplacement(lineItemID: "1"), "Not rejected: offline"),
        ]
        for (effect, text) in cases {
            var s = Fixture.deliveryPicking
            #expect(reduce(&s, .effectFailed(effect, reason: "offline")).isEmpty)
            #expect(s.status?.text == text)
            #expect(s.status?.severity == .error)
        }
    }

    @Test func aFailureReasonFromTheServerIsSanitized() {
        var s = Fixture.deliveryPicking
        _ = reduce(&s, .effectFailed(.sendChat("hi"), reason: "bad\u{1B}[31m\u{202E}reply"))
        #expect(s.status?.text.unicodeScalars.allSatisfy { $0.value >= 0x20 && $0 != "\u{202E}" } == true)
    }

    @Test func aLoadedThemeIsNamedUnlessItsFileHadProblems() {
        var s = Fixture.deliveryPicking
        _ = reduce(&s, .themeLoaded(name: "monochrome", problems: []))
        #expect(s.themeName == "monochrome")
        #expect(s.status?.text == "Theme: monochrome")
        #expect(s.status?.severity != .error)
        _ = reduce(&s, .themeLoaded(name: "default", problems: ["theme: bad colour"]))
        #expect(s.themeName == "default")
        #expect(s.status?.text == "theme: bad colour")
        #expect(s.status?.severity == .error)
    }

    @Test func noColorAndStartupWarningsAreNews() {
        var s = Fixture.deliveryPicking
        _ = reduce(&s, .themesOff)
        #expect(s.status?.text == "NO_COLOR is set: themes are off")
        _ = reduce(&s, .startupWarning("NO_COLOR is set: using the monochrome theme"))
        #expect(s.status?.text == "NO_COLOR is set: using the monochrome theme")
        #expect(s.status?.severity != .error)
    }

    @Test func demoPauseIsReported() {
        var s = Fixture.state([.order(Fixture.order(.picking))], isDemo: true)
        _ = reduce(&s, .demoPaused(true))
        #expect(s.status?.text == "Shopper paused (space resumes)")
        _ = reduce(&s, .demoPaused(false))
        #expect(s.status?.text == "Shopper resumed")
    }
}
