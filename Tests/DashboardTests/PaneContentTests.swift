import ConnectModels
import Foundation
import OrderTracking
import Testing
import TerminalUI
@testable import Dashboard

/// What each pane says in particular situations, read from its own rectangle.
@Suite struct PaneContentTests {
    func pane(_ state: DashboardState, _ pane: PaneID, size: Size = Size(width: 120, height: 40)) -> [String] {
        let result = renderFrame(state, size: size)
        guard let r = result.layout.rect(pane) else { return [] }
        return result.canvas.lines().dropFirst(r.y).prefix(r.height).map { line in
            String(line.dropFirst(r.x).prefix(r.width))
        }
    }

    @Test func timelineMarksPastCurrentAndFuture() throws {
        var canvas = Canvas(size: Size(width: 60, height: 5))
        TimelinePane.draw(Fixture.deliveryPicking, into: &canvas, rect: canvas.bounds, focused: false)
        let text = canvas.text
        #expect(text.contains("✓ Brand new  ✓ Acknowledged  ● Picking"))
        #expect(text.contains("○ Delivered"))
        let current = try #require((0..<60).first { canvas[$0, 1]?.text == "●" })
        #expect(canvas[current, 1]?.style.role == .stateCurrent)
        #expect(canvas[1, 1]?.style.role == .statePast)
    }

    @Test("a queued message says when it is tried again and why the last try failed, counting down")
    func queuedMessageSaysWhatItWaitsFor() {
        let waiting = OutboxMessage(body: "Yes please", createdAt: Fixture.now, attempts: 1,
                                    nextAttemptAt: Fixture.now.addingTimeInterval(6), lastError: "HTTP 503")
        var state = Fixture.state([.order(Fixture.order(.picking)), .outbox([waiting])])
        // The fixture's clock stands 3 s after `Fixture.now`.
        #expect(pane(state, .chat).joined().contains("[queued, retrying in 3 s: HTTP 503]"))
        _ = reduce(&state, .tick(Fixture.now.addingTimeInterval(5)))
        #expect(pane(state, .chat).joined().contains("[queued, retrying in 1 s: HTTP 503]"))
        let fresh = OutboxMessage(body: "Thanks", createdAt: Fixture.now)
        let plain = Fixture.state([.order(Fixture.order(.picking)), .outbox([fresh])])
        #expect(pane(plain, .chat).joined().contains("[queued]"))
    }

    @Test func timelineShowsAnUnknownStateByName() {
        let text = pane(Fixture.hostile, .timeline).joined(separator: "\n")
        #expect(text.contains("● weird_state (unknown state)"))
        #expect(!text.contains("✓"))
        let canceled = pane(Fixture.state([.order(Fixture.order(.canceled))]), .timeline).joined()
        #expect(canceled.contains("✗ Canceled"))
    }

    @Test func pickupTimelineFollowsThePickupPath() {
        let text = pane(Fixture.pickupReady, .timeline).joined()
        #expect(text.contains("● Ready for pickup"))
        #expect(text.contains("○ Runner awaiting"))
        #expect(!text.contains("Delivering"))
    }

    @Test func itemsShowFourListsWithCountsAndReplacementStates() {
        let text = pane(Fixture.deliveryPicking, .items).joined(separator: "\n")
        for heading in ["Found (6)", "Replaced (2)", "Refunded (1)", "Still shopping (6)"] { #expect(text.contains(heading)) }
        #expect(text.contains("↳ Skyr, plain, 1 each"))
        #expect(text.contains("pending (a/x)"))
        #expect(text.contains("approved"))
        #expect(text.contains("2.5 lb"))
        #expect(text.contains("being_weighed"))
        #expect(text.contains("not found"))
    }

    @Test("last-mile orders have no items pane: the retailer holds the list, so the room goes to the others")
    func lastMileOrdersHaveNoItemsPane() {
        for size in [Size(width: 80, height: 24), Size(width: 120, height: 40)] {
            var state = Fixture.lastMileAtStore
            _ = reduce(&state, .resize(size))
            let layout = DashboardLayout(state: state, size: size)
            #expect(layout.rect(.items) == nil)
            #expect(!layout.focusOrder.contains(.items))
            #expect(state.focus != .items)
            for _ in 0..<6 {
                _ = reduce(&state, .key(.tab))
                #expect(state.focus != .items, "Tab never lands on a pane that is not there")
            }
            #expect(!render(state, size: size).text.contains("Items"))
        }
        #expect(!render(Fixture.lastMileAtStore, size: Size(width: 120, height: 40)).lines()[1].contains("picked"))
    }

    @Test func handlingShowsAddressCoordinatesNotesAndFlags() {
        let text = pane(Fixture.deliveryPicking, .handling, size: Size(width: 200, height: 60)).joined(separator: "\n")
        #expect(text.contains("501 Belt Line Rd"))
        #expect(text.contains("Collinsville, IL 62234, US"))
        #expect(text.contains("38.69246, -89.97857"))
        #expect(text.contains("Notes: Ring the bell twice"))
        #expect(text.contains("Instructions: Dog in the yard"))
        #expect(text.contains("Drop-off: Front porch"))
        #expect(text.contains("leave unattended") && text.contains("alcohol (ID needed)") && text.contains("certified delivery"))
    }

    @Test func shopperPaneExplainsWhyThereIsNoLocation() {
        #expect(pane(Fixture.deliveryPicking, .shopper).joined().contains("appears while the order is delivering"))
        #expect(pane(Fixture.deliveryPicking, .shopper).joined().contains("(now: Picking)"))
        #expect(pane(Fixture.pickupReady, .shopper).joined().contains("Pickup orders have no shopper location"))
        var hidden = Fixture.deliveryDelivering
        _ = reduce(&hidden, .tracker(.connection(.location, .forbidden("redacted"))))
        #expect(pane(hidden, .shopper).joined().contains("hides the shopper's location"))
    }

    @Test func shopperPaneShowsDistanceBearingAndMapWhileDelivering() {
        let lines = pane(Fixture.deliveryDelivering, .shopper)
        let text = lines.joined(separator: "\n")
        #expect(text.contains("Shopper 38.69340, -89.98010"))
        #expect(text.contains("m to the address, heading SE"))
        #expect(text.contains("●") && text.contains("⌂"))
        #expect(text.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
    }

    @Test func chatShowsNamesTimesUnreadAndOutboxStates() {
        let text = pane(Fixture.deliveryPicking, .chat).joined(separator: "\n")
        #expect(text.contains("Sam (shopper)  12:38"))
        #expect(text.contains("● unread"))
        #expect(text.contains("[sending…]"))
        #expect(text.contains("[failed: 403 Sending a message"))
        #expect(text.contains("Press i to write to the shopper"))
    }

    @Test func chatWrapsLongMessagesByCells() {
        let body = String(repeating: "香", count: 40)
        let convo = ChatConversation(chatMessages: [Fixture.message(1, from: true, body)], metadata: Fixture.metadata)
        let state = Fixture.state([.order(Fixture.order(.picking)), .chat(convo)], size: Size(width: 80, height: 24), focus: .chat)
        let lines = pane(state, .chat, size: Size(width: 80, height: 24))
        let bodyLines = lines.filter { $0.contains("香") }
        #expect(bodyLines.count == 2)
        // 78 inner cells less the 2-cell indent leaves 76 cells: 38 wide characters a line.
        #expect(bodyLines.first.map { $0.filter { $0 == "香" }.count } == 38)
    }

    @Test func statusBarShowsHintsForTheFocusedPane() {
        var s = Fixture.deliveryPicking
        #expect(render(s, size: s.size).lines().last!.contains("a approve"))
        _ = reduce(&s, .key(.tab))
        #expect(!render(s, size: s.size).lines().last!.contains("a approve"))
        _ = reduce(&s, .key(.character("i")))
        #expect(render(s, size: s.size).lines().last!.contains("Enter send"))
    }

    @Test func cachedLineCountsGiveTheSameViewAsWrappingEverything() {
        let s = Fixture.huge
        let width = s.chatLineWidth
        #expect(width > 0)
        #expect(s.chatLineCounts.count == s.chatEntries.count)
        for offset in [0, 1, 7, 100, 2_345, 1_000_000] {
            let fast = ChatLog.visible(s.chatEntries, width: width, height: 40, offset: offset, time: s.localTime, counts: s.chatLineCounts)
            let slow = ChatLog.visible(s.chatEntries, width: width, height: 40, offset: offset, time: s.localTime)
            #expect(fast.offset == slow.offset, "offset \(offset)")
            #expect(fast.lines == slow.lines, "offset \(offset)")
        }
    }
}
