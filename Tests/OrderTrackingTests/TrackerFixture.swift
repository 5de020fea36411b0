import Clocks
import ConnectClient
import ConnectModels
import ConnectSandbox
import Foundation
import OrderTracking
import TestSupport
import Testing

/// Collects a tracker's events for assertions.
actor EventLog {
    private(set) var events: [TrackerEvent] = []

    func append(_ event: TrackerEvent) { events.append(event) }

    var orderStates: [WorkflowState] {
        events.compactMap { if case .order(let o) = $0 { o.workflowState } else { nil } }
    }
    var lastOrderState: WorkflowState? { orderStates.last }
    var finished: WorkflowState? {
        events.lazy.compactMap { if case .finished(let s) = $0 { s } else { nil } }.first
    }
    var lastItems: [LineItem]? { events.last(where: { if case .items = $0 { true } else { false } }).flatMap { if case .items(let i) = $0 { i } else { nil } } }
    var lastChat: ChatConversation? { events.last(where: { if case .chat = $0 { true } else { false } }).flatMap { if case .chat(let c) = $0 { c } else { nil } } }
    var lastOutbox: [OutboxMessage]? { events.last(where: { if case .outbox = $0 { true } else { false } }).flatMap { if case .outbox(let o) = $0 { o } else { nil } } }
    var lastLocation: Coordinates? {
        for event in events.reversed() { if case .location(let c) = event { return c } }
        return nil
    }
    var sawHandling: Bool { events.contains { if case .handling = $0 { true } else { false } } }
    func statuses(_ endpoint: TrackedEndpoint) -> [ConnectionStatus] {
        events.compactMap { if case .connection(endpoint, let s) = $0 { s } else { nil } }
    }
    func isLoaded(_ state: WorkflowState) -> Bool { lastOrderState == state && lastItems != nil && sawHandling }
    func chatAndFound() -> Bool { lastChat?.chatMessages.count == 1 && lastItems?.first?.status == .found }
    func count(where predicate: (TrackerEvent) -> Bool) -> Int { events.filter(predicate).count }
}

/// One line of the sandbox's access log.
struct AccessLine: Decodable {
    var method: String
    var path: String
    var status: Int
}

/// A sandbox on a free loopback port with an access log, a TestClock, and helpers to drive an order.
struct TrackerFixture {
    let server: SandboxServer
    let logPath: String
    let admin: ConnectClient
    let user: ConnectClient
    let userID: String
    let orderID: String
    let clock: TestClock<Duration>
    let stateDirectory: URL

    static func make(type: FulfillmentType = .delivery) async throws -> TrackerFixture {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ordertop-tracker-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let logPath = dir.appendingPathComponent("access.log").path
        let server = try await SandboxServer.start(SandboxConfiguration(port: 0, accessLogPath: logPath))
        let anonymous = ConnectClient(baseURL: server.baseURL)
        let admin = try await anonymous.withClientToken()
        let userID = "user-\(UUID().uuidString.prefix(8))"
        let user = try await anonymous.withUserToken(for: userID)
        let orderID = try await admin.createOrder(CreateOrderRequest(userID: userID, fulfillmentType: type, customerName: "Sierra")).id.value
        return TrackerFixture(server: server, logPath: logPath, admin: admin, user: user, userID: userID, orderID: orderID,
                              clock: TestClock(), stateDirectory: dir)
    }

    func tracker(client: ConnectClient? = nil, outbox: Bool = false) -> OrderTracker {
        OrderTracker(client: client ?? user, orderID: orderID,
                     configuration: TrackerConfiguration(normalInterval: .milliseconds(100), slowInterval: .milliseconds(500),
                                                         backoff: Backoff(initial: .milliseconds(100), ceiling: .seconds(1)), seed: 7),
                     clock: clock, outboxStore: outbox ? OutboxStore(directory: stateDirectory, orderID: orderID) : nil)
    }

    /// Starts the tracker and copies its events into a log.
    func follow(_ tracker: OrderTracker) async -> (EventLog, Task<Void, Never>) {
        let log = EventLog()
        let task = Task { for await event in tracker.events { await log.append(event) } }
        await tracker.start()
        return (log, task)
    }

    /// Advances the test clock in small steps until `condition` holds. The short real pause lets
    /// loopback I/O finish between steps; nothing here waits for a polling interval in real time.
    func pump(_ what: String = "condition", steps: Int = 400, step: Duration = .milliseconds(50),
              until condition: () async -> Bool) async throws {
        for _ in 0..<steps {
            if await condition() { return }
            await clock.advance(by: step)
            try await Task.sleep(for: .milliseconds(3))
        }
        if await condition() { return }
        Issue.record("timed out waiting for \(what)")
        throw CancellationError()
    }

    /// Advances the clock without waiting for anything, to show that nothing more happens.
    func idle(steps: Int = 30) async throws {
        for _ in 0..<steps {
            await clock.advance(by: .milliseconds(100))
            try await Task.sleep(for: .milliseconds(3))
        }
    }

    func accessLog() throws -> [AccessLine] {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        // The requests only: an order's change of state has a line of its own, with `event` instead of `method`.
        return try text.split(separator: "\n").filter { !$0.contains(#""event":"#) }
            .map { try JSONDecoder().decode(AccessLine.self, from: Data($0.utf8)) }
    }

    /// GET requests of the tracker for one endpoint of this order.
    static func gets(_ lines: ArraySlice<AccessLine>, _ endpoint: TrackedEndpoint, orderID: String) -> Int {
        let path: String
        switch endpoint {
        case .order: path = "/v2/post_checkout/orders/\(orderID)"
        case .items: path = "/v2/post_checkout/orders/\(orderID)/items"
        case .handling: path = "/v2/post_checkout/orders/\(orderID)/handling"
        case .location: path = "/v2/post_checkout/orders/\(orderID)/location"
        case .chat: path = "/v2/post_checkout/chat/\(orderID)/messages"
        }
        return lines.filter { $0.method == "GET" && $0.path == path }.count
    }

    func assign(batchType: BatchType? = nil) async throws -> (shopper: String, batch: String) {
        let shopper = try await admin.createShopper(CreateShopperRequest(displayName: "Zelma")).id
        let batch = try await admin.createBatch(CreateBatchRequest(batchType: batchType, shopperID: shopper,
                                                                   orders: [BatchOrderRef(id: FlexibleID(orderID), userID: userID)]))
        return (shopper.value, batch.id.value)
    }

    /// Assigns a shopper and advances the batch to picking, where the chat window opens.
    @discardableResult
    func startPicking() async throws -> (shopper: String, batch: String) {
        let assigned = try await assign()
        _ = try await admin.advanceBatch(assigned.batch)
        return assigned
    }

    func stop() async {
        await server.stop()
        try? FileManager.default.removeItem(at: stateDirectory)
    }
}

/// Runs a body with a fresh fixture and always stops the server.
func withFixture(type: FulfillmentType = .delivery, _ body: (TrackerFixture) async throws -> Void) async throws {
    let fixture = try await TrackerFixture.make(type: type)
    do {
        try await body(fixture)
    } catch {
        await fixture.stop()
        throw error
    }
    await fixture.stop()
}
