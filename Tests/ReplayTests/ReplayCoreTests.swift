import ConnectClient
import ConnectModels
import Foundation
import Recording
import Replay
import Clocks
import Testing

/// A recording built by hand: entries of an order endpoint at given seconds from a fixed start.
enum Recorded {
    static let start = Date(timeIntervalSince1970: 1_790_000_000)
    static let base = "http://127.0.0.1:7878"

    static func entry(_ path: String, at second: Double, took milliseconds: Double = 10, method: String = "GET", status: Int = 200,
                      body: String = "{}", endpoint: String? = nil, orderID: String? = nil, error: String? = nil) -> HAREntry {
        HAREntry(startedDateTime: start.addingTimeInterval(second), time: milliseconds,
                 request: HARRequest(method: method, url: base + path),
                 response: HARResponse(status: status, content: HARContent(size: body.utf8.count, mimeType: "application/json", text: body)),
                 timings: HARTimings(wait: milliseconds), endpoint: endpoint, orderID: orderID, error: error)
    }

    static func order(_ id: String, _ state: String) -> String {
        #"{"id":"\#(id)","workflow_state":"\#(state)","fulfillment_type":"delivery"}"#
    }

    static func document(_ entries: [HAREntry], command: String = "watch") -> HARDocument {
        HARDocument(log: HARLog(entries: entries, session: RecordingSession(command: command, orders: [], redactedChat: false, startedAt: start)))
    }

    static let orderEndpoint = "GET /v2/post_checkout/orders/{order_id}"
}

@Suite struct ReplayClockTests {
    @Test func sleepersWakeWhenTimeReachesThemAndNotBefore() async throws {
        let clock = ReplayClock()
        let woke = Task { try await clock.sleep(until: .init(offset: .seconds(5)), tolerance: nil); return clock.now.offset }
        while clock.sleeperCount == 0 { await Task.yield() }
        clock.advance(to: .init(offset: .seconds(4)))
        #expect(clock.sleeperCount == 1)
        clock.advance(to: .init(offset: .seconds(6)))
        #expect(try await woke.value == .seconds(6))
        #expect(clock.sleeperCount == 0)
    }

    @Test func timeNeverGoesBackAndAPastDeadlineReturnsAtOnce() async throws {
        let clock = ReplayClock()
        clock.advance(to: .init(offset: .seconds(3)))
        clock.advance(to: .init(offset: .seconds(1)))
        #expect(clock.now.offset == .seconds(3))
        try await clock.sleep(until: .init(offset: .seconds(2)), tolerance: nil)
    }

    @Test func aCancelledSleeperLeavesAtOnce() async {
        let clock = ReplayClock()
        let sleeper = Task { try await clock.sleep(until: .init(offset: .seconds(60)), tolerance: nil) }
        while clock.sleeperCount == 0 { await Task.yield() }
        sleeper.cancel()
        let result = await sleeper.result
        #expect(throws: CancellationError.self) { try result.get() }
        #expect(clock.sleeperCount == 0)
    }
}

@Suite struct ReplayTimelineTests {
    @Test func entriesFromElsewhereAreMatchedByMethodAndPath() {
        let document = Recorded.document([
            Recorded.entry("/v2/oauth/token", at: 0, method: "POST"),
            Recorded.entry("/v2/post_checkout/orders/o-1", at: 1, body: Recorded.order("o-1", "picking")),
            Recorded.entry("/v2/post_checkout/orders/o-1/items", at: 1.5),
            Recorded.entry("/v2/post_checkout/chat/o%2F2/messages", at: 2),
            Recorded.entry("/elsewhere", at: 3),
        ])
        let timeline = ReplayTimeline(document)
        #expect(timeline.exchanges.map(\.key.endpoint) == [Recorded.orderEndpoint, "GET /v2/post_checkout/orders/{order_id}/items",
                                                           "GET /v2/post_checkout/chat/{order_id}/messages"])
        #expect(timeline.orders.map(\.orderID) == ["o-1", "o/2"])
        #expect(timeline.isBoard)
        #expect(timeline.exchanges.first?.at == .milliseconds(1010))
    }

    @Test func aRequestOrdertopCancelledItselfIsNoReplyToPlay() {
        let timeline = ReplayTimeline(Recorded.document([
            Recorded.entry("/v2/post_checkout/chat/o-1/messages", at: 1, status: 0, body: "", error: RecordingTransport.cancelled),
            Recorded.entry("/v2/post_checkout/chat/o-1/messages", at: 1.1),
            Recorded.entry("/v2/post_checkout/chat/o-1/messages", at: 2, status: 0, body: "", error: "connection refused"),
        ]))
        #expect(timeline.exchanges.map(\.error) == [nil, "connection refused"], "a server's failure stays; ordertop's own cancel goes")
    }

    @Test func changesAreTheRepliesUnlikeTheOneBefore() {
        let timeline = ReplayTimeline(Recorded.document([
            Recorded.entry("/v2/post_checkout/orders/o-1", at: 1, body: Recorded.order("o-1", "picking")),
            Recorded.entry("/v2/post_checkout/orders/o-1", at: 2, body: Recorded.order("o-1", "picking")),
            Recorded.entry("/v2/post_checkout/orders/o-1", at: 3, body: Recorded.order("o-1", "checkout")),
            Recorded.entry("/v2/post_checkout/orders/o-1", at: 4, status: 503, body: ""),
        ]))
        #expect(timeline.changes == [.milliseconds(1010), .milliseconds(3010), .milliseconds(4010)])
        #expect(timeline.nextChange(after: .milliseconds(1010)) == .milliseconds(3010))
        #expect(timeline.nextChange(after: .seconds(5)) == nil)
        #expect(timeline.end == .milliseconds(4010))
        #expect(!timeline.isBoard)
    }
}

@Suite struct ReplayTransportTests {
    static func client(_ document: HARDocument) -> (ConnectClient, ReplayClock, ReplayFeed) {
        let timeline = ReplayTimeline(document)
        let clock = ReplayClock()
        let feed = ReplayFeed(timeline)
        return (ConnectClient(baseURL: "replay:", transport: ReplayTransport(feed: feed, clock: clock)), clock, feed)
    }

    @Test func aReplyComesWhenTheClockReachesItsRecordedMoment() async throws {
        let (client, clock, feed) = Self.client(Recorded.document([
            Recorded.entry("/v2/post_checkout/orders/o-1", at: 2, body: Recorded.order("o-1", "picking")),
        ]))
        let call = Task { try await client.order("o-1") }
        while await feed.inFlight == 0 { await Task.yield() }
        clock.advance(to: .init(offset: .seconds(2)))
        for _ in 0..<200 { await Task.yield() } // room for a wrong early reply to land
        #expect(await feed.played == 1)
        #expect(await feed.inFlight == 1, "not delivered before its moment")
        clock.advance(to: .init(offset: .milliseconds(2010)))
        #expect(try await call.value.workflowState == .picking)
    }

    @Test func recordedFailuresComeBackAsTheSameErrors() async throws {
        let (client, clock, _) = Self.client(Recorded.document([
            Recorded.entry("/v2/post_checkout/orders/o-1", at: 0, status: 0, body: "", error: "connection refused"),
            Recorded.entry("/v2/post_checkout/orders/o-1", at: 1, status: 404, body: #"{"errors":{"error":"Order not found"}}"#),
        ]))
        clock.advance(to: .init(offset: .seconds(5)))
        await #expect { try await client.order("o-1") } throws: { error in
            if case .transport(_, _, let reason, _) = error as? ConnectError { reason == "connection refused" } else { false }
        }
        await #expect { try await client.order("o-1") } throws: { ($0 as? ConnectError)?.status == 404 }
    }

    @Test func repeatsAlreadyOvertakenArePassedOverButChangesNever() async throws {
        let (client, clock, feed) = Self.client(Recorded.document([
            Recorded.entry("/v2/post_checkout/orders/o-1", at: 1, body: Recorded.order("o-1", "picking")),
            Recorded.entry("/v2/post_checkout/orders/o-1", at: 2, body: Recorded.order("o-1", "picking")),
            Recorded.entry("/v2/post_checkout/orders/o-1", at: 3, body: Recorded.order("o-1", "picking")),
            Recorded.entry("/v2/post_checkout/orders/o-1", at: 4, body: Recorded.order("o-1", "checkout")),
            Recorded.entry("/v2/post_checkout/orders/o-1", at: 5, body: Recorded.order("o-1", "delivering")),
        ]))
        clock.advance(to: .init(offset: .seconds(1)))
        clock.advance(to: .init(offset: .seconds(2)))
        #expect(try await client.order("o-1").workflowState == .picking)
        // A jump to 10 s: the two repeats are passed over, the two changes each still come.
        clock.advance(to: .init(offset: .seconds(10)))
        #expect(try await client.order("o-1").workflowState == .checkout)
        #expect(try await client.order("o-1").workflowState == .delivering)
        #expect(await feed.played == 5)
    }

    @Test func writesAreNeverSentAndMarkingReadStaysLocal() async throws {
        let (client, _, feed) = Self.client(Recorded.document([Recorded.entry("/v2/post_checkout/orders/o-1", at: 0)]))
        await #expect(throws: ConnectError.self) { try await client.sendChatMessage(orderID: "o-1", body: "hello", imageURL: nil) }
        #expect(try await client.markChatRead(orderID: "o-1").messagesReadCount == 0)
        #expect(await feed.exhausted.contains(.init(endpoint: "POST /v2/post_checkout/chat/{order_id}/messages", orderID: "o-1")))
    }

    @Test func aCallCancelledBeforeItsRequestWasMadeGivesTheReplyBack() async throws {
        let (client, clock, feed) = Self.client(Recorded.document([
            Recorded.entry("/v2/post_checkout/orders/o-1", at: 5, body: Recorded.order("o-1", "picking")),
        ]))
        let early = Task { try await client.order("o-1") }
        while await feed.inFlight == 0 { await Task.yield() }
        early.cancel()
        _ = await early.result
        #expect(await feed.played == 0, "the reply was recorded for a request made at 5 s, not for this one")
        clock.advance(to: .init(offset: .seconds(6)))
        #expect(try await client.order("o-1").workflowState == .picking)
    }
}

@Suite struct ReplayPlayerTests {
    static let timeline = ReplayTimeline(Recorded.document([
        Recorded.entry("/v2/post_checkout/orders/o-1", at: 1, body: Recorded.order("o-1", "picking")),
        Recorded.entry("/v2/post_checkout/orders/o-1", at: 2, body: Recorded.order("o-1", "picking")),
        Recorded.entry("/v2/post_checkout/orders/o-1", at: 30, body: Recorded.order("o-1", "delivered")),
    ]))

    @Test func recordedTimePassesAtTheSpeedAndStandsStillWhilePaused() async {
        let player = ReplayPlayer(timeline: Self.timeline, speed: 4)
        await player.advance(byReal: .seconds(1))
        #expect(player.position == .seconds(4))
        #expect(await player.togglePause())
        await player.advance(byReal: .seconds(1))
        #expect(player.position == .seconds(4))
        #expect(await player.togglePause() == false)
        await player.advance(byReal: .milliseconds(500))
        #expect(player.position == .seconds(6))
        #expect(player.date() == Self.timeline.start.addingTimeInterval(6))
        await player.advance(byReal: .seconds(60))
        #expect(player.position == Self.timeline.end && player.reachedEnd, "never past the recording's end")
    }

    @Test func playingMovesTheClockOnTheRealClock() async {
        let real = TestClock()
        let player = ReplayPlayer(timeline: Self.timeline, speed: 2, realClock: real)
        let playing = Task { await player.play() }
        // Bounded: the player takes each real step on its own task.
        let deadline = ContinuousClock.now + .seconds(20)
        while player.position < .seconds(1), ContinuousClock.now < deadline {
            await real.advance(by: .milliseconds(50))
            await Task.yield()
        }
        #expect(player.position >= .seconds(1))
        playing.cancel()
    }

    @Test func nJumpsToTheNextChangeAndPlayingStopsAtTheEnd() async {
        let real = TestClock()
        let player = ReplayPlayer(timeline: Self.timeline, speed: 1, realClock: real)
        await player.nextChange()
        #expect(player.position == .milliseconds(1010))
        await player.nextChange() // the reply at 2 s repeats the one before: not a change
        #expect(player.position == .milliseconds(30010))
        #expect(player.reachedEnd)
        await player.play() // returns at once at the end
    }
}
