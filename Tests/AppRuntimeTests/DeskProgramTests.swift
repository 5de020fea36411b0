import AppRuntime
import Board
import Clocks
import ConnectModels
import Dashboard
import Foundation
import OrderTracking
import TestSupport
import Testing
import TerminalUI
import OrderFeed

extension RuntimeTests {
    /// The desk on memory: many fake orders on the board, Enter into one, Esc back, read-only refusals.
    @Suite struct DeskProgramTests {
        static func desk(readonly: Bool = false, bell: Bool = false) -> (DeskProgram, [FakeOrderSource], MemoryTerminal) {
            let sources = [FakeOrderSource(state: .brandNew), FakeOrderSource(state: .picking), FakeOrderSource(state: .delivering)]
            sources[1].backend.setConversation(ChatConversation(
                chatMessages: [ChatMessage(id: 1, senderType: .driver, body: "Is Skyr OK?")]))
            let refs = (0..<3).map { OrderRef(userID: "user-\($0)", orderID: "order-\($0)") }
            let registry = TrackerRegistry { ref in
                let index = refs.firstIndex(of: ref) ?? 0
                return OrderTracker(client: sources[index], orderID: ref.orderID, clock: TestClock(), now: { fixedNow })
            }
            let themes = ThemeCycler(loader: ThemeLoader(searchPaths: []), noColor: false)
            let contents = OrdersFile.Contents(orders: refs, problems: ["orders.txt:2: expected USER_ID ORDER_ID (2 fields), got 1"])
            let program = DeskProgram(registry: registry, arriving: AsyncStream { $0.yield(contents); $0.finish() },
                                      settings: BoardSettings(bell: bell, readonly: readonly), themes: themes, themeName: "default")
            return (program, sources, MemoryTerminal(size: Size(width: 120, height: 30)))
        }

        @Test func theBoardListsEveryOrderAndDrillsIntoOne() async {
            let (program, _, terminal) = Self.desk()
            let run = launch(program, on: terminal)
            #expect(await eventually { terminal.text.contains("3 orders") && terminal.text.contains("order-2") })
            #expect(terminal.text.contains("orders.txt:2:"))
            // The order with an unread question is on top, so Enter opens it.
            terminal.press(.enter)
            // The fake server names every order "fake-order"; the question tells this order's dashboard apart.
            #expect(await eventually { terminal.text.contains("Timeline") && terminal.text.contains("Is Skyr OK?") })
            terminal.press(.escape)
            #expect(await eventually { terminal.text.contains("3 orders") && !terminal.text.contains("Timeline") })
            terminal.press(.character("q"))
            #expect(await run.value == .quit)
        }

        @Test func aReadOnlyDeskNeverSendsAndSaysWhy() async {
            let (program, sources, terminal) = Self.desk(readonly: true)
            let run = launch(program, on: terminal)
            #expect(await eventually { terminal.text.contains("order-1") })
            terminal.press(.enter)
            #expect(await eventually { terminal.text.contains("Timeline") })
            terminal.type("ihello")
            terminal.press(.enter)
            #expect(await eventually { terminal.text.contains("Read-only") })
            #expect(sources[1].backend.sentMessages.isEmpty)
            terminal.press(.escape, .escape, .character("q"))
            #expect(await run.value == .quit)
        }

        @Test func aNewAttentionRingsTheBell() async {
            let (program, _, terminal) = Self.desk(bell: true)
            let run = launch(program, on: terminal)
            #expect(await eventually { terminal.alertsSeen.contains { $0.bell } })
            terminal.press(.character("q"))
            #expect(await run.value == .quit)
        }
    }
}
