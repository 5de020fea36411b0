import AsyncHTTPClient
import ConnectClient
import ConnectModels

/// One order of a running load simulation: its plan, its id, and the customer's client (with a user token).
public struct SimulatedOrder: Sendable {
    public var plan: SimulatedOrderPlan
    public var orderID: String
    /// The customer's view (post-checkout API) of the order.
    public var userClient: ConnectClient

    public var userID: String { plan.userID }
    public var kind: DemoScenarioKind { plan.kind }
    /// The line a board's `--orders` file takes: `USER_ID ORDER_ID`.
    public var ordersFileLine: String { "\(plan.userID) \(orderID)" }
}

/// Many scripted shoppers working many orders on one sandbox, for the board: `ordertop sandbox simulate` and
/// `ordertop demo --orders N`. Every order is placed at once (so the orders file is whole from the start) and
/// waits in `brand_new` until its shopper starts; the shoppers start staggered, and the flows mix. Deliveries and
/// pickups get replacements the shopper asks about in the chat, left pending for the customer to answer.
public actor LoadSimulation {
    /// The orders, in the order their shoppers start.
    public nonisolated let orders: [SimulatedOrder]
    /// Progress, for one consumer. The newest 10,000 are kept when nobody reads.
    public nonisolated let events: AsyncStream<LoadSimulationEvent>
    public nonisolated let speed: Double

    private let continuation: AsyncStream<LoadSimulationEvent>.Continuation
    private let shoppers: [ScriptedShopper]
    private let clock: ElapsedClock
    private var runner: Task<Void, Never>?
    private var stopped = false

    private init(orders: [SimulatedOrder], shoppers: [ScriptedShopper], speed: Double, clock: any Clock<Duration>) {
        self.orders = orders
        self.shoppers = shoppers
        self.speed = speed
        self.clock = ElapsedClock(clock)
        (events, continuation) = AsyncStream.makeStream(bufferingPolicy: .bufferingNewest(10_000))
    }

    /// Places `count` orders on the sandbox at `baseURL` with its client credentials, then starts the shoppers one by one.
    /// - Parameters:
    ///   - speed: how many times faster than real time the shoppers work (> 0); 1 takes about 3 minutes an order.
    ///   - seed: the same seed gives the same flows, customers, shoppers and steps.
    ///   - clock: `ContinuousClock()` in production, a test clock in tests.
    public static func start(baseURL: String, clientID: String, clientSecret: String, orders count: Int, speed: Double,
                             seed: UInt64, clock: any Clock<Duration> = ContinuousClock(),
                             httpClient: HTTPClient = .shared) async throws -> LoadSimulation {
        guard count >= 1 else { throw LoadSimulationError("the number of orders must be at least 1, not \(count)") }
        guard speed > 0, speed.isFinite else { throw LoadSimulationError("the speed must be a number greater than 0, not \(speed)") }
        let anonymous = ConnectClient(baseURL: baseURL, httpClient: httpClient, userAgent: OrdertopVersion.userAgent("simulator"))
        let client = anonymous.with(token: try await anonymous.token(.clientCredentials(id: clientID, secret: clientSecret)).bearer)
        var orders: [SimulatedOrder] = [], shoppers: [ScriptedShopper] = []
        for plan in LoadPlan.orders(count: count, seed: seed, speed: speed) {
            let placed = try await ScenarioSetup.placeOrder(client: client, credentials: (clientID, clientSecret), kind: plan.kind,
                                                            userID: plan.userID, customerName: plan.customerName, place: plan.place)
            orders.append(SimulatedOrder(plan: plan, orderID: placed.orderID, userClient: placed.userClient))
            shoppers.append(placed.makeShopper(seed: plan.seed, clock: clock, speed: speed))
        }
        let simulation = LoadSimulation(orders: orders, shoppers: shoppers, speed: speed, clock: clock)
        await simulation.begin()
        return simulation
    }

    /// Waits until every shopper is done, or the simulation is stopped.
    public func waitUntilDone() async {
        await runner?.value
    }

    /// Stops every shopper and the staggered starts, and waits for them; the events then finish.
    public func stop() async {
        stopped = true
        runner?.cancel()
        for shopper in shoppers { await shopper.stop() }
        await runner?.value
        for shopper in shoppers { await shopper.waitUntilDone() }
    }

    /// Each order's state as its customer sees it now; nil where it could not be read.
    public func states() async -> [WorkflowState?] {
        var states: [WorkflowState?] = []
        for order in orders { states.append(try? await order.userClient.order(order.orderID).workflowState) }
        return states
    }

    // MARK: - The run

    private func begin() {
        runner = Task { await self.run() }
    }

    private func run() async {
        let continuation = continuation
        await withTaskGroup(of: Void.self) { group in
            for (index, order) in orders.enumerated() {
                do { try await clock.sleepUntil(order.plan.startsAfter) } catch { break }
                guard !stopped, !Task.isCancelled else { break }
                let shopper = shoppers[index]
                await shopper.start()
                continuation.yield(.started(index: index, at: clock.now()))
                group.addTask { await Self.forward(shopper, index: index, to: continuation) }
            }
        }
        continuation.yield(.finished)
        continuation.finish()
    }

    /// Passes one shopper's noteworthy events on until it is done, then says how it ended.
    private static func forward(_ shopper: ScriptedShopper, index: Int, to continuation: AsyncStream<LoadSimulationEvent>.Continuation) async {
        var failures = 0, completed = false
        for await event in shopper.events {
            switch event {
            case .finished: completed = true
            case .stopped: break
            case .failed:
                failures += 1
                continuation.yield(.shopper(index: index, event))
            default:
                if event.isNoteworthy { continuation.yield(.shopper(index: index, event)) }
            }
        }
        continuation.yield(.ended(index: index, completed: completed, failures: failures))
    }
}
