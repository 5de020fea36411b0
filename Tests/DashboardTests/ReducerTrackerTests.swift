import ConnectModels
import Foundation
import OrderTracking
import Testing
import TerminalUI
@testable import Dashboard
import OrderFeed

@Suite struct ReducerTrackerTests {
    func unreadConversation(_ ids: [Int]) -> ChatConversation {
        ChatConversation(chatMessages: ids.map { Fixture.message($0, from: true, "m\($0)", read: false, minute: $0) },
                         metadata: Fixture.metadata)
    }

    @Test func markReadIsAskedOncePerNewBatchWhileTheChatShows() {
        var s = DashboardState(now: Fixture.now, timeZone: Fixture.zone, size: Size(width: 120, height: 40))
        _ = reduce(&s, .tracker(.order(Fixture.order(.picking))))
        #expect(reduce(&s, .tracker(.chat(unreadConversation([1, 2])))) == [.markChatRead])
        #expect(reduce(&s, .tracker(.chat(unreadConversation([1, 2])))) == [])
        #expect(reduce(&s, .tick(Fixture.now.addingTimeInterval(1))) == [])
        #expect(reduce(&s, .tracker(.chat(unreadConversation([1, 2, 3])))) == [.markChatRead])
        var read = unreadConversation([1, 2, 3])
        for i in read.chatMessages.indices { read.chatMessages[i].read = true }
        #expect(reduce(&s, .tracker(.chat(read))) == [])
    }

    @Test func ownMessagesNeverAskForMarkRead() {
        var s = DashboardState(now: Fixture.now, timeZone: Fixture.zone, size: Size(width: 120, height: 40))
        let mine = ChatConversation(chatMessages: [Fixture.message(1, from: false, "hi", read: false)], metadata: Fixture.metadata)
        #expect(reduce(&s, .tracker(.chat(mine))) == [])
        // A shopper known only by id in the metadata counts as a shopper.
        let byID = ChatConversation(chatMessages: [ChatMessage(id: 9, senderID: "s1", senderType: .none, read: false, body: "x")],
                                    metadata: Fixture.metadata)
        #expect(reduce(&s, .tracker(.chat(byID))) == [.markChatRead])
    }

    @Test func markReadWaitsUntilTheChatIsOnScreen() {
        var s = DashboardState(now: Fixture.now, timeZone: Fixture.zone, size: Size(width: 40, height: 10))
        #expect(reduce(&s, .tracker(.chat(unreadConversation([1])))) == [])
        #expect(!DashboardLayout(state: s, size: s.size).chatIsVisible, "below the minimum size nothing is on screen")
        #expect(reduce(&s, .tick(Fixture.now.addingTimeInterval(1))) == [])
        #expect(reduce(&s, .resize(Size(width: 80, height: 24))) == [.markChatRead])
        #expect(DashboardLayout(state: s, size: s.size).chatIsVisible)
        #expect(reduce(&s, .resize(Size(width: 120, height: 40))) == [], "asked once per batch")
    }

    @Test func sentMessagesAlreadyInTheConversationShowOnce() {
        var s = Fixture.deliveryPicking
        let sent = OutboxMessage(body: "Thanks Sam!", state: .sent(remoteID: "2"), createdAt: Fixture.now)
        let fresh = OutboxMessage(body: "on its way", state: .sent(remoteID: "99"), createdAt: Fixture.now)
        _ = reduce(&s, .tracker(.outbox([sent, fresh])))
        #expect(s.chatEntries.filter { $0.body == "Thanks Sam!" }.count == 1)
        #expect(s.chatEntries.last?.body == "on its way")
        #expect(s.chatEntries.last?.delivery == "sent")
    }

    @Test func everyStringIsSanitizedOnTheWayIn() {
        let s = Fixture.hostile
        let rendered = render(s, size: Size(width: 200, height: 60))
        for cell in rendered.cells {
            #expect(!cell.text.unicodeScalars.contains { $0.value == 0x1B || $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) })
        }
        #expect(s.handling?.address?.administrativeArea == "13")
        #expect(s.status?.text == "red notice")
        if case .badReply(let message)? = s.connection[.items] { #expect(message == "garbage") } else { Issue.record("no bad reply") }
        #expect(s.workflowState == .unknown("weird_state"))
    }

    @Test func locationBuildsACappedTrailAndSkipsRepeatsAndInvalidPoints() {
        var s = Fixture.deliveryDelivering
        #expect(s.trail.count == 12)
        _ = reduce(&s, .tracker(.location(s.trail.last)))
        #expect(s.trail.count == 12)
        _ = reduce(&s, .tracker(.location(Coordinates(latitude: .nan, longitude: 0))))
        #expect(s.shopperLocation == nil)
        #expect(s.trail.count == 12)
        for i in 0..<(DashboardState.trailCapacity + 10) {
            _ = reduce(&s, .tracker(.location(Coordinates(latitude: 38, longitude: -90 + Double(i) * 0.0001))))
        }
        #expect(s.trail.count == DashboardState.trailCapacity)
        #expect(s.trail.last == s.shopperLocation)
    }

    @Test func statusMessagesExpireOnTicks() {
        var s = Fixture.deliveryPicking
        _ = reduce(&s, .tracker(.notice(.success("Replacement approved"))))
        #expect(render(s, size: s.size).lines().last!.contains("Replacement approved"))
        _ = reduce(&s, .tick(s.now.addingTimeInterval(DashboardState.statusDuration + 1)))
        #expect(s.status == nil)
        #expect(!render(s, size: s.size).lines().last!.contains("Replacement approved"))
    }

    @Test func headerCountsTheRetryDownAndTheAgeUp() {
        var s = Fixture.deliveryPicking
        _ = reduce(&s, .tracker(.connection(.items, .retrying(after: .seconds(10), reason: "HTTP 503"))))
        _ = reduce(&s, .tick(s.now.addingTimeInterval(4)))
        let header = render(s, size: s.size).lines().prefix(2).joined()
        #expect(header.contains("retrying in 6 s (HTTP 503)"))
        #expect(header.contains("updated 7 s ago")) // the fixture ticked 3 s past its last data
        _ = reduce(&s, .tracker(.connection(.order, .tokenRejected)))
        #expect(render(s, size: s.size).lines()[0].contains("token rejected"))
    }

    @Test func itemsGoToTheirLists() {
        let s = Fixture.deliveryPicking
        #expect(s.itemList.counts == [.found: 6, .replaced: 2, .refunded: 1, .stillShopping: 6])
        #expect(s.itemList.picked == 9)
        #expect(render(s, size: s.size).lines()[1].contains("9/15 picked"))
        #expect(ItemGroup.of(Fixture.item("r", "x", .rejected)) == .refunded)
        #expect(ItemGroup.of(Fixture.item("a", "x", .approved)) == .found)
        #expect(ItemGroup.of(Fixture.item("a", "x", .approved, replacement: "y")) == .replaced)
        #expect(ItemGroup.of(Fixture.item("u", "x", .unknown("weighing"))) == .stillShopping)
    }
}
