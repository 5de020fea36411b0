import Clocks
import ConnectModels
import ConnectSandbox
import Testing

/// Collects a simulation's events for assertions.
actor SimulationLog {
    private(set) var events: [LoadSimulationEvent] = []
    func append(_ event: LoadSimulationEvent) { events.append(event) }
    var finished: Bool { events.contains(.finished) }
    var starts: [(index: Int, at: Duration)] {
        events.compactMap { if case .started(let index, let at) = $0 { (index, at) } else { nil } }
    }
    var endings: [(index: Int, completed: Bool, failures: Int)] {
        events.compactMap { if case .ended(let index, let completed, let failures) = $0 { (index, completed, failures) } else { nil } }
    }
    var failures: [String] {
        events.compactMap { if case .shopper(_, .failed) = $0 { $0.description } else { nil } }
    }
}

@Suite("LoadSimulation: many scripted orders at once", .timeLimit(.minutes(2)))
struct LoadSimulationTests {
    @Test("the plan: flows mixed, one user each, starts staggered by seed and speed, the same seed the same plan")
    func plan() {
        let orders = LoadPlan.orders(count: 8, seed: 7, speed: 2)
        #expect(orders.map(\.kind) == [.delivery, .pickup, .lastMile, .delivery, .delivery, .pickup, .lastMile, .delivery])
        #expect(Set(orders.map(\.userID)).count == 8)
        #expect(orders.map(\.index) == Array(0..<8))
        #expect(orders[0].startsAfter == .zero)
        let starts = orders.map(\.startsAfter)
        #expect(zip(starts, starts.dropFirst()).allSatisfy { $0 < $1 })
        // 20 s apart at speed 1, within a quarter gap of the slot; speed 2 halves that.
        for (index, start) in starts.enumerated().dropFirst() {
            #expect(abs(start.secondsDouble - Double(index) * 10) <= 2.5, "order \(index) starts at \(start)")
        }
        #expect(LoadPlan.orders(count: 8, seed: 7, speed: 2) == orders)
        #expect(LoadPlan.orders(count: 8, seed: 8, speed: 2).map(\.userID) != orders.map(\.userID))
        #expect(LoadPlan.orders(count: 500, seed: 1, speed: 1).last!.startsAfter <= .seconds(600), "many orders start within 10 minutes")
    }

    @Test("bad input is refused before anything is placed")
    func badInput() async throws {
        await #expect(throws: LoadSimulationError.self) {
            _ = try await LoadSimulation.start(baseURL: "http://127.0.0.1:9", clientID: "c", clientSecret: "s", orders: 0, speed: 1, seed: 1)
        }
        await #expect(throws: LoadSimulationError.self) {
            _ = try await LoadSimulation.start(baseURL: "http://127.0.0.1:9", clientID: "c", clientSecret: "s", orders: 2, speed: -1, seed: 1)
        }
    }

    @Test("6 orders at speed 100: distinct users, mixed flows, staggered starts, replacements and questions, every order delivered")
    func sixOrders() async throws {
        let server = try await SandboxServer.start(SandboxConfiguration(port: 0, seed: 5))
        let clock = TestClock<Duration>()
        let simulation: LoadSimulation
        do {
            simulation = try await LoadSimulation.start(baseURL: server.baseURL, clientID: server.configuration.clientID,
                                                        clientSecret: server.configuration.clientSecret, orders: 6, speed: 100,
                                                        seed: 5, clock: clock)
        } catch {
            await server.stop()
            throw error
        }
        let orders = simulation.orders
        #expect(orders.count == 6)
        #expect(Set(orders.map(\.userID)).count == 6 && Set(orders.map(\.orderID)).count == 6)
        #expect(Set(orders.map(\.kind)) == [.delivery, .pickup, .lastMile])
        #expect(orders.allSatisfy { $0.ordersFileLine == "\($0.userID) \($0.orderID)" })
        #expect(await simulation.states() == Array(repeating: .brandNew, count: 6), "every order exists before any shopper works")

        let log = SimulationLog()
        let follower = Task { for await event in simulation.events { await log.append(event) } }
        // The shoppers sleep on the test clock; move it in small steps and let the loopback requests finish between them.
        for _ in 0..<20_000 where await !log.finished {
            await clock.advance(by: .milliseconds(20))
            try await Task.sleep(for: .milliseconds(2))
        }
        await simulation.waitUntilDone()
        await follower.value

        #expect(await log.failures == [])
        let starts = await log.starts
        #expect(starts.map(\.index) == Array(0..<6))
        #expect(zip(starts, starts.dropFirst()).allSatisfy { $0.at < $1.at }, "staggered: \(starts.map(\.at))")
        #expect(starts.last!.at >= .milliseconds(750), "five gaps of about 0.2 s at speed 100")
        let endings = await log.endings
        #expect(endings.count == 6 && endings.allSatisfy { $0.completed && $0.failures == 0 })
        #expect(await simulation.states() == Array(repeating: .delivered, count: 6))

        var pending = 0, questions = 0
        for order in orders where order.kind != .lastMile {
            let items = try await order.userClient.items(orderID: order.orderID)
            pending += items.filter(\.hasPendingReplacement).count
            let chat = try await order.userClient.chatMessages(orderID: order.orderID)
            questions += chat.chatMessages.filter { chat.isFromShopper($0) && $0.body.contains("?") }.count
        }
        #expect(pending >= 2 && questions >= 2, "pending replacements \(pending), questions \(questions)")
        await simulation.stop()
        await server.stop()
    }

    @Test("stop() ends the shoppers and the staggered starts at once")
    func stop() async throws {
        let server = try await SandboxServer.start(SandboxConfiguration(port: 0))
        let simulation = try await LoadSimulation.start(baseURL: server.baseURL, clientID: server.configuration.clientID,
                                                        clientSecret: server.configuration.clientSecret, orders: 3, speed: 1,
                                                        seed: 2, clock: TestClock<Duration>())
        let log = SimulationLog()
        let follower = Task { for await event in simulation.events { await log.append(event) } }
        await simulation.stop()
        await simulation.waitUntilDone()
        await follower.value
        #expect(await log.finished)
        let started = await log.starts.count
        #expect(started <= 1, "at most the first shopper had started; the others start seconds later")
        #expect(await log.endings.map(\.completed) == Array(repeating: false, count: started))
        #expect(await simulation.states() == Array(repeating: .brandNew, count: 3))
        await server.stop()
    }
}
