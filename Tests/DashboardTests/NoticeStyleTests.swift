import ConnectModels
import Foundation
import OrderTracking
import Testing
import TerminalUI
@testable import Dashboard

@Suite struct NoticeStyleTests {
    /// The styles of the cells showing `text` on the status bar (the last row).
    func statusBarStyles(of text: String, _ state: DashboardState) throws -> Set<Style> {
        let canvas = render(state, size: state.size)
        let y = state.size.height - 1
        let line = try #require(canvas.lines().last)
        let range = try #require(line.range(of: text), "\"\(text)\" is not on the status bar: \(line)")
        let start = CellWidth.of(line[..<range.lowerBound])
        return Set((start..<start + CellWidth.of(text)).compactMap { canvas[$0, y]?.style })
    }

    @Test("each severity is drawn on the status bar with its own role", arguments: Notice.Severity.allCases)
    func severityRole(_ severity: Notice.Severity) throws {
        var s = Fixture.deliveryPicking
        _ = reduce(&s, .tracker(.notice(Notice(severity, "Message \(severity.rawValue)"))))
        #expect(s.status?.severity == severity)
        let styles = try statusBarStyles(of: "Message \(severity.rawValue)", s)
        #expect(styles == [Style(.notice(severity), .bold)])
    }

    @Test func theFourSeveritiesHaveFourRoles() {
        #expect(Set(Notice.Severity.allCases.map(Role.notice)).count == Notice.Severity.allCases.count)
    }

    @Test func refusedNoLongerLooksLikeSent() throws {
        var s = Fixture.deliveryPicking
        _ = reduce(&s, .tracker(.notice(.success("Message sent"))))
        let sent = try statusBarStyles(of: "Message sent", s)
        _ = reduce(&s, .tracker(.notice(.error("Message refused: the chat is closed"))))
        let refused = try statusBarStyles(of: "Message refused", s)
        #expect(sent != refused)
    }

    @Test func reducerMessagesCarryTheirSeverity() {
        var s = Fixture.state([.order(Fixture.order(.delivering))])
        _ = reduce(&s, .key(.character("i")))
        #expect(s.status?.severity == .error, "the chat is closed while delivering")
        _ = reduce(&s, .key(.character("r")))
        #expect(s.status?.severity == .info)
    }
}
