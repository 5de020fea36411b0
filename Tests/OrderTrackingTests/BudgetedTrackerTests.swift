import Clocks
import ConnectModels
import Foundation
import OrderTracking
import TestSupport
import Testing

/// The clock times of the calls that reached the server, per order and endpoint.
final class CallTimes: @unchecked Sendable {
    // Read and written under `lock`: every tracker's tasks record here.
    private let lock = NSLock()
    private var calls: [(order: Int, call: FakeOrderSource.Call, at: Duration)] = []

    func record(_ order: Int, _ call: FakeOrderSource.Call, _ time: Duration) { lock.withLock { calls.append((order, call, time)) } }
    var times: [Duration] { lock.withLock { calls.map(\.at) } }
    func times(order: Int, _ call: FakeOrderSource.Call) -> [Duration] {
        lock.withLock { calls.filter { $0.order == order && $0.call == call }.map(\.at) }
    }
    func count(order: Int, _ call: FakeOrderSource.Call) -> Int { times(order: order, call).count }
}

/// A fake order server that writes down when each call reaches it.
struct RecordingSource: OrderDataSource {
    let fake: FakeOrderSource
    let order: Int
    let log: CallTimes
    let elapsed: @Sendable () -> Duration

    private func note<T>(_ call: FakeOrderSource.Call, _ body: () async throws -> T) async rethrows -> T {
        log.record(order, call, elapsed())
        return try await body()
    }

    func with(token: BearerToken?) -> RecordingSource { RecordingSource(fake: fake.with(token: token), order: order, log: log, elapsed: elapsed) }
    func order(_ orderID: String) async throws -> Order { try await note(.order) { try await fake.order(orderID) } }
    func items(orderID: String) async throws -> [LineItem] { try await note(.items) { try await fake.items(orderID: orderID) } }
    func handling(orderID: String) async throws -> Handling { try await note(.handling) { try await fake.handling(orderID: orderID) } }
    func location(orderID: String) async throws -> ShopperLocation { try await note(.location) { try await fake.location(orderID: orderID) } }
    func chatMessages(orderID: String) async throws -> ChatConversation { try await note(.chat) { try await fake.chatMessages(orderID: orderID) } }
    func sendChatMessage(orderID: String, body: String, imageURL: String?) async throws -> SendChatMessageResponse {
        try await note(.send) { try await fake.sendChatMessage(orderID: orderID, body: body, imageURL: imageURL) }
    }
    func markChatRead(orderID: String) async throws -> MarkReadResponse { try await note(.markRead) { try await fake.markChatRead(orderID: orderID) } }
    func decideReplacement(orderID: String, lineItemID: String, decision: ReplacementDecision) async throws {
        try await note(.replacement) { try await fake.decideReplacement(orderID: orderID, lineItemID: lineItemID, decision: decision) }
    }
}

/// Many real trackers over fake orders, each behind the same budget (or none), on one test clock.
struct Board {
    let clock = ParkingClock()
    let budget: RequestBudget?
    let fakes: [FakeOrderSource]
    let sources: [BudgetedSource]
    let trackers: [OrderTracker]
    let log = CallTimes()

    init(states: [WorkflowState], maxRequestsPerSecond: Double?) {
        let clock = clock, origin = clock.now, log = log
        let budget = maxRequestsPerSecond.map { RequestBudget(maxRequestsPerSecond: $0, clock: clock) }
        self.budget = budget
        fakes = states.map { FakeOrderSource(state: $0) }
        var sources: [BudgetedSource] = [], trackers: [OrderTracker] = []
        for (index, fake) in fakes.enumerated() {
            let recording = RecordingSource(fake: fake, order: index, log: log, elapsed: { origin.duration(to: clock.now) })
            let source: any OrderDataSource
            if let budget {
                let budgeted = BudgetedSource(recording, budget: budget)
                sources.append(budgeted)
                source = budgeted
            } else {
                source = recording
            }
            trackers.append(OrderTracker(client: source, orderID: "fake-order",
                                         configuration: TrackerConfiguration(normalInterval: .seconds(5), slowInterval: .seconds(30),
                                                                             backoff: Backoff(initial: .seconds(1), ceiling: .seconds(8), jitter: 0),
                                                                             seed: UInt64(index + 1)),
                                         clock: clock))
        }
        self.sources = sources
        self.trackers = trackers
    }

    /// Gives every task turns until each is asleep on the clock or queued in the budget. The counts come from many
    /// actors one after another, so a task starting between two reads could make them agree by chance: they must
    /// agree, unchanged, three checks in a row.
    func settle(_ what: String) async throws {
        var agreed = 0, last = -1
        for _ in 0..<200_000 {
            var tasks = 0
            for tracker in trackers { tasks += await tracker.activeTaskCount }
            let queued = await budget?.stats().waiting ?? 0, timers = await budget?.activeTaskCount ?? 0
            let parked = clock.parkedSleepers
            agreed = parked == tasks - queued + timers && parked == last ? agreed + 1 : 0
            last = parked
            if agreed >= 3 { return }
            for _ in 0..<10 { await Task.yield() }
        }
        Issue.record("never settled: \(what)")
        throw CancellationError()
    }

    func start() async throws {
        for tracker in trackers { await tracker.start() }
        try await settle("the first fetches")
    }

    func run(for total: Duration, step: Duration = .milliseconds(250)) async throws {
        var moved = Duration.zero
        while moved < total {
            await clock.advance(by: step)
            moved += step
            try await settle("a clock step")
        }
    }

    func stop() async {
        for tracker in trackers { await tracker.stop() }
    }
}

@Suite("Trackers under one RequestBudget")
struct BudgetedTrackerTests {
    static let endpoints: [FakeOrderSource.Call] = [.order, .items, .handling, .location, .chat]

    @Test("30 picking orders asking 18 requests/s under 10/s: never more than 10 in a second, the budget is used, no order polled faster than its plan")
    func manyTrackers() async throws {
        let board = Board(states: Array(repeating: .picking, count: 30), maxRequestsPerSecond: 10)
        let alone = Board(states: [.picking], maxRequestsPerSecond: nil)
        try await board.start()
        try await alone.start()
        try await board.run(for: .seconds(60))
        try await alone.run(for: .seconds(60))
        let times = board.log.times
        #expect(busiestSecond(times) <= 10)
        #expect(times.count >= 550, "the budget is spent, not wasted: \(times.count) requests in 60 s")
        for order in 0..<30 {
            let polls = board.log.times(order: order, .order)
            #expect(zip(polls, polls.dropFirst()).allSatisfy { $1 - $0 >= .seconds(5) }, "order \(order): \(polls)")
            for endpoint in Self.endpoints {
                #expect(board.log.count(order: order, endpoint) <= alone.log.count(order: 0, endpoint), "order \(order) \(endpoint)")
            }
        }
        await board.stop()
        await alone.stop()
    }

    @Test("5 picking orders under 25/s (room for all; the first fetches spread over a second) poll as often as one order with no budget")
    func cadenceKept() async throws {
        let board = Board(states: Array(repeating: .picking, count: 5), maxRequestsPerSecond: 25)
        let alone = Board(states: [.picking], maxRequestsPerSecond: nil)
        try await board.start()
        try await alone.start()
        // 25 first fetches at 25/s take a second, so an order's polls may start up to a second late: 62 s hold
        // as many polls for each as 0...60 s for one order alone.
        try await board.run(for: .seconds(62))
        try await alone.run(for: .seconds(60))
        for order in 0..<5 {
            for endpoint in Self.endpoints {
                #expect(board.log.count(order: order, endpoint) == alone.log.count(order: 0, endpoint),
                        "order \(order) \(endpoint): \(board.log.times(order: order, endpoint)) alone \(alone.log.times(order: 0, endpoint))")
            }
            #expect(board.log.count(order: order, .order) == 13, "every 5 s for 60 s")
            let polls = board.log.times(order: order, .order)
            // Never faster than the plan; a turn shared with the order's other endpoints may add a few spacings.
            #expect(zip(polls, polls.dropFirst()).allSatisfy { $1 - $0 >= .seconds(5) && $1 - $0 < .milliseconds(5500) },
                    "on the plan's cadence: \(polls)")
        }
        await board.stop()
        await alone.stop()
    }

    @Test("the source learns each order's priority from its replies: brand_new waits, picking is busy")
    func learntPriority() async throws {
        let board = Board(states: [.brandNew, .picking], maxRequestsPerSecond: 10)
        #expect(board.sources.map(\.pollPriority) == [.busy, .busy], "not read yet: busy, so the row fills soon")
        try await board.start()
        #expect(board.sources.map(\.pollPriority) == [.waiting, .busy])
        board.fakes[0].backend.setState(.picking)
        board.fakes[1].backend.setState(.delivered)
        try await board.run(for: .seconds(31))
        #expect(board.sources.map(\.pollPriority) == [.busy, .waiting])
        #expect(board.sources[0].with(token: BearerToken("new")).pollPriority == .busy, "a new token keeps what was learnt")
        await board.stop()
    }

    @Test("a 429 on one order pauses every order's requests until its Retry-After, and slows the board")
    func rateLimitedBoard() async throws {
        let board = Board(states: Array(repeating: .picking, count: 5), maxRequestsPerSecond: 10)
        try await board.start()
        try await board.run(for: .seconds(10))
        board.fakes[2].backend.fail(.order, with: [FailurePolicyTests.http(429, retryAfter: .seconds(8))])
        try await board.run(for: .seconds(6))
        let limited = try #require(board.log.times(order: 2, .order).first { $0 > .seconds(10) })
        let stats = try #require(await board.budget?.stats())
        #expect(stats.isSlowed && stats.currentRate == 5)
        try await board.run(for: .seconds(20))
        let during = board.log.times.filter { $0 > limited && $0 < limited + .seconds(8) }
        #expect(during.isEmpty, "nothing reached the server during the pause: \(during)")
        let after = board.log.times.filter { $0 >= limited + .seconds(8) }
        #expect(!after.isEmpty, "and everything went on afterwards")
        // The pace climbs back a tenth every 10 s after the cut; until then it is the halved one.
        let halved = after.filter { $0 < limited + .seconds(10) }
        #expect(halved.count >= 8 && busiestSecond(halved) == 5, "the requests held meanwhile go at the halved pace, not 10 a second: \(halved)")
        await board.stop()
    }
}
