import Clocks
import ConnectModels
import OrderTracking
import TestSupport
import Testing

/// The tracker's timing on a TestClock against a fake source: which endpoint is asked for when, backoff,
/// pauses and the end. No network and no real sleeps: the test clock moves, and the tracker's tasks are
/// given turns (`settle`) until what they do is done.
@Suite("OrderTracker scheduling")
struct TrackerSchedulingTests {
    let source: FakeOrderSource
    let clock: ParkingClock
    let tracker: OrderTracker
    let log = EventLog()

    init(state: WorkflowState = .brandNew, type: FulfillmentType = .delivery, token: String? = nil) {
        source = FakeOrderSource(state: state, type: type, token: token)
        let clock = ParkingClock()
        self.clock = clock
        tracker = OrderTracker(client: source, orderID: "fake-order",
                               configuration: TrackerConfiguration(normalInterval: .seconds(5), slowInterval: .seconds(30),
                                                                   backoff: Backoff(initial: .seconds(1), ceiling: .seconds(8), jitter: 0),
                                                                   seed: 1),
                               clock: clock)
    }

    init() { self.init(state: .brandNew) }

    init(source: FakeOrderSource, clock: ParkingClock, tracker: OrderTracker) {
        self.source = source
        self.clock = clock
        self.tracker = tracker
    }

    var backend: FakeOrderSource.Backend { source.backend }

    func begin() async throws {
        let tracker = tracker, log = log
        Task { for await event in tracker.events { await log.append(event) } }
        await tracker.start()
        // Every task asleep once the order is in: the first round of fetches is done.
        try await settle("the first fetches") { await log.lastOrderState != nil }
    }

    /// Gives the tracker's tasks turns until `condition` holds and every task of `tracker` is asleep until
    /// a later time, so that moving the clock on cannot race a task that has not gone to sleep yet.
    func settle(_ what: String, tracker: OrderTracker? = nil, _ condition: () async -> Bool = { true }) async throws {
        let tracker = tracker ?? self.tracker
        for _ in 0..<200_000 {
            let tasks = await tracker.activeTaskCount
            if clock.parkedSleepers == tasks, await condition() { return }
            await Task.yield()
        }
        Issue.record("never happened: \(what); parked \(clock.parkedSleepers), running \(await tracker.runningEndpoints), events \(await log.events.count)")
        throw CancellationError()
    }

    /// Moves the clock in one-second steps, letting the tracker act at each.
    func advance(seconds: Int, tracker: OrderTracker? = nil) async throws {
        for _ in 0..<seconds {
            await clock.advance(by: .seconds(1))
            try await settle("a clock step", tracker: tracker)
        }
    }

    @Test("brand_new: the order every 30 s, the handling and items once, nothing else")
    func waitingForShopper() async throws {
        try await begin()
        try await advance(seconds: 29)
        #expect(backend.count(.order) == 1)
        try await advance(seconds: 1)
        #expect(backend.count(.order) == 2)
        try await advance(seconds: 60)
        #expect(backend.counts == [.order: 4, .handling: 1, .items: 1], "the items are fetched once at the start")
        await tracker.stop()
    }

    @Test("picking: the order, items and chat every 5 s; delivering adds the location; delivered stops it all")
    func phases() async throws {
        try await begin()
        backend.setState(.picking)
        try await advance(seconds: 30)
        try await settle("picking") { await log.lastOrderState == .picking }
        let atPicking = backend.counts
        try await advance(seconds: 10)
        #expect(backend.count(.order) == atPicking[.order, default: 0] + 2)
        #expect(backend.count(.items) == atPicking[.items, default: 0] + 2)
        #expect(backend.count(.chat) == atPicking[.chat, default: 0] + 2)
        #expect(backend.count(.location) == 0)

        backend.setState(.delivering)
        try await advance(seconds: 5)
        try await settle("delivering") { await log.lastOrderState == .delivering }
        let items = backend.count(.items), chat = backend.count(.chat)
        try await advance(seconds: 10)
        #expect(backend.count(.location) >= 2)
        #expect(backend.count(.items) == items && backend.count(.chat) == chat, "items and chat are read once on entering, not polled")

        backend.setState(.delivered)
        try await advance(seconds: 5)
        try await settle("finished") { await log.finished == .delivered }
        #expect(await tracker.runningEndpoints.isEmpty)
        let after = backend.counts
        try await advance(seconds: 120)
        #expect(backend.counts == after, "nothing is asked for after the order ends")
        await tracker.stop()
    }

    @Test("a 503 backs off 1 s, 2 s, 4 s; a Retry-After is honoured; success resets the backoff")
    func backoff() async throws {
        backend.fail(.handling, with: [FailurePolicyTests.http(503), FailurePolicyTests.http(503), FailurePolicyTests.http(503),
                                       FailurePolicyTests.http(503, retryAfter: .seconds(6))])
        try await begin()
        #expect(await log.statuses(.handling).last == .retrying(after: .seconds(1), reason: "HTTP 503"))
        for (wait, total) in [(1, 2), (2, 3), (4, 4), (6, 5)] {
            try await advance(seconds: wait - 1)
            #expect(backend.count(.handling) == total - 1, "not before \(wait) s")
            try await advance(seconds: 1)
            #expect(backend.count(.handling) == total, "after \(wait) s")
        }
        #expect(await log.statuses(.handling).last == .live)
        try await advance(seconds: 60)
        #expect(backend.count(.handling) == 5, "fetched once, then never again")
    }

    @Test("a 401 pauses the endpoint, however long the clock runs, until a new token comes")
    func tokenRejected() async throws {
        let test = TrackerSchedulingTests(state: .brandNew, token: "good")
        let tracker = OrderTracker(client: test.source.with(token: BearerToken("stale")), orderID: "fake-order",
                                   configuration: TrackerConfiguration(normalInterval: .seconds(5), slowInterval: .seconds(30), seed: 1),
                                   clock: test.clock)
        let log = test.log
        Task { for await event in tracker.events { await log.append(event) } }
        await tracker.start()
        try await test.settle("rejected", tracker: tracker) { await log.statuses(.order).contains(.tokenRejected) && test.backend.count(.handling) == 1 }
        try await test.advance(seconds: 300, tracker: tracker)
        #expect(test.backend.counts == [.order: 1, .handling: 1])
        await tracker.updateToken(BearerToken("good"))
        try await test.settle("the order with the new token", tracker: tracker) {
            let state = await log.lastOrderState, order = await log.statuses(.order)
            return state == .brandNew && order.last == .live
        }
        #expect(test.backend.count(.handling) == 2)
        await tracker.stop()
    }

    @Test("a 403 on the location stops location polling and says forbidden")
    func locationForbidden() async throws {
        let test = TrackerSchedulingTests(state: .delivering)
        test.backend.fail(.location, with: [FailurePolicyTests.http(403, message: "hidden by the retailer")])
        try await test.begin()
        try await test.settle("forbidden") { await test.log.statuses(.location).last == .forbidden("hidden by the retailer") }
        try await test.advance(seconds: 60)
        #expect(test.backend.count(.location) == 1)
        #expect(test.backend.count(.order) >= 12, "the order is still polled")
        await test.tracker.stop()
    }

    @Test("a message written before picking waits, goes out once picking starts, and exactly once")
    func queuedUntilPicking() async throws {
        try await begin()
        try await tracker.send("Please ring the bell")
        try await advance(seconds: 30)
        #expect(backend.sentMessages.isEmpty, "the chat is not open yet")
        backend.setState(.picking)
        try await advance(seconds: 35) // the next slow poll of the order sees picking
        try await settle("sent") { backend.sentMessages.count == 1 }
        try await advance(seconds: 30)
        #expect(backend.sentMessages == ["Please ring the bell"])
        #expect(await tracker.outboxMessages.map(\.state) == [.sent(remoteID: "sent-1")])
        await tracker.stop()
    }

    @Test("a send that failed without an answer is checked against the conversation before it is sent again")
    func resendChecksFirst() async throws {
        let test = TrackerSchedulingTests(state: .picking)
        try await test.begin()
        test.backend.fail(.send, with: [ConnectError.transport(endpoint: "POST", baseURL: "b", reason: "no reply in time", mayHaveBeenSent: true)])
        let chatBefore = test.backend.count(.chat)
        try await test.tracker.send("Yes, the green ones")
        try await test.settle("the failed attempt") { test.backend.count(.send) == 1 }
        try await test.advance(seconds: 2)
        try await test.settle("sent") { test.backend.sentMessages.count == 1 }
        #expect(test.backend.count(.send) == 2)
        #expect(test.backend.count(.chat) > chatBefore, "the conversation was read before the resend")
        await test.tracker.stop()
    }

    @Test("stop() leaves no task running and ends the events")
    func stop() async throws {
        let test = TrackerSchedulingTests(state: .picking)
        try await test.begin()
        #expect(await !test.tracker.runningEndpoints.isEmpty)
        await test.tracker.stop()
        #expect(await test.tracker.runningEndpoints.isEmpty)
        let after = test.backend.counts
        try await test.advance(seconds: 60)
        #expect(test.backend.counts == after)
    }
}

/// Hardening: a missing order ends the watch; a queued message goes out as soon as the server answers again.
@Suite("OrderTracker scheduling: missing orders and recovery")
struct TrackerRecoveryTests {
    @Test("a 404 on the order stops every endpoint: nothing is asked for again, however long the clock runs")
    func missingOrder() async throws {
        let test = TrackerSchedulingTests(state: .picking)
        test.backend.fail(.order, with: [FailurePolicyTests.http(404)])
        test.backend.fail(.handling, with: [FailurePolicyTests.http(404)])
        let tracker = test.tracker, log = test.log
        Task { for await event in tracker.events { await log.append(event) } }
        await tracker.start()
        try await test.settle("not found") { await log.statuses(.order).last == .notFound }
        #expect(await tracker.runningEndpoints.isEmpty)
        let after = test.backend.counts
        try await test.advance(seconds: 600)
        #expect(test.backend.counts == after, "a missing order is not asked for again")
        #expect(test.backend.count(.handling) == 1 && test.backend.count(.order) == 1, "a 404 is not retried as if it were transient")
        #expect(await !log.statuses(.handling).contains { if case .retrying = $0 { true } else { false } })
        await tracker.stop()
    }

    @Test("a 404 on the items alone stops the items, not the order")
    func missingItems() async throws {
        let test = TrackerSchedulingTests(state: .picking)
        test.backend.fail(.items, with: [FailurePolicyTests.http(404)])
        try await test.begin()
        try await test.settle("items not found") { await test.log.statuses(.items).last == .notFound }
        let items = test.backend.count(.items), order = test.backend.count(.order)
        try await test.advance(seconds: 30)
        #expect(test.backend.count(.items) == items)
        #expect(test.backend.count(.order) >= order + 5)
        await test.tracker.stop()
    }

    @Test("a message waiting out its backoff goes as soon as any request succeeds again")
    func wakeOnRecovery() async throws {
        let source = FakeOrderSource(state: .picking)
        let clock = ParkingClock()
        let tracker = OrderTracker(client: source, orderID: "fake-order",
                                   configuration: TrackerConfiguration(normalInterval: .seconds(5), slowInterval: .seconds(30),
                                                                       sendBackoff: Backoff(initial: .seconds(60), ceiling: .seconds(60), jitter: 0),
                                                                       seed: 1),
                                   clock: clock)
        let test = TrackerSchedulingTests(source: source, clock: clock, tracker: tracker)
        try await test.begin()
        source.backend.fail(.send, with: [FailurePolicyTests.http(503)])
        try await tracker.send("Yes, the green ones")
        try await test.settle("the failed send") { source.backend.count(.send) == 1 }
        let waiting = try #require(await tracker.outboxMessages.first)
        #expect(waiting.state == .queued)
        #expect(waiting.lastError == "HTTP 503")
        #expect(waiting.nextAttemptAt != nil)
        // The next poll (within 5 s) succeeds: the message goes then, not after its 60 s backoff.
        try await test.advance(seconds: 5)
        try await test.settle("sent") { source.backend.sentMessages.count == 1 }
        #expect(await tracker.outboxMessages.first?.state == .sent(remoteID: "sent-1"))
        await tracker.stop()
    }

    @Test("an error that is not a ConnectError leaves the message queued with a retry, never stuck")
    func foreignSendError() async throws {
        struct Odd: Error {}
        let test = TrackerSchedulingTests(state: .picking)
        try await test.begin()
        test.backend.fail(.send, with: [Odd(), Odd()])
        try await test.tracker.send("Thanks!")
        try await test.advance(seconds: 10)
        try await test.settle("sent") { test.backend.sentMessages == ["Thanks!"] }
        await test.tracker.stop()
    }
}
