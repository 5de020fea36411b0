import ConnectModels
import Foundation
import OrderTracking
import Testing
import TerminalUI
@testable import Board
@testable import Dashboard
import OrderFeed

/// Sorting, filtering, the cursor and the input lines, through keys.
@Suite struct BoardKeyTests {
    static func keys(_ state: inout BoardState, _ keys: [Key]) -> [BoardEffect] {
        keys.flatMap { reduceBoard(&state, .key($0)) }
    }

    static func type(_ state: inout BoardState, _ text: String) {
        for c in text { _ = reduceBoard(&state, .key(.character(c))) }
    }

    /// Orders whose ids, states and data ages differ, so each sort gives its own order.
    static func sortable() -> BoardState {
        var state = F.board(["10", "2", "33", "4"])
        F.send(&state, "4", [.order(F.order("4", .delivering))])
        _ = F.advance(&state, by: 10)
        F.send(&state, "33", [.order(F.order("33", .brandNew))])
        _ = F.advance(&state, by: 10)
        F.send(&state, "10", [.order(F.order("10", .picking)), .chat(F.chat(customer: "Zed", unread: 1))])
        _ = F.advance(&state, by: 10)
        F.send(&state, "2", [.order(F.order("2", .delivered)), .finished(.delivered)])
        return state
    }

    @Test func sortCyclesThroughEveryOrder() {
        var state = Self.sortable()
        #expect(state.sort == .attention)
        #expect(state.visible == ["10", "4", "33", "2"])
        _ = Self.keys(&state, [.character("s")])
        #expect(state.sort == .state)
        #expect(state.visible == ["33", "10", "4", "2"])
        _ = Self.keys(&state, [.character("s")])
        #expect(state.sort == .age)
        #expect(state.visible == ["4", "33", "10", "2"])
        _ = Self.keys(&state, [.character("s")])
        #expect(state.sort == .id)
        #expect(state.visible == ["4", "10", "33", "2"])
        #expect(renderBoard(state, size: state.size).lines()[0].contains("sort: id"))
        _ = Self.keys(&state, [.character("s")])
        #expect(state.sort == .attention)
    }

    @Test func finishedSinkAndFHidesThem() {
        var state = Self.sortable()
        #expect(state.visible.last == "2")
        _ = Self.keys(&state, [.character("f")])
        #expect(!state.visible.contains("2"))
        #expect(renderBoard(state, size: state.size).lines()[0].contains("finished hidden"))
        _ = Self.keys(&state, [.character("f")])
        #expect(state.visible.last == "2")
    }

    @Test func filterMatchesIdCustomerAndStateAndNegates() {
        var state = Self.sortable()
        _ = Self.keys(&state, [.character("/")])
        #expect(state.inputMode == .filter)
        Self.type(&state, "ZED")
        #expect(state.visible == ["10"])
        _ = Self.keys(&state, [.enter])
        #expect(state.inputMode == nil)
        #expect(state.filter.text == "ZED")
        #expect(state.visible == ["10"])
        _ = Self.keys(&state, [.character("/"), .ctrl("u")])
        Self.type(&state, "!delivered")
        // "delivering" does not contain "delivered", so only the delivered order goes.
        #expect(state.visible == ["10", "4", "33"])
        _ = Self.keys(&state, [.ctrl("u")])
        Self.type(&state, "3")
        #expect(state.visible == ["33"])
        _ = Self.keys(&state, [.escape])
        #expect(state.filter.isEmpty)
        #expect(state.visible.count == 4)
    }

    @Test func escClearsAKeptFilter() {
        var state = Self.sortable()
        _ = Self.keys(&state, [.character("/")])
        Self.type(&state, "picking")
        _ = Self.keys(&state, [.enter])
        #expect(state.visible == ["10"])
        #expect(renderBoard(state, size: state.size).lines()[0].contains("filter: picking"))
        _ = Self.keys(&state, [.escape])
        #expect(state.visible.count == 4)
    }

    @Test func cursorStaysOnItsOrderWhenRowsMove() {
        var state = Self.sortable()
        _ = Self.keys(&state, [.down, .down])
        #expect(state.selectedID == "33")
        F.send(&state, "4", [.chat(F.chat(customer: "Y", unread: 3))])
        #expect(state.visible == ["4", "10", "33", "2"])
        F.send(&state, "33", [.chat(F.chat(customer: "X", unread: 1))])
        #expect(state.visible.firstIndex(of: "33") != 2)
        #expect(state.selectedID == "33")
        _ = Self.keys(&state, [.character("s")])
        #expect(state.selectedID == "33")
    }

    @Test func cursorKeysAndPages() {
        var state = F.many(100, size: Size(width: 80, height: 13))
        _ = Self.keys(&state, [.home, .pageDown])
        #expect(state.selectedIndex == 9)
        _ = Self.keys(&state, [.end])
        #expect(state.selectedIndex == 99)
        #expect(state.top == 90)
        _ = Self.keys(&state, [.character("k"), .up, .pageUp])
        #expect(state.selectedIndex == 88)
        _ = Self.keys(&state, [.home])
        #expect(state.selectedIndex == 0)
        #expect(state.top == 0)
        _ = Self.keys(&state, [.character("j")])
        #expect(state.selectedIndex == 1)
    }

    @Test func enterDrillsIntoTheRowUnderTheCursor() {
        var state = Self.sortable()
        _ = Self.keys(&state, [.down])
        #expect(Self.keys(&state, [.enter]) == [.drillIn(orderID: "4")])
        var empty = F.board([])
        #expect(Self.keys(&empty, [.enter]) == [])
    }

    @Test func quitRepaintAndHelp() {
        var state = Self.sortable()
        #expect(Self.keys(&state, [.character("q")]) == [.quit])
        #expect(Self.keys(&state, [.ctrl("l")]) == [.repaint])
        _ = Self.keys(&state, [.character("?")])
        #expect(state.showHelp)
        let text = renderBoard(state, size: state.size).text
        for entry in BoardKeymap.entries(replay: false) { #expect(text.contains(entry.keys)) }
        // Any key only closes the help.
        #expect(Self.keys(&state, [.character("q")]) == [])
        #expect(!state.showHelp)
    }

    @Test func addOrderLineValidates() {
        var state = Self.sortable()
        _ = Self.keys(&state, [.character("o")])
        #expect(state.inputMode == .addOrder)
        Self.type(&state, "user-9")
        #expect(Self.keys(&state, [.enter]) == [])
        #expect(state.inputMode == .addOrder)
        #expect(state.status?.text == "expected USER_ID ORDER_ID (2 fields), got 1")
        Self.type(&state, " 55")
        #expect(Self.keys(&state, [.enter]) == [.addOrder(userID: "user-9", orderID: "55")])
        #expect(state.inputMode == nil)
        // The order appears when the host says it is on.
        #expect(state.rows["55"] == nil)
        _ = reduceBoard(&state, .ordersAdded([OrderRef(userID: "user-9", orderID: "55")]))
        #expect(state.rows["55"] != nil)
        // One already on the board is not added twice.
        _ = Self.keys(&state, [.character("o")])
        Self.type(&state, "user-9 55")
        #expect(Self.keys(&state, [.enter]) == [])
        #expect(state.selectedID == "55")
        // Esc leaves the line without adding.
        _ = Self.keys(&state, [.character("o")])
        Self.type(&state, "a b")
        #expect(Self.keys(&state, [.escape]) == [])
        #expect(state.inputMode == nil)
    }

    @Test func orderRefParsing() throws {
        #expect(try OrderRef.parse("  u1\t o-2 ").get() == OrderRef(userID: "u1", orderID: "o-2"))
        #expect(OrderRef.parse("") == .failure(.empty))
        #expect(OrderRef.parse("a b c") == .failure(.wrongFieldCount(3)))
        #expect(OrderRef.parse("u1 o/2") == .failure(.badCharacter(field: "order id", value: "o/2")))
        #expect(OrderRef.parse("u\u{1B}[31m o") != .success(OrderRef(userID: "u\u{1B}[31m", orderID: "o")))
        #expect(OrderRef.parse("u " + String(repeating: "9", count: 65)) == .failure(.tooLong(field: "order id")))
    }

    @Test func readonlyIsSaid() {
        var state = F.board(["a"], settings: BoardSettings(readonly: true))
        let lines = renderBoard(state, size: state.size).lines()
        #expect(lines[0].contains("read-only"))
        #expect(lines.last!.contains("read-only"))
        _ = Self.keys(&state, [.character("?")])
        #expect(renderBoard(state, size: state.size).text.contains("read-only: the dashboard sends no chat"))
    }

    @Test func loadProblemsStayUntilAKey() {
        var state = F.board(["a"])
        _ = reduceBoard(&state, .orderLoadProblems(["orders.txt line 3: expected USER_ID ORDER_ID", "line 7: bad"]))
        _ = F.advance(&state, by: 60)
        #expect(renderBoard(state, size: state.size).lines().last!.contains("line 3: expected USER_ID ORDER_ID (and 1 more)"))
        _ = Self.keys(&state, [.down])
        #expect(state.status == nil)
    }

    @Test func everyStringIsSanitizedOnTheWayIn() {
        var state = F.board(["a"])
        F.send(&state, "a", [.chat(F.chat(customer: "Eve\u{1B}[2J\u{202E}Mallory", unread: 0)), .order(F.order("a", .unknown("weird\u{07}state")))])
        let row = state.rows["a"]!
        #expect(row.customer == "EveMallory")
        #expect(row.state == .unknown("weirdstate"))
        #expect(BoardSnapshot.violations(renderBoard(state, size: state.size)) == [])
    }
}

/// The mouse on the board.
@Suite struct BoardMouseTests {
    @Test func wheelMovesAndAClickSelects() {
        var state = F.many(40, size: Size(width: 80, height: 24))
        _ = reduceBoard(&state, .key(.home))
        _ = reduceBoard(&state, .key(.mouse(MouseEvent(kind: .wheelDown, x: 5, y: 5))))
        #expect(state.selectedIndex == 3)
        _ = reduceBoard(&state, .key(.mouse(MouseEvent(kind: .press, x: 5, y: 9))))
        #expect(state.selectedIndex == 7)
        // The title rows and the status line are not rows.
        _ = reduceBoard(&state, .key(.mouse(MouseEvent(kind: .press, x: 5, y: 1))))
        _ = reduceBoard(&state, .key(.mouse(MouseEvent(kind: .press, x: 5, y: 23))))
        #expect(state.selectedIndex == 7)
        _ = reduceBoard(&state, .key(.mouse(MouseEvent(kind: .wheelUp, x: 5, y: 5))))
        #expect(state.selectedIndex == 4)
    }
}
