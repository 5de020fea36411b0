import ConnectModels

/// One request budget for a whole board: every request of every order waits here for its turn, so that no
/// one-second window sees more than `maxRequestsPerSecond` of them. Busy orders go before waiting ones,
/// equals first come first served, and a waiting order's request that has queued for `agingAfter` counts as busy,
/// so a saturated board still reads every order now and then. A 429 anywhere pauses everyone and slows the pace
/// (see `BudgetPace`).
/// The budget only delays: each order's tracker still decides what to ask for and when.
public actor RequestBudget {
    /// The most requests granted in any one second.
    public nonisolated let maxRequestsPerSecond: Double
    /// How long a request of a waiting order queues before it counts as busy.
    public nonisolated let agingAfter: Duration

    private let clock: ElapsedClock
    private var window: GrantWindow
    private var pace: BudgetPace
    private var waiters: [Waiter] = []
    private var nextTicket = 0
    /// No grant before this point (a 429's Retry-After or backoff).
    private var pausedUntil: Duration?
    /// The timer that wakes the queue when the next grant may go; an older one's generation tells it to do nothing.
    private var timer: (deadline: Duration, generation: Int)?
    private var timerGeneration = 0
    /// Timers still asleep, the current one and any left over.
    private var sleepingTimers = 0

    /// A request waiting for its turn.
    private struct Waiter {
        let ticket: Int
        let priority: RequestPriority
        let queuedAt: Duration
        let continuation: CheckedContinuation<Void, any Error>
    }

    /// - Parameters:
    ///   - maxRequestsPerSecond: greater than 0; below 1, one request per 1/rate seconds.
    ///   - agingAfter: how long a waiting order's request queues before it goes as busy.
    ///   - clock: `ContinuousClock()` in production, a test clock in tests.
    public init(maxRequestsPerSecond: Double, agingAfter: Duration = .seconds(10), clock: any Clock<Duration> = ContinuousClock()) {
        precondition(maxRequestsPerSecond > 0 && maxRequestsPerSecond.isFinite, "the rate must be a positive number")
        self.maxRequestsPerSecond = maxRequestsPerSecond
        self.agingAfter = agingAfter
        self.clock = ElapsedClock(clock)
        pace = BudgetPace(maximum: maxRequestsPerSecond)
        window = GrantWindow(history: max(.seconds(60), GrantWindow.span(pace.floor)))
    }

    /// Waits until a request of `priority` may go, and counts it. Throws `CancellationError` when the calling
    /// task is cancelled first; it then leaves the queue and counts nothing.
    public func acquire(_ priority: RequestPriority) async throws {
        try Task.checkCancellation()
        if waiters.isEmpty, canGrant(at: clock.now()) {
            window.record(clock.now())
            return
        }
        let ticket = nextTicket
        nextTicket += 1
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
                waiters.append(Waiter(ticket: ticket, priority: priority, queuedAt: clock.now(), continuation: continuation))
                schedule()
            }
        } onCancel: {
            Task { await self.withdraw(ticket) }
        }
    }

    /// Says a request got a 429: every waiter pauses until `retryAfter` (or a backoff when the server gave
    /// none), and the pace drops for a while.
    public func rateLimited(retryAfter: Duration?) {
        let now = clock.now()
        let pause = pace.rateLimited(at: now, retryAfter: retryAfter)
        pausedUntil = max(pausedUntil ?? now, now + pause)
        schedule()
    }

    /// What the board's header shows: the load, the pace and any pause.
    public func stats() -> BudgetStats {
        let now = clock.now()
        let paused = pausedUntil.flatMap { $0 > now ? $0 - now : nil }
        return BudgetStats(maxRequestsPerSecond: maxRequestsPerSecond, currentRate: pace.rate(at: now),
                           requestsLastMinute: window.count(since: now - .seconds(60)), waiting: waiters.count, pausedFor: paused)
    }

    /// The budget's own tasks asleep on its clock (its timers), for tests that wait until every task is asleep.
    public var activeTaskCount: Int { sleepingTimers }

    /// Runs `call` once the budget allows, and tells the budget when the server answers 429.
    public nonisolated func perform<T: Sendable>(_ priority: RequestPriority,
                                                 _ call: @Sendable () async throws -> T) async throws -> T {
        try await acquire(priority)
        do {
            return try await call()
        } catch let error as ConnectError {
            if case .http(_, 429, _, let retryAfter) = error { await rateLimited(retryAfter: retryAfter) }
            throw error
        }
    }

    // MARK: - The queue

    private func canGrant(at now: Duration) -> Bool {
        nextGrant(at: now) <= now
    }

    /// The earliest moment a request may go: after any pause, and when the window has room at the current pace.
    private func nextGrant(at now: Duration) -> Duration {
        let start = max(now, pausedUntil ?? now)
        return window.nextSlot(after: start, rate: pace.rate(at: start))
    }

    /// Grants every waiter that may go now, highest priority first, then arms the timer for the rest.
    private func dispatch() {
        let now = clock.now()
        while !waiters.isEmpty, canGrant(at: now) {
            let waiter = waiters.remove(at: nextWaiterIndex(at: now))
            window.record(now)
            waiter.continuation.resume()
        }
        schedule()
    }

    /// The waiter with the highest priority, the earliest among equals; a waiting order's request aged past
    /// `agingAfter` counts as busy.
    private func nextWaiterIndex(at now: Duration) -> Int {
        func effective(_ waiter: Waiter) -> RequestPriority {
            waiter.priority == .waiting && now - waiter.queuedAt >= agingAfter ? .busy : waiter.priority
        }
        var best = 0, bestPriority = effective(waiters[0])
        for index in waiters.indices.dropFirst() {
            let priority = effective(waiters[index])
            if priority > bestPriority { (best, bestPriority) = (index, priority) }
        }
        return best
    }

    /// Makes sure the queue is woken when its next request may go. A timer that is no longer needed is left to
    /// fire and find nothing to do, rather than cancelled, so a test clock always knows who sleeps on it.
    private func schedule() {
        guard !waiters.isEmpty else { return }
        let now = clock.now()
        let due = nextGrant(at: now)
        if due <= now {
            dispatch()
            return
        }
        // A timer due sooner wakes, finds nothing to grant and re-arms; one due later would grant too late.
        if let timer, timer.deadline <= due { return }
        timerGeneration += 1
        sleepingTimers += 1
        let generation = timerGeneration, sleepUntil = clock.sleepUntil
        Task {
            try? await sleepUntil(due)
            self.timerFired(generation)
        }
        timer = (due, generation)
    }

    private func timerFired(_ generation: Int) {
        sleepingTimers -= 1
        guard timer?.generation == generation else { return }
        timer = nil
        dispatch()
    }

    /// A cancelled waiter leaves the queue; nothing was counted for it.
    private func withdraw(_ ticket: Int) {
        guard let index = waiters.firstIndex(where: { $0.ticket == ticket }) else { return }
        let waiter = waiters.remove(at: index)
        waiter.continuation.resume(throwing: CancellationError())
    }
}
