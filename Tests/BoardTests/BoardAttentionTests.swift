import ConnectModels
import Foundation
import OrderTracking
import Testing
import TerminalUI
@testable import Board
@testable import Dashboard
import OrderFeed

typealias F = BoardFixture

/// What needs attention, in which order, and when the bell rings.
@Suite struct BoardAttentionTests {
    /// One order per reason, plus a calm one and a finished one.
    static func mixed(settings: BoardSettings = BoardSettings()) -> BoardState {
        var state = F.board(["calm", "stuck", "unread", "repl", "token", "done"], settings: settings)
        F.send(&state, "stuck", [.order(F.order("stuck", .acknowledged))])
        _ = F.advance(&state, by: 25 * 60)
        F.send(&state, "calm", [.order(F.order("calm", .picking))])
        F.send(&state, "unread", [.order(F.order("unread", .picking)), .chat(F.chat(customer: "U", unread: 2))])
        F.send(&state, "repl", [.order(F.order("repl", .picking)), .items(F.items(picked: 1, total: 3, pending: 1))])
        F.send(&state, "token", [.order(F.order("token", .picking)), .connection(.items, .tokenRejected)])
        F.send(&state, "done", [.order(F.order("done", .delivered)), .finished(.delivered)])
        return state
    }

    @Test func attentionSortPutsEachReasonInItsPlace() {
        let state = Self.mixed()
        #expect(state.visible == ["unread", "repl", "token", "stuck", "calm", "done"])
        #expect(state.attentionCount == 4)
        #expect(renderBoard(state, size: state.size).lines()[0].contains("6 orders (4 need attention)"))
    }

    @Test func reasonsInWords() {
        let state = Self.mixed()
        #expect(state.rows["unread"]!.attention(now: state.now, stuckAfter: 1200) == [.unreadMessages(2)])
        #expect(state.rows["stuck"]!.attention(now: state.now, stuckAfter: 1200).map(\.text) == ["stuck 25 min in acknowledged"])
        #expect(state.rows["token"]!.attention(now: state.now, stuckAfter: 1200).map(\.text) == ["token rejected"])
        #expect(state.rows["repl"]!.attention(now: state.now, stuckAfter: 1200).map(\.text) == ["1 pending replacement"])
    }

    @Test func pendingReplacementCountsOnlyWhilePicking() {
        var state = F.board(["a"])
        F.send(&state, "a", [.order(F.order("a", .checkout)), .items(F.items(picked: 3, total: 3, pending: 1))])
        #expect(state.attentionCount == 0)
        F.send(&state, "a", [.order(F.order("a", .picking))])
        #expect(state.attentionPriority["a"] == 1)
    }

    @Test func errorsThatNeedAPerson() {
        var state = F.board(["a", "b", "c", "d"])
        F.send(&state, "a", [.connection(.order, .notFound)])
        F.send(&state, "b", [.connection(.chat, .forbidden("no access"))])
        // A hidden shopper location is the retailer's choice, and a retry is not an error yet.
        F.send(&state, "c", [.connection(.location, .forbidden("hidden"))])
        F.send(&state, "d", [.connection(.order, .retrying(after: .seconds(2), reason: "503"))])
        #expect(Set(state.attentionPriority.keys) == ["a", "b"])
        #expect(state.rows["b"]!.attention(now: state.now, stuckAfter: 1200).map(\.text) == ["forbidden: no access"])
    }

    @Test func stuckAfterIsASetting() {
        var state = F.board(["a"], settings: BoardSettings(stuckAfter: 60, bell: true))
        F.send(&state, "a", [.order(F.order("a", .picking))])
        #expect(F.advance(&state, by: 59) == [])
        #expect(F.advance(&state, by: 2) == [.bell])
        #expect(state.attentionPriority["a"] == 3)
        // A new state starts the clock again.
        F.send(&state, "a", [.order(F.order("a", .checkout))])
        #expect(state.attentionCount == 0)
        #expect(F.advance(&state, by: 30) == [])
    }

    @Test func finishedOrdersAreNeverStuckOrUrgent() {
        var state = F.board(["a"], settings: BoardSettings(stuckAfter: 60))
        F.send(&state, "a", [.order(F.order("a", .delivered)), .chat(F.chat(customer: "x", unread: 3)), .finished(.delivered)])
        _ = F.advance(&state, by: 3600)
        #expect(state.attentionCount == 0)
    }

    @Test func bellAndNotifyOnlyForANewAttention() {
        var state = F.board(["1a2b3c", "b"], settings: BoardSettings(bell: true, notify: true))
        F.send(&state, "1a2b3c", [.order(F.order("1a2b3c", .picking))])
        let first = F.send(&state, "1a2b3c", [.chat(F.chat(customer: "x", unread: 2))])
        #expect(first == [.bell, .notify("ordertop: order 1a2b3c needs attention: 2 unread messages")])
        // Still in attention, for a stronger reason or more of the same: no new bell.
        #expect(F.send(&state, "1a2b3c", [.chat(F.chat(customer: "x", unread: 3))]) == [])
        #expect(F.send(&state, "1a2b3c", [.connection(.order, .tokenRejected)]) == [])
        // Read and mended, then a new question: that is new again.
        #expect(F.send(&state, "1a2b3c", [.chat(F.chat(customer: "x", unread: 0, read: 3)), .connection(.order, .live)]) == [])
        #expect(state.attentionCount == 0)
        #expect(F.send(&state, "1a2b3c", [.chat(F.chat(customer: "x", unread: 1, read: 3))]).count == 2)
    }

    @Test func settingsOffMeansSilence() {
        var state = F.board(["a"])
        #expect(F.send(&state, "a", [.order(F.order("a", .picking)), .chat(F.chat(customer: "x", unread: 2))]) == [])
        state.settings.bell = true
        #expect(F.send(&state, "a", [.chat(F.chat(customer: "x", unread: 0)), .chat(F.chat(customer: "x", unread: 1))]) == [.bell])
    }

    @Test func manyAtOnceMakeOneNotification() {
        var state = F.board(["a", "b", "c"], settings: BoardSettings(stuckAfter: 60, bell: true, notify: true))
        for id in ["a", "b", "c"] { F.send(&state, id, [.order(F.order(id, .picking))]) }
        #expect(F.advance(&state, by: 120) == [.bell, .notify("ordertop: 3 orders need attention")])
    }

    @Test func notificationTextIsSanitizedAndShort() {
        var state = F.board(["a"], settings: BoardSettings(notify: true))
        F.send(&state, "a", [.order(F.order("a", .picking))])
        let effects = F.send(&state, "a", [.connection(.order, .forbidden("\u{1B}]9;pwned\u{07}" + String(repeating: "x", count: 300)))])
        guard case .notify(let text)? = effects.first else { Issue.record("no notification"); return }
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 })
        #expect(text.count <= BoardReducer.notificationLength)
        #expect(!text.contains("pwned"))
    }
}

/// The smaller promises of the reducer.
@Suite struct BoardReducerTests {
    @Test func anOrderBookedForLaterIsNotStuckBeforeItsWindow() {
        var state = F.board(["a"], settings: BoardSettings(stuckAfter: 60))
        var order = F.order("a", .brandNew)
        order.fulfillmentDetails = FulfillmentDetails(windowStartsAt: F.now.addingTimeInterval(3600))
        F.send(&state, "a", [.order(order)])
        _ = F.advance(&state, by: 1800)
        #expect(state.attentionCount == 0)
        _ = F.advance(&state, by: 1801)
        #expect(state.attentionPriority["a"] == 3)
    }

    @Test func cursorFollowsTheTopUntilMoved() {
        var state = F.board(["a", "b"])
        #expect(state.selectedID == "a")
        F.send(&state, "b", [.order(F.order("b", .picking)), .chat(F.chat(customer: "x", unread: 1))])
        #expect(state.selectedID == "b")
        _ = reduceBoard(&state, .key(.down))
        F.send(&state, "a", [.order(F.order("a", .picking)), .chat(F.chat(customer: "x", unread: 1))])
        #expect(state.visible == ["a", "b"])
        #expect(state.selectedID == "a")
    }

    @Test func duplicatesAndStrangersAreIgnored() {
        var state = F.board(["a"])
        _ = reduceBoard(&state, .ordersAdded([OrderRef(userID: "other", orderID: "a"), OrderRef(userID: "u", orderID: "b")]))
        #expect(state.orderIDs == ["a", "b"])
        #expect(state.rows["a"]?.ref.userID == F.user)
        #expect(F.send(&state, "nobody", [.chat(F.chat(customer: "x", unread: 4))]) == [])
        #expect(state.rows["nobody"] == nil)
    }

    @Test func hostNoticesAndCycleTextAreSanitized() {
        var state = F.board(["a"])
        _ = reduceBoard(&state, .cycle("each order every ~12 s\u{1B}[2J"))
        #expect(state.cycle == "each order every ~12 s")
        _ = reduceBoard(&state, .notice(.error("could not add order 9: token endpoint said 401\u{07}")))
        _ = F.advance(&state, by: 30)
        #expect(renderBoard(state, size: state.size).lines().last!.contains("could not add order 9: token endpoint said 401"))
        _ = reduceBoard(&state, .key(.character("j")))
        #expect(state.status == nil)
        _ = reduceBoard(&state, .notice(.info("order 9 added")))
        _ = F.advance(&state, by: BoardState.statusDuration + 1)
        #expect(state.status == nil)
    }
}
