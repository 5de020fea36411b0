import ConnectModels
import Foundation
import Testing
import TerminalUI
@testable import Dashboard

@Suite("Replay mode")
struct ReplayModeTests {
    static func replaying(speed: Double = 4) -> DashboardState {
        var s = Fixture.deliveryPicking
        s.replaySpeed = speed
        s.readOnly = true
        return s
    }

    @Test("the header shows the recorded time, the speed and a pause")
    func header() {
        var s = Self.replaying()
        let clock = LocalTime(timeZone: s.timeZone).clockSeconds(s.now)
        #expect(renderFrame(s, size: s.size).canvas.lines()[0].contains("REPLAY \(clock) ×4 ·"))
        _ = reduce(&s, .demoPaused(true))
        #expect(renderFrame(s, size: s.size).canvas.lines()[0].contains("REPLAY \(clock) ×4 (paused)"))
        #expect(!renderFrame(s, size: s.size).canvas.lines()[0].contains("DEMO"))
        #expect(!renderFrame(Self.replaying(speed: 1), size: s.size).canvas.lines()[0].contains("×"))
    }

    @Test("nothing is sent, and the hints and the message say it is a replay")
    func nothingSent() {
        var s = Self.replaying()
        #expect(KeyHelp.hints(s).hasPrefix("replay, nothing is sent · "))
        #expect(KeyHelp.hints(s).contains("space pause"))
        for key in [Key.character("i"), .character("a"), .character("x"), .character("R")] {
            #expect(reduce(&s, .key(key)) == [])
            #expect(!s.input.isEditing)
            #expect(s.status?.text.hasPrefix("Replay: nothing is sent") == true)
        }
    }

    @Test("space and n move the replay, and the help says so")
    func keys() {
        var s = Self.replaying()
        #expect(reduce(&s, .key(.character(" "))) == [.demoTogglePause])
        #expect(reduce(&s, .key(.character("n"))) == [.demoNextStep])
        let help = KeyHelp.entries(isDemo: false, isReplay: true).map(\.action)
        #expect(help.contains("pause / resume the replay") && help.contains("jump to the next change"))
        #expect(!help.contains("next demo step"))
        var live = Fixture.deliveryPicking
        #expect(reduce(&live, .key(.character(" "))) != [.demoTogglePause])
    }
}
