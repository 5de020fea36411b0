import ConnectModels
import Foundation
import OrderTracking
import Testing
import TerminalUI
@testable import Board
@testable import Dashboard

/// A board replaying a recording: its header, its keys and what it refuses.
@Suite struct BoardReplayTests {
    static func replaying() -> BoardState {
        var state = F.board(["1", "2"], settings: BoardSettings(replaySpeed: 8), size: Size(width: 120, height: 24))
        state.timeZone = TimeZone(identifier: "UTC")!
        return state
    }

    @Test func theHeaderShowsTheRecordedTimeAndTheHintsSayNothingIsSent() {
        var state = Self.replaying()
        let lines = renderBoardFrame(state, size: state.size).canvas.lines()
        let clock = LocalTime(timeZone: state.timeZone).clockSeconds(state.now)
        #expect(lines[0].contains("REPLAY \(clock) ×8"))
        #expect(!lines[0].contains("read-only"))
        #expect(lines.last?.contains("replay, nothing is sent") == true)
        _ = reduceBoard(&state, .replayPaused(true))
        #expect(renderBoardFrame(state, size: state.size).canvas.lines()[0].contains("×8 (paused)"))
        #expect(state.settings.readonly, "a replay is read-only")
    }

    @Test func spaceAndNMoveTheReplayAndOAddsNoOrder() {
        var state = Self.replaying()
        #expect(reduceBoard(&state, .key(.character(" "))) == [.toggleReplayPause])
        #expect(reduceBoard(&state, .key(.character("n"))) == [.nextReplayChange])
        #expect(reduceBoard(&state, .key(.character("o"))) == [])
        #expect(state.inputMode == nil)
        #expect(state.status?.text.contains("adds none") == true)
        var live = F.board(["1"])
        #expect(reduceBoard(&live, .key(.character(" "))) == [])
        _ = reduceBoard(&live, .key(.character("o")))
        #expect(live.inputMode == .addOrder)
    }
}
