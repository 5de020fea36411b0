import Clocks
import ConnectModels
import OrderTracking
import TestSupport
import Testing

/// Requests that went through a budget, with the clock time each was granted.
actor GrantLog {
    private(set) var grants: [(tag: String, at: Duration)] = []
    private(set) var cancelled: [String] = []

    func granted(_ tag: String, at time: Duration) { grants.append((tag, time)) }
    func wasCancelled(_ tag: String) { cancelled.append(tag) }
    var tags: [String] { grants.map(\.tag) }
    var times: [Duration] { grants.map(\.at) }
}

/// The most grants in any one-second window, both the windows [k, k+1) and the ones ending at each grant.
func busiestSecond(_ times: [Duration]) -> Int {
    let sorted = times.sorted()
    var most = 0
    for (index, time) in sorted.enumerated() {
        most = max(most, sorted[...index].filter { $0 > time - .seconds(1) }.count)
    }
    let perSecond = Dictionary(grouping: sorted) { $0.components.seconds }.mapValues(\.count)
    return max(most, perSecond.values.max() ?? 0)
}

/// A budget on a clock that knows who sleeps, and acquirers that write down when they got their turn.
struct BudgetBench {
    let clock = ParkingClock()
    let budget: RequestBudget
    let log = GrantLog()
    private let origin: ParkingClock.Instant

    init(rate: Double) {
        budget = RequestBudget(maxRequestsPerSecond: rate, clock: clock)
        origin = clock.now
    }

    var elapsed: Duration { origin.duration(to: clock.now) }

    /// Starts a task that acquires at `priority` and logs its grant (or its cancellation) under `tag`.
    @discardableResult
    func request(_ tag: String, _ priority: RequestPriority = .busy) -> Task<Void, Never> {
        let budget = budget, log = log, clock = clock, origin = origin
        return Task {
            do {
                try await budget.acquire(priority)
                await log.granted(tag, at: origin.duration(to: clock.now))
            } catch {
                await log.wasCancelled(tag)
            }
        }
    }

    /// Starts requests one at a time, each queued before the next, so their order of arrival is known.
    func requestInOrder(_ tags: [(String, RequestPriority)]) async throws {
        for (tag, priority) in tags {
            let before = await budget.stats().waiting
            request(tag, priority)
            try await until("\(tag) queued") { await budget.stats().waiting == before + 1 }
        }
    }

    /// Gives the tasks turns until `condition` holds and every task is either done, queued, or asleep on the clock.
    func until(_ what: String, _ condition: () async -> Bool) async throws {
        for _ in 0..<100_000 {
            if clock.parkedSleepers == (await budget.activeTaskCount), await condition() { return }
            await Task.yield()
        }
        Issue.record("never happened: \(what)")
        throw CancellationError()
    }

    /// Moves the clock on in steps, letting granted tasks log at each. The step divides every grant spacing the tests
    /// use (204 ms, 1.02 s, 2.04 s), so the clock stops at each deadline and a woken grant reads its own time,
    /// however busy the machine: a longer step could wake it late and log the step's end instead.
    func advance(by total: Duration, step: Duration = .milliseconds(4), settled: () async -> Bool = { true }) async throws {
        var moved = Duration.zero
        while moved < total {
            await clock.advance(by: step)
            moved += step
            try await until("a clock step", settled)
        }
    }
}

@Suite("RequestBudget on a test clock")
struct RequestBudgetTests {
    @Test("40 requests at once under 5/s: one at once, then one every 204 ms (2% to spare), never more than 5 in any one second")
    func neverExceeded() async throws {
        let bench = BudgetBench(rate: 5)
        for index in 0..<40 { bench.request("r\(index)") }
        let settled = { await bench.log.grants.count + bench.budget.stats().waiting == 40 }
        try await bench.until("queued", settled)
        #expect(await bench.log.grants.count == 1, "no burst: the rate's grants are spread over the second")
        try await bench.advance(by: .milliseconds(8000), settled: settled)
        let times = await bench.log.times
        #expect(times.sorted() == (0..<40).map { Duration.milliseconds(204 * $0) })
        #expect(busiestSecond(times) == 5)
        #expect(await bench.budget.stats().requestsLastMinute == 40)
    }

    @Test("below 1/s the requests are spaced: 0.5/s grants one every 2.04 s (2% to spare)")
    func slowRate() async throws {
        let bench = BudgetBench(rate: 0.5)
        for index in 0..<4 { bench.request("r\(index)") }
        let settled = { await bench.log.grants.count + bench.budget.stats().waiting == 4 }
        try await bench.until("queued", settled)
        try await bench.advance(by: .seconds(7), settled: settled)
        #expect(await bench.log.times.sorted() == [.zero, .milliseconds(2040), .milliseconds(4080), .milliseconds(6120)])
    }

    @Test("busy orders go before waiting ones, tokens before both, equals first come first served")
    func priorities() async throws {
        let bench = BudgetBench(rate: 1)
        try await bench.budget.acquire(.busy) // the one slot of this second
        try await bench.requestInOrder([("wait-1", .waiting), ("wait-2", .waiting), ("busy-1", .busy), ("wait-3", .waiting),
                                        ("busy-2", .busy), ("token", .urgent)])
        let settled = { await bench.log.grants.count + bench.budget.stats().waiting == 6 }
        try await bench.advance(by: .milliseconds(6200), settled: settled)
        #expect(await bench.log.tags == ["token", "busy-1", "busy-2", "wait-1", "wait-2", "wait-3"])
        #expect(await bench.log.times == (1...6).map { .milliseconds(1020 * $0) }, "one a second, and 2% to spare")
    }

    @Test("a waiting order is not starved: after 10 s in the queue its request goes as busy, in its turn")
    func aging() async throws {
        let bench = BudgetBench(rate: 1)
        try await bench.budget.acquire(.busy)
        try await bench.requestInOrder([("wait", .waiting)] + (1...14).map { ("busy-\($0)", .busy) })
        let settled = { await bench.log.grants.count + bench.budget.stats().waiting == 15 }
        try await bench.advance(by: .milliseconds(15500), settled: settled)
        let tags = await bench.log.tags
        #expect(tags.count == 15)
        #expect(tags.firstIndex(of: "wait") == 9, "granted at 10.2 s, before busy-10 that came after it: \(tags)")
    }

    @Test("a 429 pauses every request until its Retry-After, halves the pace, and the pace climbs back while quiet")
    func rateLimited() async throws {
        let bench = BudgetBench(rate: 10)
        await bench.budget.rateLimited(retryAfter: .seconds(5))
        var stats = await bench.budget.stats()
        #expect(stats.pausedFor == .seconds(5) && stats.currentRate == 5 && stats.isSlowed)
        for index in 0..<8 { bench.request("r\(index)") }
        let settled = { await bench.log.grants.count + bench.budget.stats().waiting == 8 }
        try await bench.advance(by: .milliseconds(4900), step: .milliseconds(100), settled: settled)
        #expect(await bench.log.grants.isEmpty, "nothing goes during the pause")
        try await bench.advance(by: .milliseconds(100), settled: settled)
        #expect(await bench.log.times == [.seconds(5)])
        try await bench.advance(by: .milliseconds(1500), settled: settled)
        #expect(await bench.log.times.sorted() == (0..<8).map { .seconds(5) + .milliseconds(204 * $0) }, "then the halved pace: 5 a second")

        // A second 429 in the same burst does not cut again; a later one does, down to the floor at most.
        await bench.budget.rateLimited(retryAfter: nil)
        stats = await bench.budget.stats()
        #expect(stats.currentRate == 2.5 && stats.pausedFor == .seconds(2), "no Retry-After: a backoff, 2 s for the second cut")
        try await bench.advance(by: .seconds(10), step: .milliseconds(500))
        #expect(await bench.budget.stats().currentRate == 3.5, "a tenth of the maximum back after 10 s")
        try await bench.advance(by: .seconds(60), step: .milliseconds(500))
        #expect(await bench.budget.stats().currentRate == 9.5)
        try await bench.advance(by: .seconds(10), step: .milliseconds(500))
        #expect(await bench.budget.stats().currentRate == 10, "whole again")
    }

    @Test("429s of requests in flight together count as one cut")
    func burstOf429() async throws {
        let bench = BudgetBench(rate: 8)
        for _ in 0..<6 { await bench.budget.rateLimited(retryAfter: .seconds(1)) }
        #expect(await bench.budget.stats().currentRate == 4)
        try await bench.advance(by: .seconds(2), step: .milliseconds(500))
        for _ in 0..<6 { await bench.budget.rateLimited(retryAfter: nil) }
        #expect(await bench.budget.stats().currentRate == 2)
        try await bench.advance(by: .seconds(2), step: .milliseconds(500))
        for _ in 0..<3 {
            await bench.budget.rateLimited(retryAfter: nil)
            try await bench.advance(by: .seconds(2), step: .milliseconds(500))
        }
        #expect(await bench.budget.stats().currentRate == 0.5, "never below a sixteenth of the maximum")
    }

    @Test("a cancelled waiter leaves the queue and is not counted; the next one takes its turn")
    func cancellation() async throws {
        let bench = BudgetBench(rate: 1)
        try await bench.budget.acquire(.busy)
        try await bench.requestInOrder([("first", .busy)])
        let second = bench.request("second", .urgent)
        try await bench.until("queued") { await bench.budget.stats().waiting == 2 }
        second.cancel()
        try await bench.until("cancelled") { await bench.log.cancelled == ["second"] }
        #expect(await bench.budget.stats().waiting == 1)
        try await bench.advance(by: .milliseconds(1100)) { await bench.log.grants.count + bench.budget.stats().waiting == 1 }
        #expect(await bench.log.tags == ["first"])
        #expect(await bench.budget.stats().requestsLastMinute == 2)

        let early = Task {
            withUnsafeCurrentTask { $0?.cancel() }
            try await bench.budget.acquire(.busy)
        }
        await #expect(throws: CancellationError.self) { try await early.value }
    }

    @Test("the refresh cycle: 40 picking orders of 3 requests under 10/s come round every ~12 s")
    func refreshCycle() {
        #expect(RefreshCycle(orders: 40, requestsPerOrder: 3, planInterval: .seconds(5), rate: 10).interval == .seconds(12))
        #expect(RefreshCycle(orders: 4, requestsPerOrder: 3, planInterval: .seconds(5), rate: 10).interval == .seconds(5),
                "never faster than the plan")
        let configuration = TrackerConfiguration(normalInterval: .seconds(5), slowInterval: .seconds(30), seed: 1)
        let picking = PollPlan.plan(for: .delivery, state: .picking)!
        let cycle = RefreshCycle.estimate(plans: Array(repeating: picking, count: 40), configuration: configuration, rate: 10)
        #expect(cycle?.interval == .seconds(12))
        #expect(cycle?.description == "each order every ~12 s")
        let waiting = PollPlan.plan(for: .delivery, state: .brandNew)!
        #expect(RefreshCycle.estimate(plans: [waiting, waiting], configuration: configuration, rate: 10)?.description == "each order every ~30 s")
        #expect(RefreshCycle.estimate(plans: [PollPlan.plan(for: .delivery, state: .delivered)!], configuration: configuration, rate: 10) == nil)
        #expect(RefreshCycle(interval: .seconds(300)).description == "each order every ~5 min")
    }
}
