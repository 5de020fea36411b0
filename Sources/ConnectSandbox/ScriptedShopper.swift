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
    private let client: ConnectClient
    private let userClient: ConnectClient?
    private let userID: String?
    private let clock: ScriptedShopperClock
    private let pollInterval: Duration
    private var replyRandom: ScenarioRandom

    private var shopperID: String?
    private var batchIDs: [DemoBatchRole: String] = [:]
    /// The main batch's state as the sandbox last reported it; chat is answered only while it is open.
    private var mainBatchState: String?

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
    private var pollFailing = false
    private var answered: Set<String> = []
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
        self.clock = ScriptedShopperClock(clock)
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

    private var cancelled: Bool { stopped || Task.isCancelled }

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

    private func emit(_ event: ScriptedShopperEvent) {
        continuation.yield(event)
    }

    // MARK: - Steps

    private func perform(_ index: Int) async {
        let step = scenario.steps[index]
        emit(.stepStarted(index: index, step: step))
        do {
            try await attempt(step.action)
            emit(.stepDone(index: index, step: step))
        } catch where Self.worthRetrying(error) && !cancelled {
            do {
                try await attempt(step.action)
                emit(.stepDone(index: index, step: step))
            } catch {
                emit(.failed(index: index, what: step.description, error: Self.describe(error)))
            }
        } catch {
            emit(.failed(index: index, what: step.description, error: Self.describe(error)))
        }
    }

    private func attempt(_ action: DemoAction) async throws {
        switch action {
        case .createShopper(let name):
            let slug = name.lowercased().filter { $0.isASCII && $0.isLetter }
            let request = CreateShopperRequest(email: "\(slug).\(scenario.seed)@shoppers.example.com", phone: "555-0100",
                                               password: "demo-\(scenario.seed)", displayName: name)
            shopperID = try await client.createShopper(request).id.value
        case .createBatch(let role, let type):
            let shopper = try need(shopperID, "no shopper to assign: creating the shopper failed earlier")
            let request = CreateBatchRequest(batchType: type, shopperID: FlexibleID(shopper),
                                             orders: [BatchOrderRef(id: FlexibleID(orderID), userID: userID)])
            let batch = try await client.createBatch(request)
            batchIDs[role] = batch.id.value
            if role == .main { mainBatchState = batch.workflowState }
        case .advance(let role, let state):
            let batch = try need(batchIDs[role], "no \(role.rawValue) batch: creating it failed earlier")
            let reply = try await client.advanceBatch(batch, to: state)
            if role == .main { mainBatchState = reply.workflowState }
        case .updateItem(let line, let update):
            let shopper = try need(shopperID, "no shopper: creating the shopper failed earlier")
            _ = try await client.updateShopperItem(shopperID: shopper, orderID: orderID, lineNum: line, update)
        case .say(let text):
            _ = try await client.shopperSays(orderID: orderID, body: text)
        case .move(let point):
            _ = try await client.moveShopper(orderID: orderID, to: point)
        case .userArrived:
            let customer = try need(userClient, "no user token was given, so the customer cannot say they arrived")
            _ = try await customer.userArrived(orderID: orderID)
        }
    }

    private func need<T>(_ value: T?, _ problem: String) throws -> T {
        guard let value else { throw ConnectError.invalidRequest(problem) }
        return value
    }

    // MARK: - Chat

    /// The customer can write only while the shopper picks, so that is when the shopper reads.
    private var chatIsOpen: Bool {
        mainBatchState == "picking" || mainBatchState == "verifying_replacements"
    }

    /// Reads the conversation and answers each customer message it has not answered yet, once.
    private func pollChat() async {
        let conversation: ChatConversation
        do {
            conversation = try await client.shopperConversation(orderID: orderID)
            pollFailing = false
        } catch {
            // One report per run of failures, not one a second.
            if !pollFailing { emit(.failed(index: nil, what: "read the chat", error: Self.describe(error))) }
            pollFailing = true
            return
        }
        for message in conversation.chatMessages where message.senderType == .user {
            guard answered.insert(message.id.value).inserted else { continue }
            let reply = ScenarioLines.reply(to: message.body, using: &replyRandom)
            do {
                _ = try await client.shopperSays(orderID: orderID, body: reply)
                emit(.replied(to: message.body, reply: reply))
            } catch {
                emit(.failed(index: nil, what: "reply to \"\(message.body.prefix(40))\"", error: Self.describe(error)))
            }
        }
    }

    // MARK: - Errors

    /// Worth one more try: the request never arrived, or the server was busy or broken for a moment.
    static func worthRetrying(_ error: any Error) -> Bool {
        switch error as? ConnectError {
        case .transport(_, _, _, let mayHaveBeenSent): !mayHaveBeenSent
        case .http(_, let status, _, _): status == 408 || status == 429 || status >= 500
        default: false
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? ConnectError { return error.description }
        return String(describing: error)
    }
}
