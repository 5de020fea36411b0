import ConnectClient
import ConnectModels
import Foundation

/// A scripted shopper: works one order through a `DemoScenario` on an injected clock, using only the sandbox's HTTP calls.
///
/// Run it with `start()` (or `await run()`), follow it through `events` (one consumer), and steer it with
/// `pause()`, `resume()`, `togglePause()` and `skipToNextStep()`. Failed calls are reported and the script goes on.
public actor ScriptedShopper {
    public nonisolated let scenario: DemoScenario
    public nonisolated let orderID: String
    /// How many times faster than the scenario's own timeline the shopper works.
    public nonisolated let speed: Double
    /// Progress, in order. Single consumer.
    public nonisolated let events: AsyncStream<ScriptedShopperEvent>

    private let continuation: AsyncStream<ScriptedShopperEvent>.Continuation
    let client: ConnectClient
    let userClient: ConnectClient?
    let userID: String?
    private let clock: ElapsedClock
    private let pollInterval: Duration
    var replyRandom: ScenarioRandom

    var shopperID: String?
    var batchIDs: [DemoBatchRole: String] = [:]
    /// The main batch's state as the sandbox last reported it; chat is answered only while it is open.
    var mainBatchState: String?

    /// The index of the step that runs next.
    public private(set) var nextStepIndex = 0
    public private(set) var isPaused = false
    public private(set) var isFinished = false
    private var started = false
    private var stopped = false
    private var pausedAt: Duration = .zero
    private var skipRequested = false
    /// The clock time at which the scenario offset `anchorOffset` is due; moved by pauses and skips.
    private var anchor: Duration = .zero
    private var anchorOffset: Duration = .zero
    private var nextPoll: Duration = .zero
    var pollFailing = false
    var answered: Set<String> = []
    private var sleeper: Task<Void, Never>?
    private var parked: [CheckedContinuation<Void, Never>] = []
    private var runner: Task<Void, Never>?

    /// - Parameters:
    ///   - client: a client with a client-credentials (`connect:fulfillment`) token.
    ///   - userClient: a client with the customer's user token, needed only for pickup's `user_arrived`.
    ///   - userID: the order's Connect user id, sent with the batch as the docs suggest.
    ///   - clock: `ContinuousClock()` in production, a test clock in tests.
    ///   - speed: scales the timeline; 100 runs a 3-minute delivery in about 2 s. Must be > 0.
    ///   - pollInterval: how often, in scenario time, the shopper reads the chat while it is open.
    public init(scenario: DemoScenario, orderID: String, userID: String? = nil, client: ConnectClient,
                userClient: ConnectClient? = nil, clock: any Clock<Duration>, speed: Double = 1,
                pollInterval: Duration = .seconds(1)) {
        precondition(speed > 0 && speed.isFinite, "the speed must be a positive number")
        self.scenario = scenario
        self.orderID = orderID
        self.userID = userID
        self.client = client
        self.userClient = userClient
        self.clock = ElapsedClock(clock)
        self.speed = speed
        // Very high speeds would turn polling into a busy loop against the server.
        self.pollInterval = max(pollInterval / speed, .milliseconds(50))
        self.replyRandom = ScenarioRandom(seed: scenario.seed).derived(2)
        (events, continuation) = AsyncStream.makeStream(bufferingPolicy: .unbounded)
    }

    // MARK: - Controls

    /// Runs the script in a task of its own; does nothing if it already runs.
    public func start() {
        guard runner == nil, !started else { return }
        runner = Task { await self.run() }
    }

    /// Waits until the script has finished or stopped.
    public func waitUntilDone() async {
        await runner?.value
    }

    /// Ends the run after the step in flight; the event stream then finishes.
    public func stop() {
        stopped = true
        runner?.cancel()
        wake()
    }

    /// Holds the timeline: no further step runs until `resume()`. The shopper still answers the chat while it is open,
    /// so a viewer can pause mid-picking to try the chat.
    public func pause() {
        guard !isPaused, !isFinished else { return }
        isPaused = true
        pausedAt = clock.now()
        emit(.paused)
        wake()
    }

    /// Continues the timeline where it was held; the wait for the next step picks up where it left off.
    public func resume() {
        guard isPaused else { return }
        isPaused = false
        let held = clock.now() - pausedAt
        anchor += held
        emit(.resumed)
        wake()
    }

    /// `space` in the demo. Returns whether the shopper is paused now.
    @discardableResult
    public func togglePause() -> Bool {
        if isPaused { resume() } else { pause() }
        return isPaused
    }

    /// `n` in the demo: the next step runs now. While paused it runs that one step and stays paused.
    public func skipToNextStep() {
        guard !isFinished else { return }
        skipRequested = true
        wake()
    }

    // MARK: - The run

    /// Runs every step in order, then finishes the event stream. Returns early when stopped or cancelled.
    public func run() async {
        guard !started else { return }
        started = true
        anchor = clock.now()
        anchorOffset = .zero
        nextPoll = anchor
        while nextStepIndex < scenario.steps.count {
            guard await waitForStep(nextStepIndex) else { break }
            let index = nextStepIndex
            nextStepIndex += 1
            await perform(index)
        }
        isFinished = true
        emit(nextStepIndex >= scenario.steps.count ? .finished : .stopped)
        continuation.finish()
    }

    var cancelled: Bool { stopped || Task.isCancelled }

    /// Waits until step `index` is due, answering chat meanwhile. False when the run should end.
    private func waitForStep(_ index: Int) async -> Bool {
        let step = scenario.steps[index]
        while true {
            if cancelled { return false }
            if skipRequested {
                skipRequested = false
                let now = clock.now()
                anchor = now
                anchorOffset = step.offset
                // While paused, the hold restarts from here, so resuming keeps the gap to the step after.
                if isPaused { pausedAt = now }
                emit(.skipped(index: index, step: step))
                return true
            }
            let now = clock.now()
            if chatIsOpen && now >= nextPoll {
                await pollChat()
                nextPoll = clock.now() + pollInterval
                continue
            }
            let wakeAt: Duration
            if isPaused {
                // The step is never due while paused; only chat polls wake the shopper, if the chat is open.
                guard chatIsOpen else {
                    await park()
                    continue
                }
                wakeAt = nextPoll
            } else {
                let due = anchor + (step.offset - anchorOffset) / speed
                if now >= due { return true }
                wakeAt = chatIsOpen ? min(due, nextPoll) : due
            }
            emit(.waiting(wakeAt - now))
            await sleep(until: wakeAt)
        }
    }

    /// Sleeps on the clock in a task of its own, so pause, skip and stop can cut the sleep short.
    private func sleep(until deadline: Duration) async {
        let sleepUntil = clock.sleepUntil
        let task = Task<Void, Never> {
            do { try await sleepUntil(deadline) } catch {}
        }
        sleeper = task
        await withTaskCancellationHandler {
            await task.value
        } onCancel: {
            task.cancel()
        }
        sleeper = nil
    }

    /// Waits for `resume()`, `skipToNextStep()` or `stop()`.
    private func park() async {
        await withCheckedContinuation { parked.append($0) }
    }

    private func wake() {
        sleeper?.cancel()
        let waiting = parked
        parked.removeAll()
        for continuation in waiting { continuation.resume() }
    }

    func emit(_ event: ScriptedShopperEvent) {
        continuation.yield(event)
    }
}
