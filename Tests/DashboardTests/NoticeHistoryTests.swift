import ConnectModels
import Foundation
import OrderTracking
import Testing
import TerminalUI
@testable import Dashboard

/// Notices are kept: a history under `L`, and errors that stay until the person presses a key.
@Suite("Notice history")
struct NoticeHistoryTests {
    @Test("an error stays in the status bar until the next key; a milder notice does not replace it")
    func errorsStay() {
        var s = Fixture.state([.order(Fixture.order(.picking))])
        _ = reduce(&s, .tracker(.notice(.error("theme: /tmp/x.toml:3: roles.text: not a colour"))))
        _ = reduce(&s, .tracker(.notice(.success("Message sent"))))
        _ = reduce(&s, .tick(s.now.addingTimeInterval(60)))
        #expect(s.status?.text == "theme: /tmp/x.toml:3: roles.text: not a colour")
        #expect(render(s, size: s.size).lines().last?.contains("not a colour") == true)
        _ = reduce(&s, .key(.character("j")))
        #expect(s.status == nil, "a key clears it")
        _ = reduce(&s, .tracker(.notice(.info("Refreshing"))))
        _ = reduce(&s, .tick(s.now.addingTimeInterval(DashboardState.statusDuration + 1)))
        #expect(s.status == nil, "anything milder still goes by itself")
    }

    @Test("L lists the last 100 notices, newest first, with time and severity; any key closes it")
    func history() {
        var s = Fixture.state([.order(Fixture.order(.picking))])
        for i in 1...105 { _ = reduce(&s, .tracker(.notice(.info("note \(i)")))) }
        _ = reduce(&s, .tracker(.notice(.error("Message refused: chat closed"))))
        #expect(s.notices.records.count == NoticeLog.capacity)
        #expect(s.notices.records.first?.text == "note 7")
        _ = reduce(&s, .key(.character("L")))
        #expect(s.showNotices)
        let lines = render(s, size: s.size).lines()
        let first = lines.firstIndex { $0.contains("Message refused: chat closed") }
        let second = lines.firstIndex { $0.contains("note 105") }
        #expect(first != nil && second != nil && first! < second!, "newest first")
        let row = lines[first ?? 0]
        #expect(row.contains("error") && row.contains(s.localTime.clockSeconds(s.now)))
        #expect(lines.contains { $0.contains("Notices (last 100)") })
        _ = reduce(&s, .key(.character("q")))
        #expect(!s.showNotices)
        #expect(!s.confirmingQuit, "the key only closed the overlay")
    }
}

/// `board --readonly` opens dashboards that watch only.
@Suite("Read-only dashboard")
struct ReadOnlyDashboardTests {
    @Test("no typing, no approve or reject, and the hints say read-only instead of offering them")
    func readOnly() {
        var s = Fixture.deliveryPicking
        s.readOnly = true
        #expect(KeyHelp.hints(s).hasPrefix("read-only · "))
        #expect(!KeyHelp.hints(s).contains("approve"))
        for key in [Key.character("i"), .character("a"), .character("x")] {
            #expect(reduce(&s, .key(key)) == [])
            #expect(!s.input.isEditing)
            #expect(s.status?.severity == .warning && s.status?.text.hasPrefix("Read-only") == true)
        }
        var writable = Fixture.deliveryPicking
        #expect(!KeyHelp.hints(writable).contains("read-only"))
        _ = reduce(&writable, .key(.character("i")))
        #expect(writable.input.isEditing)
    }
}
