import ConnectModels
import Foundation
import OrderTracking
import Testing
import TerminalUI
@testable import Dashboard

@Suite struct ReducerKeyTests {
    func press(_ state: inout DashboardState, _ keys: Key...) -> [Effect] {
        keys.flatMap { reduce(&state, .key($0)) }
    }

    func type(_ state: inout DashboardState, _ text: String) {
        for c in text { _ = reduce(&state, .key(.character(c))) }
    }

    @Test func capitalRSendsFailedMessagesAgainOnlyWhenThereAreAnyAndChatIsOpen() {
        var picking = Fixture.deliveryPicking
        #expect(reduce(&picking, .key(.character("R"))) == [.retryFailedMessages])
        var noFailures = Fixture.state([.order(Fixture.order(.picking)), .items(Fixture.groceryItems)])
        #expect(reduce(&noFailures, .key(.character("R"))).isEmpty)
        #expect(noFailures.status?.text.contains("No failed messages") == true)
        var delivering = Fixture.state([.order(Fixture.order(.delivering)), .outbox(Fixture.outbox)])
        #expect(reduce(&delivering, .key(.character("R"))).isEmpty, "the chat window is closed")
        #expect(delivering.status?.severity == .error)
    }

    @Test func tabAndShiftTabCycleFocusThroughEveryPane() {
        var s = Fixture.deliveryPicking
        #expect(s.focus == .items)
        var seen: [PaneID] = []
        for _ in 0..<5 {
            _ = press(&s, .tab)
            seen.append(s.focus)
        }
        #expect(seen == [.handling, .shopper, .chat, .timeline, .items])
        _ = press(&s, .backTab)
        #expect(s.focus == .timeline)
    }

    @Test func jkMoveTheItemCursorAndScrollKeepsItInView() {
        var s = Fixture.deliveryPicking
        _ = reduce(&s, .resize(Size(width: 80, height: 24)))
        _ = press(&s, .home)
        #expect(s.selectedItemID == "1")
        _ = press(&s, .character("j"), .down)
        #expect(s.selectedItemID == "3")
        _ = press(&s, .character("k"))
        #expect(s.selectedItemID == "2")
        _ = press(&s, .end)
        #expect(s.selectedItemID == "15")
        let layout = DashboardLayout(state: s, size: s.size)
        let row = s.itemList.itemRows[s.itemList.selectionIndexByID["15"]!]
        #expect(row >= s.scrollOffset(.items) && row < s.scrollOffset(.items) + layout.contentHeight(.items))
        _ = press(&s, .pageUp)
        #expect(s.selectedItemID != "15")
    }

    @Test func handlingScrollsAndStopsAtItsEnd() {
        var s = Fixture.deliveryPicking
        _ = reduce(&s, .resize(Size(width: 80, height: 24)))
        _ = press(&s, .tab)
        #expect(s.focus == .handling)
        for _ in 0..<50 { _ = press(&s, .character("j")) }
        let layout = DashboardLayout(state: s, size: s.size)
        let lines = HandlingPane.lines(s, width: layout.rect(.handling)!.width - 2).count
        #expect(s.scrollOffset(.handling) == lines - layout.contentHeight(.handling))
        #expect(s.scrollOffset(.handling) > 0)
        _ = press(&s, .pageUp, .pageUp, .pageUp, .pageUp)
        #expect(s.scrollOffset(.handling) == 0)
    }

    @Test func chatScrollUpStopsFollowingAndNewMessagesKeepTheView() {
        var s = Fixture.huge
        s.focus = .chat
        #expect(s.chatFollows)
        _ = press(&s, .character("k"), .character("k"), .character("k"))
        #expect(s.scrollOffset(.chat) == 3)
        #expect(!s.chatFollows)
        let before = render(s, size: s.size).lines()
        var convo = s.conversation!
        convo.chatMessages.append(Fixture.message(5000, from: true, "a new one", read: true, minute: 3000))
        _ = reduce(&s, .tracker(.chat(convo)))
        #expect(s.scrollOffset(.chat) == 5)
        let after = render(s, size: s.size).lines()
        let chat = DashboardLayout(state: s, size: s.size).rect(.chat)!
        // The message lines stay where they were; only the title may say how far up we are.
        #expect(Array(after[(chat.y + 1)..<(chat.maxY - 2)]) == Array(before[(chat.y + 1)..<(chat.maxY - 2)]))
        _ = press(&s, .end)
        #expect(s.chatFollows)
        #expect(s.scrollOffset(.chat) == 0)
    }

    @Test func chatScrollStopsAtTheOldestMessage() {
        var s = Fixture.deliveryPicking
        s.focus = .chat
        for _ in 0..<100 { _ = press(&s, .up) }
        let first = s.scrollOffset(.chat)
        _ = press(&s, .up)
        #expect(s.scrollOffset(.chat) == first)
        #expect(render(s, size: s.size).text.contains("Hi Ana, I'm Sam"))
    }

    @Test func inputEditingWorksInGraphemes() {
        var s = Fixture.deliveryPicking
        _ = press(&s, .character("i"))
        #expect(s.input.isEditing)
        #expect(s.focus == .chat)
        type(&s, "cafe\u{301} 香蕉")
        #expect(s.input.text == "café 香蕉")
        #expect(s.input.cursor == 7)
        _ = press(&s, .left, .left, .left)
        #expect(s.input.cursor == 4)
        _ = press(&s, .backspace)
        #expect(s.input.text == "caf 香蕉")
        _ = press(&s, .delete)
        #expect(s.input.text == "caf香蕉")
        _ = press(&s, .home)
        #expect(s.input.cursor == 0)
        type(&s, "é")
        _ = press(&s, .end)
        #expect(s.input.text == "écaf香蕉")
        #expect(s.input.cursor == 6)
        #expect(s.input.cursorCells == 8)
        _ = press(&s, .left, .ctrl("u"))
        #expect(s.input.text == "蕉")
        #expect(s.input.cursor == 0)
        _ = press(&s, .escape)
        #expect(!s.input.isEditing)
        #expect(s.input.text == "蕉")
    }

    @Test func typedControlCharactersAndEscapesNeverReachTheInput() {
        var s = Fixture.deliveryPicking
        _ = press(&s, .character("i"), .character("\u{1B}"), .character("\u{07}"), .character("a"), .character("\u{202E}"))
        #expect(s.input.text == "a")
    }

    @Test func enterSendsTrimmedTextAndClearsTheLine() {
        var s = Fixture.deliveryPicking
        _ = press(&s, .character("i"))
        type(&s, "  Skyr is fine  ")
        let effects = press(&s, .enter)
        #expect(effects == [.sendChat("Skyr is fine")])
        #expect(s.input.text.isEmpty)
        #expect(s.input.isEditing)
    }

    @Test func enterOnTheChatPaneStartsTyping() {
        var s = Fixture.deliveryPicking
        _ = press(&s, .enter)
        #expect(!s.input.isEditing)
        s.focus = .chat
        _ = press(&s, .enter)
        #expect(s.input.isEditing)
    }

    @Test func emptyAndOverlongMessagesAreRefused() {
        var s = Fixture.deliveryPicking
        _ = press(&s, .character("i"), .character(" "))
        #expect(press(&s, .enter) == [])
        #expect(s.status?.text.contains("Nothing to send") == true)
        type(&s, String(repeating: "a", count: 1001))
        #expect(press(&s, .enter) == [])
        #expect(s.status?.severity == .error)
        #expect(s.status?.text.contains("limit is 1000") == true)
        #expect(s.input.chatLength == 1002)
        _ = press(&s, .backspace, .backspace, .home, .delete)
        #expect(s.input.chatLength == 999)
        #expect(press(&s, .enter) == [.sendChat(String(repeating: "a", count: 999))])
    }

    @Test(arguments: [WorkflowState.acknowledged, .checkout, .delivering, .delivered, .unknown("mystery")])
    func chatIsClosedOutsideThePickingWindow(_ workflow: WorkflowState) {
        var s = Fixture.deliveryPicking
        _ = reduce(&s, .tracker(.order(Fixture.order(workflow))))
        _ = press(&s, .character("i"))
        #expect(!s.input.isEditing)
        #expect(s.status?.severity == .error)
        #expect(s.chatClosedReason != nil)
        #expect(render(s, size: s.size).text.contains(s.chatClosedReason!.prefix(30)))
    }

    @Test func theInputClosesWhenTheWindowEndsWhileTyping() {
        var s = Fixture.deliveryPicking
        _ = press(&s, .character("i"))
        type(&s, "hello")
        _ = reduce(&s, .tracker(.order(Fixture.order(.checkout))))
        #expect(!s.input.isEditing)
        #expect(press(&s, .enter) == [])
        _ = press(&s, .character("i"))
        #expect(!s.input.isEditing)
    }

    @Test func verifyingReplacementsStillAllowsChat() {
        var s = Fixture.deliveryPicking
        _ = reduce(&s, .tracker(.order(Fixture.order(.verifyingReplacements))))
        _ = press(&s, .character("i"))
        type(&s, "ok")
        #expect(press(&s, .enter) == [.sendChat("ok")])
    }

    @Test func approveAndRejectNeedAPendingReplacementWhilePicking() {
        var s = Fixture.deliveryPicking
        #expect(s.selectedItemID == "7")
        #expect(press(&s, .character("a")) == [.approveReplacement(lineItemID: "7")])
        #expect(press(&s, .character("x")) == [.rejectReplacement(lineItemID: "7")])
        _ = press(&s, .down, .down)
        #expect(s.selectedItemID == "9")
        #expect(press(&s, .character("a")) == [])
        #expect(s.status?.text.contains("no pending replacement") == true)
        _ = press(&s, .up)
        #expect(s.selectedItemID == "8")
        #expect(press(&s, .character("x")) == [])

        var notFocused = Fixture.deliveryPicking
        notFocused.focus = .chat
        #expect(press(&notFocused, .character("a")) == [])
        #expect(notFocused.status?.text.contains("Focus the items pane") == true)

        var late = Fixture.deliveryPicking
        _ = reduce(&late, .tracker(.order(Fixture.order(.verifyingReplacements))))
        #expect(press(&late, .character("a")) == [])
        #expect(late.status?.text.contains("only while the shopper is picking") == true)
    }

    @Test func quitAsksFirstWhenMessagesAreUnsent() {
        var clean = Fixture.deliveryDelivered
        #expect(press(&clean, .character("q")) == [.quit])

        var s = Fixture.deliveryPicking
        _ = reduce(&s, .tracker(.outbox(Fixture.outbox + [OutboxMessage(body: "third", state: .queued, createdAt: Fixture.now)])))
        #expect(s.unsentCount == 2)
        #expect(press(&s, .character("q")) == [])
        #expect(s.confirmingQuit)
        #expect(press(&s, .character("n")) == [])
        #expect(!s.confirmingQuit)
        _ = press(&s, .character("q"))
        #expect(press(&s, .character("y")) == [.quit])
    }

    @Test func ctrlCQuitsFromAnywhere() {
        var s = Fixture.deliveryPicking
        _ = press(&s, .character("i"))
        type(&s, "half a thought")
        #expect(press(&s, .ctrl("c")) == [.quit])
    }

    @Test func helpOpensWithQuestionMarkAndAnyKeyClosesItWithoutActing() {
        var s = Fixture.empty
        _ = press(&s, .character("?"))
        #expect(s.showHelp)
        #expect(press(&s, .character("q")) == [])
        #expect(!s.showHelp)
        #expect(press(&s, .character("q")) == [.quit])
    }

    @Test func refreshThemeAndDemoKeys() {
        var s = Fixture.deliveryPicking
        #expect(press(&s, .character("r")) == [.refreshNow])
        #expect(press(&s, .character("t")) == [.cycleTheme])
        #expect(press(&s, .character("n")) == [])
        var demo = Fixture.state([.order(Fixture.order(.picking))], isDemo: true)
        #expect(press(&demo, .character(" ")) == [.demoTogglePause])
        #expect(press(&demo, .character("n")) == [.demoNextStep])
        _ = reduce(&demo, .demoPaused(true))
        #expect(render(demo, size: demo.size).lines()[0].contains("DEMO (paused)"))
    }

    @Test func mouseClickFocusesThePaneUnderThePointerAndWheelScrolls() throws {
        var s = Fixture.huge
        let layout = DashboardLayout(state: s, size: s.size)
        let handling = try #require(layout.rect(.handling))
        _ = press(&s, .mouse(MouseEvent(kind: .press, x: handling.x + 3, y: handling.y + 1)))
        #expect(s.focus == .handling)
        let chat = try #require(layout.rect(.chat))
        _ = press(&s, .mouse(MouseEvent(kind: .press, x: chat.maxX - 1, y: chat.maxY - 1)))
        #expect(s.focus == .chat)
        _ = press(&s, .mouse(MouseEvent(kind: .wheelUp, x: chat.x + 2, y: chat.y + 2)))
        #expect(s.scrollOffset(.chat) == 3)
        let items = try #require(layout.rect(.items))
        let itemsOffset = s.scrollOffset(.items)
        _ = press(&s, .mouse(MouseEvent(kind: .wheelDown, x: items.x + 2, y: items.y + 2)))
        #expect(s.focus == .chat)
        #expect(s.scrollOffset(.items) == itemsOffset + 3)

        var off = Fixture.huge
        off.mouseEnabled = false
        _ = press(&off, .mouse(MouseEvent(kind: .press, x: handling.x + 3, y: handling.y + 1)))
        #expect(off.focus == .items)
    }
}
