import ConnectModels
import Foundation

/// Follows one order: polls each endpoint while the documented plan says so, publishes changes, and sends
/// chat messages. A thin actor: the plan (`PollPlan`), the failure rules (`FailurePolicy`), the outbox
/// (`ChatOutbox`) and each endpoint's task (`EndpointPoller`) are parts of their own.
public actor OrderTracker {
    /// Everything the tracker learns, in order. Ends after `stop()`.
    public nonisolated let events: TrackerEvents
    /// The order followed.
    public nonisolated let orderID: String

    let continuation: AsyncStream<StampedEvent>.Continuation
    var source: any OrderDataSource
    let configuration: TrackerConfiguration
    let clock: any Clock<Duration>
    let now: @Sendable () -> Date
    var random: SplitMix64

    var plan = PollPlan.initial(for: nil)
    var pollers: [TrackedEndpoint: EndpointPoller]
    var data = PublishedData()

    var outbox = ChatOutbox()
    var outboxStore: OutboxStore?
    var outboxLock: OutboxLock?
    var sender: (task: Task<Void, Never>, generation: Int)?
    var senderGeneration = 0
    /// True while the sender sleeps before retrying; a server that answers again wakes it.
    var senderAwaitsRetry = false
    /// Set by any failed request, cleared by the next success, which then wakes a waiting sender.
    var lastRequestFailed = false
    /// Tries again to take the saved messages while another watcher holds them.
    var lockRetry: Task<Void, Never>?
    /// Tasks cancelled without `stop()`, which `stop()` still waits for.
    var retired: [Task<Void, Never>] = []
    var markedReadIDs: Set<FlexibleID> = []

    var lifecycle = Lifecycle.new
    var finishedEmitted = false

    /// `ended`: the order is gone for this token; nothing more is asked for, but the events stay open.
    enum Lifecycle { case new, running, ended, stopped }

    public init(client: any OrderDataSource, orderID: String, configuration: TrackerConfiguration = TrackerConfiguration(),
                clock: any Clock<Duration> = ContinuousClock(), outboxStore: OutboxStore? = nil,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.source = client
        self.orderID = orderID
        self.configuration = configuration
        self.clock = clock
        self.outboxStore = outboxStore
        self.now = now
        self.random = SplitMix64(seed: configuration.seed)
        self.pollers = Dictionary(uniqueKeysWithValues: TrackedEndpoint.allCases.map { ($0, EndpointPoller(endpoint: $0)) })
        let (stamped, continuation) = AsyncStream.makeStream(of: StampedEvent.self, bufferingPolicy: .unbounded)
        (events, self.continuation) = (TrackerEvents(stamped: stamped), continuation)
    }

    var stopped: Bool { lifecycle == .stopped || lifecycle == .ended }

    // MARK: - Life cycle

    /// Loads the saved outbox and starts polling.
    public func start() {
        guard lifecycle == .new else { return }
        lifecycle = .running
        loadOutbox()
        apply(plan)
        ensureSender()
    }

    /// Cancels every task and waits for them, then ends the event stream.
    public func stop() async {
        guard lifecycle != .stopped else { return }
        lifecycle = .stopped
        var all = pollers.values.compactMap(\.task)
        if let sender { all.append(sender.task) }
        if let lockRetry { all.append(lockRetry) }
        all += retired
        for key in pollers.keys { pollers[key]?.cancel() }
        sender = nil
        for task in all { task.cancel() }
        for task in all { await task.value }
        // The lock file goes, so the state directory does not collect one per order ever watched; the
        // outbox file itself is already gone when nothing is left to send.
        outboxLock?.release(removingFile: true)
        outboxLock = nil
        continuation.finish()
    }

    /// Replaces the token and restarts what a 401 paused.
    public func updateToken(_ token: BearerToken) {
        source = source.with(token: token)
        for (endpoint, poller) in pollers where poller.pausedForToken {
            pollers[endpoint]?.pausedForToken = false
            restart(endpoint)
        }
        ensureSender()
    }

    /// Fetches every active endpoint now instead of at its next tick.
    public func refreshNow() {
        guard !stopped else { return }
        for (endpoint, poller) in pollers {
            switch poller.mode ?? .off {
            case .poll: restart(endpoint)
            case .once where poller.isRunning: restart(endpoint)
            default: break
            }
        }
    }

    /// The plan in force, for tests and diagnostics.
    public var currentPlan: PollPlan { plan }

    /// The tasks still running, for tests: empty after `stop()`.
    public var runningEndpoints: Set<TrackedEndpoint> { Set(pollers.values.filter(\.isRunning).map(\.endpoint)) }

    // MARK: - Events

    func emit(_ event: TrackerEvent) {
        guard lifecycle != .stopped else { return }
        continuation.yield(StampedEvent(event: event, date: now()))
    }

    /// Publishes fresh data when it differs from what was published last.
    func publish(_ event: TrackerEvent) {
        if let changed = data.take(event) { emit(changed) }
    }

    func setStatus(_ endpoint: TrackedEndpoint, _ status: ConnectionStatus) {
        let previous = pollers[endpoint]?.status
        guard previous != status else { return }
        // An endpoint that was never asked for has nothing to report.
        if status == .idle && previous == nil { return }
        pollers[endpoint]?.status = status
        emit(.connection(endpoint, status))
    }
}
