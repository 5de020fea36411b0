import ConnectModels
import Foundation
import OrderTracking
import TestSupport
import Testing
import TerminalUI
@testable import Board
@testable import Dashboard
import EventLines
import OrderFeed

/// Whole board frames as text snapshots, and what every frame must keep at any size.
@Suite struct BoardRenderTests {
    static let sizes = [Size(width: 80, height: 24), Size(width: 200, height: 60)]

    static func filtered(_ size: Size) -> BoardState {
        var state = F.many(500, size: size)
        _ = reduceBoard(&state, .key(.character("/")))
        for c in "grace" { _ = reduceBoard(&state, .key(.character(c))) }
        _ = reduceBoard(&state, .key(.enter))
        return state
    }

    static let scenarios: [(String, @Sendable (Size) -> BoardState)] = [
        ("empty", { F.board([], size: $0) }),
        ("three", { F.three(size: $0) }),
        ("many500", { F.many(500, size: $0) }),
        ("filtered", filtered),
    ]

    @Test(arguments: scenarios.flatMap { name, _ in sizes.map { "\(name)@\($0)" } })
    func screen(_ id: String) throws {
        let parts = id.split(separator: "@")
        let dims = parts[1].split(separator: "x").compactMap { Int($0) }
        let size = Size(width: dims[0], height: dims[1])
        let build = try #require(Self.scenarios.first { $0.0 == parts[0] }?.1)
        let canvas = renderBoard(build(size), size: size)
        #expect(BoardSnapshot.violations(canvas) == [])
        BoardSnapshot.store.assertMatches(canvas, named: "board-\(parts[0])-\(size)")
    }

    @Test func narrowKeepsIdAndState() {
        let size = Size(width: 60, height: 20)
        let state = F.three(size: size)
        let canvas = renderBoard(state, size: size)
        #expect(BoardSnapshot.violations(canvas) == [])
        let titles = canvas.lines()[1]
        #expect(titles.contains("id") && titles.contains("state"))
        #expect(!titles.contains("dist") && !titles.contains("type"))
        BoardSnapshot.store.assertMatches(canvas, named: "board-three-narrow-60x20")
    }

    @Test func helpAndFilterLine() throws {
        var state = F.three()
        _ = reduceBoard(&state, .key(.character("?")))
        BoardSnapshot.store.assertMatches(renderBoard(state, size: state.size), named: "board-help-80x24")
        _ = reduceBoard(&state, .key(.character("?")))
        _ = reduceBoard(&state, .key(.character("/")))
        for c in "!香港" { _ = reduceBoard(&state, .key(.character(c))) }
        let frame = renderBoardFrame(state, size: state.size)
        let cursor = try #require(frame.cursor)
        // "/" then "!" (1 cell) and two wide characters.
        #expect(cursor == CellPosition(x: 1 + 1 + 4, y: 23))
        #expect(frame.canvas.lines()[23].hasPrefix("/!香港"))
    }

    @Test func columnsDropInTheirFixedOrder() {
        let all = BoardColumn.allCases
        var previous = all
        for width in stride(from: 220, through: 0, by: -1) {
            let shown = BoardColumnLayout(width: width).shown
            #expect(shown.contains(.id) && shown.contains(.state), "width \(width)")
            // What is gone is always a prefix of the drop order, and narrowing never brings a column back.
            let gone = all.filter { !shown.contains($0) }
            #expect(Array(BoardColumn.dropOrder.prefix(gone.count)) == gone.sorted { a, b in
                BoardColumn.dropOrder.firstIndex(of: a)! < BoardColumn.dropOrder.firstIndex(of: b)!
            }, "width \(width)")
            #expect(Set(shown).isSubset(of: Set(previous)))
            previous = shown
        }
        #expect(BoardColumnLayout(width: 200).shown == all)
        #expect(BoardColumnLayout(width: 80).shown == [.id, .customer, .state, .picked, .replacements, .unread, .inState, .age, .connection])
        #expect(BoardColumnLayout(width: 60).shown == [.id, .customer, .state, .unread, .inState, .connection])
        #expect(BoardColumnLayout(width: 20).shown == [.id, .state])
    }

    @Test func everySizeKeepsTheInvariants() {
        var state = F.many(500, size: Size(width: 80, height: 24))
        _ = reduceBoard(&state, .key(.end))
        let sizes = [(0, 0), (1, 1), (0, 5), (5, 0), (2, 2), (3, 3), (10, 4), (25, 6), (40, 10), (59, 20), (97, 30), (121, 40), (200, 60), (300, 5)]
        for (w, h) in sizes {
            let size = Size(width: w, height: h)
            _ = reduceBoard(&state, .resize(size))
            for overlay in [false, true] {
                var s = state
                if overlay { _ = reduceBoard(&s, .key(.character("?"))) }
                let canvas = renderBoard(s, size: size)
                #expect(canvas.size == size)
                #expect(BoardSnapshot.violations(canvas) == [], "\(size)")
            }
        }
        var typing = F.three()
        _ = reduceBoard(&typing, .key(.character("o")))
        for c in String(repeating: "u1 香", count: 40) { _ = reduceBoard(&typing, .key(.character(c))) }
        for w in [0, 1, 5, 30, 80] {
            let frame = renderBoardFrame(typing, size: Size(width: w, height: 24))
            #expect(BoardSnapshot.violations(frame.canvas) == [])
            if let c = frame.cursor { #expect(c.x < max(1, w)) }
        }
    }

    @Test func plainLinesStartWithTheOrderID() {
        let formatter = BoardPlainFormatter(timeZone: TimeZone(identifier: "UTC")!)
        let line = formatter.line(orderID: "1a2b\u{1B}[31m3c", event: .order(F.order("1a2b3c", .picking)), at: F.now)
        #expect(line == "1a2b3c 15:06:40 order 1a2b3c delivery: Picking")
        let added = formatter.added(OrderRef(userID: "u1", orderID: "9"), at: F.now)
        #expect(added.hasPrefix("9 15:06:40 "))
    }
}
