import Clocks
import ConnectModels
import ConnectSandbox
import Testing

/// A scripted shopper on a test clock against a real sandbox on a free loopback port.
/// It follows the shopper's events and advances the clock exactly when the shopper says it sleeps, so nothing sleeps for real.
struct ScenarioRun {
    let server: SandboxServer
    let order: ScenarioOrder
    let shopper: ScriptedShopper
    let clock: TestClock<Duration>
    var iterator: AsyncStream<ScriptedShopperEvent>.Iterator
    var log: [ScriptedShopperEvent] = []

    static func start(_ kind: DemoScenarioKind, seed: UInt64 = 11) async throws -> ScenarioRun {
        let server = try await SandboxServer.start(SandboxConfiguration(host: "127.0.0.1", port: 0, seed: seed))
        let order = try await ScenarioSetup.createOrder(baseURL: server.baseURL, clientID: server.configuration.clientID,
                                                        clientSecret: server.configuration.clientSecret, kind: kind, seed: seed)
        let clock = TestClock<Duration>()
        let shopper = order.makeShopper(seed: seed, clock: clock, speed: 1)
        await shopper.start()
        return ScenarioRun(server: server, order: order, shopper: shopper, clock: clock, iterator: shopper.events.makeAsyncIterator())
    }

    /// The next event; when `advancing`, a `.waiting` moves the clock past the shopper's wake-up.
    mutating func next(advancing: Bool = true) async -> ScriptedShopperEvent? {
        guard let event = await iterator.next() else { return nil }
        log.append(event)
        if advancing, case .waiting(let duration) = event {
            // A hair past the deadline: a test clock parks sleeps whose deadline is exactly now.
            await clock.advance(by: duration + .milliseconds(1))
        }
        return event
    }

    /// Runs the clock until an event matches; nil if the stream ends first.
    @discardableResult
    mutating func run(until match: (ScriptedShopperEvent) -> Bool) async -> ScriptedShopperEvent? {
        while let event = await next() {
            if match(event) { return event }
        }
        return nil
    }

    /// Runs to the end and returns every event seen.
    mutating func finish() async -> [ScriptedShopperEvent] {
        await run { $0 == .finished || $0 == .stopped }
        return log
    }

    func stop() async {
        await shopper.stop()
        await server.stop()
    }

    /// The order as its customer sees it, through the post-checkout API.
    func state() async throws -> WorkflowState {
        try await order.userClient.order(order.orderID).workflowState
    }
}

func isDone(_ event: ScriptedShopperEvent, _ action: (DemoAction) -> Bool) -> Bool {
    if case .stepDone(_, let step) = event { return action(step.action) }
    return false
}

func doneSteps(_ log: [ScriptedShopperEvent]) -> [DemoStep] {
    log.compactMap { if case .stepDone(_, let step) = $0 { step } else { nil } }
}

func failures(_ log: [ScriptedShopperEvent]) -> [String] {
    log.compactMap { if case .failed = $0 { $0.description } else { nil } }
}

@Suite("ScriptedShopper against the sandbox, on a test clock", .timeLimit(.minutes(1)))
struct ScenarioShopperTests {
    @Test("delivery: every step runs in order and the order ends delivered")
    func delivery() async throws {
        var run = try await ScenarioRun.start(.delivery)
        var statesAtMoves: [WorkflowState] = []
        var statesAtItems: [WorkflowState] = []
        while let event = await run.next() {
            if isDone(event, { if case .move = $0 { true } else { false } }) { statesAtMoves.append(try await run.state()) }
            if isDone(event, { if case .updateItem = $0 { true } else { false } }) { statesAtItems.append(try await run.state()) }
            if event == .finished { break }
        }
        let log = run.log
        #expect(failures(log) == [])
        #expect(doneSteps(log) == run.order.scenario(seed: 11).steps)
        #expect(try await run.state() == .delivered)
        // Locations move only while delivering, items change only while picking.
        #expect(statesAtMoves.count >= 20 && statesAtMoves.allSatisfy { $0 == .delivering })
        #expect(!statesAtItems.isEmpty && statesAtItems.allSatisfy { $0 == .picking })

        let done = doneSteps(log).map(\.action)
        let greeting = try #require(done.firstIndex { if case .say(let text) = $0 { text.contains(run.order.customerName) } else { false } })
        let firstItem = try #require(done.firstIndex { if case .updateItem = $0 { true } else { false } })
        #expect(greeting < firstItem)
        let replaced = done.indices.filter { if case .updateItem(_, let update) = done[$0] { update.status == .replaced } else { false } }
        #expect(replaced.count == 2)
        for index in replaced {
            guard case .updateItem(_, let update) = done[index], case .say(let question) = done[index + 1] else {
                Issue.record("no question right after the replacement at \(index)"); continue
            }
            #expect(question.contains(update.replacementItem?.name ?? "?"))
        }

        // What the customer sees: the lines as planned, a few still open, and the conversation.
        let plan = run.order.scenario(seed: 11).linePlan
        let lines = await run.server.store.lineItems(orderID: run.order.orderID)
        for (lineNum, item) in lines {
            switch plan[lineNum] {
            case .found: #expect(item.status == .found, "line \(lineNum)")
            case .replaced: #expect(item.status == .replaced && item.replacementStatus == .pending, "line \(lineNum)")
            case .refunded: #expect(item.status == .toRefund, "line \(lineNum)")
            case .leftOpen, nil: #expect(item.status == .notPicked, "line \(lineNum)")
            }
        }
        #expect(lines.filter { $0.item.status == .notPicked }.count >= 2)
        let chat = try await run.order.userClient.chatMessages(orderID: run.order.orderID)
        let says = done.compactMap { if case .say(let text) = $0 { text } else { nil } }
        #expect(chat.chatMessages.map(\.body) == says)
        #expect(chat.metadata?.currentShopper?.displayName == run.order.scenario(seed: 11).shopperName)
        await run.stop()
    }

    @Test("pickup: ready for pickup, the customer arrives, the runner batch completes")
    func pickup() async throws {
        var run = try await ScenarioRun.start(.pickup)
        var stateAfterArrival: WorkflowState?
        var stateAfterRunner: WorkflowState?
        while let event = await run.next() {
            if isDone(event, { $0 == .userArrived }) { stateAfterArrival = try await run.state() }
            if isDone(event, { $0 == .createBatch(.runner, .runnerCustomer) }) { stateAfterRunner = try await run.state() }
            if event == .finished { break }
        }
        #expect(failures(run.log) == [])
        #expect(stateAfterArrival == .userAtStore)
        #expect(stateAfterRunner == .runnerAwaiting)
        #expect(try await run.state() == .delivered)
        #expect(doneSteps(run.log).map(\.action).last == .advance(.runner, to: "completed"))
        await run.stop()
    }

    @Test("last mile: no items, the route while delivering, then delivered")
    func lastMile() async throws {
        var run = try await ScenarioRun.start(.lastMile)
        var statesAtMoves: [WorkflowState] = []
        while let event = await run.next() {
            if isDone(event, { if case .move = $0 { true } else { false } }) { statesAtMoves.append(try await run.state()) }
            if event == .finished { break }
        }
        #expect(failures(run.log) == [])
        #expect(!doneSteps(run.log).contains { if case .updateItem = $0.action { true } else { false } })
        #expect(statesAtMoves.count >= 20 && statesAtMoves.allSatisfy { $0 == .delivering })
        #expect(try await run.state() == .delivered)
        await run.stop()
    }

    @Test("pause holds the timeline while the clock runs on; resume picks up the remaining wait")
    func pauseAndResume() async throws {
        var run = try await ScenarioRun.start(.delivery)
        await run.run { isDone($0) { if case .updateItem = $0 { true } else { false } } }
        let doneBefore = doneSteps(run.log).count
        await run.shopper.pause()
        // Read up to the pause without moving the clock: the step in flight, if any, may still finish.
        while let event = await run.next(advancing: false), event != .paused {}
        await run.clock.advance(by: .seconds(600))
        for _ in 0..<200 { await Task.yield() }
        await run.shopper.resume()
        var betweenPauseAndResume: [ScriptedShopperEvent] = []
        while let event = await run.next(advancing: false), event != .resumed { betweenPauseAndResume.append(event) }
        #expect(!betweenPauseAndResume.contains { if case .stepStarted = $0 { true } else { false } })
        #expect(doneSteps(run.log).count <= doneBefore + 1)
        // After resuming, the next step is still some way off: the 600 s paused did not count.
        let wait = await run.run { if case .waiting = $0 { true } else { false } }
        if case .waiting(let duration) = wait { #expect(duration < .seconds(10)) }
        #expect(await run.shopper.isPaused == false)
        let events = await run.finish()
        #expect(events.last == .finished)
        #expect(try await run.state() == .delivered)
        await run.stop()
    }

    @Test("skip runs the next step now, without the clock moving; while paused it runs one step and stays paused")
    func skip() async throws {
        var run = try await ScenarioRun.start(.delivery)
        // Let the shopper and batch be created, then stop at the next wait without advancing the clock.
        await run.run { isDone($0) { if case .createBatch = $0 { true } else { false } } }
        while let event = await run.next(advancing: false) { if case .waiting = event { break } }
        let now = run.clock.now
        await run.shopper.skipToNextStep()
        let skipped = await run.run { if case .skipped = $0 { true } else { false } }
        guard case .skipped(let index, let step) = skipped else { Issue.record("no skip"); await run.stop(); return }
        #expect(step.action == .advance(.main, to: "picking"))
        #expect(run.clock.now == now)
        #expect(await run.run { if case .stepDone(index, _) = $0 { true } else { false } } != nil)
        #expect(try await run.state() == .picking)

        await run.shopper.pause()
        while let event = await run.next(advancing: false), event != .paused {}
        let doneBefore = doneSteps(run.log).count
        await run.shopper.skipToNextStep()
        await run.run { if case .skipped = $0 { true } else { false } }
        await run.run { if case .stepDone = $0 { true } else { false } }
        #expect(doneSteps(run.log).count == doneBefore + 1)
        #expect(await run.shopper.isPaused)
        await run.shopper.resume()
        #expect(await run.finish().last == .finished)
        await run.stop()
    }

    @Test("a customer's message gets one short reply in character while picking")
    func reply() async throws {
        var run = try await ScenarioRun.start(.delivery)
        await run.run { isDone($0) { if case .say = $0 { true } else { false } } }
        let sent = try await run.order.userClient.sendChatMessage(orderID: run.order.orderID, body: "Thanks! Could you pick ripe avocados?")
        let replied = await run.run { if case .replied = $0 { true } else { false } }
        guard case .replied(let message, let reply) = replied else { Issue.record("no reply"); await run.stop(); return }
        #expect(message == "Thanks! Could you pick ripe avocados?")
        #expect(!reply.isEmpty && reply.count < 80)
        let chat = try await run.order.userClient.chatMessages(orderID: run.order.orderID).chatMessages
        let asked = try #require(chat.firstIndex { $0.id == sent.id })
        #expect(chat[(asked + 1)...].contains { $0.senderType == .driver && $0.body == reply })
        // Many more polls while the chat stays open: still one reply.
        await run.run { isDone($0) { $0 == .advance(.main, to: "checkout") } }
        #expect(run.log.filter { if case .replied = $0 { true } else { false } }.count == 1)
        await run.stop()
    }

    @Test("while paused mid-picking the shopper still answers the chat, and takes no step")
    func replyWhilePaused() async throws {
        var run = try await ScenarioRun.start(.delivery)
        await run.run { isDone($0) { if case .updateItem = $0 { true } else { false } } }
        await run.shopper.pause()
        while let event = await run.next(advancing: false), event != .paused {}
        let pausedAt = run.log.count
        _ = try await run.order.userClient.sendChatMessage(orderID: run.order.orderID, body: "no, skip it please")
        let replied = await run.run { if case .replied = $0 { true } else { false } }
        guard case .replied(_, let reply) = replied else { Issue.record("no reply while paused"); await run.stop(); return }
        #expect(["No problem, I'll put it back.", "Got it, I'll skip that one.", "Understood, I'll look for something else."].contains(reply))
        // Many polls later, still no step.
        for _ in 0..<30 { await run.run { if case .waiting = $0 { true } else { false } } }
        #expect(!run.log[pausedAt...].contains { if case .stepStarted = $0 { true } else { false } })
        await run.shopper.resume()
        #expect(await run.finish().last == .finished)
        await run.stop()
    }

    @Test("a passing server error is retried once; one that stays is reported and the run goes on")
    func retryOnce() async throws {
        var run = try await ScenarioRun.start(.delivery)
        await run.run { isDone($0) { if case .createBatch = $0 { true } else { false } } }
        // One 503 on the next advance: retried, so no failure shows. Then two 503s on a chat line: reported, and on we go.
        await run.server.injectFault(Fault(pathPrefix: "/v2/fulfillment_sandbox/batches/", method: "POST", kind: .status(503), count: 1))
        await run.run { isDone($0) { $0 == .advance(.main, to: "picking") } }
        #expect(failures(run.log) == [])
        await run.server.injectFault(Fault(pathPrefix: "/v2/fulfillment_sandbox/orders/\(run.order.orderID)/messages", method: "POST",
                                           kind: .status(503), count: 2))
        let failed = await run.run { if case .failed = $0 { true } else { false } }
        guard case .failed(let index, _, let error) = failed else { Issue.record("no failure reported"); await run.stop(); return }
        #expect(index != nil)
        #expect(error.contains("503"))
        #expect(await run.finish().last == .finished)
        #expect(failures(run.log).count == 1)
        #expect(try await run.state() == .delivered)
        await run.stop()
    }

    @Test("a failing call is reported and the scenario goes on")
    func failureIsReported() async throws {
        var run = try await ScenarioRun.start(.delivery)
        await run.run { isDone($0) { if case .createBatch = $0 { true } else { false } } }
        // The order disappears from under the shopper: every later step fails, but the run still ends.
        _ = try await run.order.client.cancelOrder(run.order.orderID)
        let events = await run.finish()
        #expect(events.last == .finished)
        #expect(!failures(events).isEmpty)
        await run.stop()
    }
}
