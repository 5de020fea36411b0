
import ConnectModels
import Foundation

/// Cadences and retry policy of a tracker.
public struct TrackerConfiguration: Sendable {
    /// How often active endpoints are polled once a shopper is assigned.
    public var normalInterval: Duration
    /// How often the order is polled while it waits for a shopper, and how often a forbidden or missing order is retried.
    public var slowInterval: Duration
    /// Retry policy for transient failures.
    public var backoff: Backoff
    /// Seeds the jitter, for repeatable tests.
    public var seed: UInt64
    /// How far the server's clock may be behind ours when matching a resent message.
    public var clockSkewTolerance: TimeInterval

    public init(normalInterval: Duration = .seconds(5), slowInterval: Duration = .seconds(30), backoff: Backoff = Backoff(),
                seed: UInt64 = UInt64.random(in: 0...UInt64.max), clockSkewTolerance: TimeInterval = 30) {
        self.normalInterval = normalInterval
        self.slowInterval = slowInterval
        self.backoff = backoff
        self.seed = seed
        self.clockSkewTolerance = clockSkewTolerance
    }
}

/// Why a tracker refused a request locally.
public struct TrackerRefusal: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    public var reason: String
    public init(_ reason: String) { self.reason = reason }
    public var description: String { reason }
    public var errorDescription: String? { reason }
}

/// Follows one order: polls each endpoint while the documented plan says so, publishes changes, and sends chat messages.
public actor OrderTracker {
    /// Everything the tracker learns, in order. Ends after `stop()`.
    public nonisolated let events: AsyncStream<TrackerEvent>
    /// The order followed.
    public nonisolated let orderID: String

    private let continuation: AsyncStream<TrackerEvent>.Continuation
    private var client: any OrderDataSource
    private let configuration: TrackerConfiguration
    private let clock: any Clock<Duration>
    private let now: @Sendable () -> Date
    private var outboxStore: OutboxStore?
    private var outboxLock: OutboxLock?
    private var random: SplitMix64

    private var plan: PollPlan
    private var fulfillmentType: FulfillmentType?
    private var tasks: [TrackedEndpoint: Task<Void, Never>] = [:]
    private var generations: [TrackedEndpoint: Int] = [:]
    private var modes: [TrackedEndpoint: PollMode] = [:]
    private var running: Set<TrackedEndpoint> = []
    private var pausedForToken: Set<TrackedEndpoint> = []
    private var statuses: [TrackedEndpoint: ConnectionStatus] = [:]

    private var order: Order?
    private var items: [LineItem]?
    private var handling: Handling?
    private var location: Coordinates??
    private var conversation: ChatConversation?

    private var outbox: [OutboxMessage] = []
    private var senderTask: Task<Void, Never>?
    private var senderGeneration = 0
    private var markedReadIDs: Set<FlexibleID> = []
    private var started = false
    private var stopped = false
    private var finishedEmitted = false

    public init(client: any OrderDataSource, orderID: String, configuration: TrackerConfiguration = TrackerConfiguration(),
                clock: any Clock<Duration> = ContinuousClock(), outboxStore: OutboxStore? = nil,
                now: @escaping @Sendable () -> Date = { Date() }) {
        self.client = client
        self.orderID = orderID
        self.configuration = configuration
        self.clock = clock
        self.outboxStore = outboxStore
        self.now = now
        self.random = SplitMix64(seed: configuration.seed)
        self.plan = PollPlan.initial(for: nil)
        (events, continuation) = AsyncStream.makeStream(of: TrackerEvent.self, bufferingPolicy: .unbounded)
    }

    // MARK: - Life cycle

    /// Loads the saved outbox and starts polling.
    public func start() {
        guard !started, !stopped else { return }
        started = true
        if let store = outboxStore {
            do {
                guard let lock = try store.lock() else {
                    // Another watcher owns the saved messages; sending them from here too would send them twice.
                    outboxStore = nil
                    throw OutboxError.storage("another ordertop is watching this order and holds its unsent messages; "
                                              + "messages written here are not saved")
                }
                outboxLock = lock
                outbox = try store.load()
                // A message caught mid-send may have reached the server: it is checked before any resend.
                for i in outbox.indices where outbox[i].state == .sending {
                    outbox[i].state = .queued
                    outbox[i].attempts = max(outbox[i].attempts, 1)
                }
            } catch {
                emit(.notice(.warning("\(error)")))
            }
        }
        if !outbox.isEmpty { emit(.outbox(outbox)) }
        apply(plan)
        ensureSender()
    }

    /// Cancels every task and waits for them, then ends the event stream.
    public func stop() async {
        guard !stopped else { return }
        stopped = true
        let all = Array(tasks.values) + (senderTask.map { [$0] } ?? [])
        for task in all { task.cancel() }
        for task in all { await task.value }
        tasks.removeAll()
        running.removeAll()
        senderTask = nil
        outboxLock?.release()
        outboxLock = nil
        continuation.finish()
    }

    /// Replaces the token and restarts what a 401 paused.
    public func updateToken(_ token: BearerToken) {
        client = client.with(token: token)
        let paused = pausedForToken
        pausedForToken.removeAll()
        for endpoint in paused { restart(endpoint) }
        ensureSender()
    }

    /// Fetches every active endpoint now instead of at its next tick.
    public func refreshNow() {
        guard !stopped else { return }
        for endpoint in TrackedEndpoint.allCases {
            switch modes[endpoint] ?? .off {
            case .poll: restart(endpoint)
            case .once where running.contains(endpoint): restart(endpoint)
            default: break
            }
        }
    }

    /// The plan in force, for tests and diagnostics.
    public var currentPlan: PollPlan { plan }

    /// The tasks still running, for tests: empty after `stop()`.
    public var runningEndpoints: Set<TrackedEndpoint> { running }

    // MARK: - Plan

    private func apply(_ newPlan: PollPlan) {
        guard !stopped else { return }
        plan = newPlan
        for endpoint in TrackedEndpoint.allCases {
            let mode = newPlan[endpoint]
            let previous = modes[endpoint]
            if previous == mode { continue }
            modes[endpoint] = mode
            if mode == .off {
                cancel(endpoint)
                setStatus(endpoint, .idle)
            } else if !pausedForToken.contains(endpoint) {
                // A polled endpoint whose cadence changed has just been fetched: wait one period first.
                if case .poll? = previous, case .poll(let cadence) = mode {
                    restart(endpoint, after: interval(cadence))
                } else {
                    restart(endpoint)
                }
            }
        }
        checkFinished()
    }

    private func cancel(_ endpoint: TrackedEndpoint) {
        tasks[endpoint]?.cancel()
        tasks[endpoint] = nil
        generations[endpoint, default: 0] += 1
        running.remove(endpoint)
    }

    private func restart(_ endpoint: TrackedEndpoint, after initialDelay: Duration? = nil) {
        guard !stopped else { return }
        cancel(endpoint)
        let mode = modes[endpoint] ?? .off
        guard mode != .off else { return }
        let generation = generations[endpoint, default: 0]
        running.insert(endpoint)
        let clock = clock
        tasks[endpoint] = Task {
            if let initialDelay {
                do { try await clock.sleep(for: initialDelay) } catch { return }
            }
            await self.run(endpoint, mode: mode, generation: generation)
        }
    }

    private func interval(_ cadence: PollMode.Cadence) -> Duration {
        cadence == .slow ? configuration.slowInterval : configuration.normalInterval
    }

    /// What one fetch led to.
    private enum Outcome {
        case ok
        case retry(after: Duration?, status: ConnectionStatus?, reason: String)
        case tokenRejected
        case stop(ConnectionStatus)
        case slow(ConnectionStatus)
    }

    private func run(_ endpoint: TrackedEndpoint, mode: PollMode, generation: Int) async {
        var failures = 0
        while !Task.isCancelled, !stopped {
            let outcome = await fetch(endpoint)
            guard !Task.isCancelled, generations[endpoint] == generation else { return }
            let delay: Duration
            switch outcome {
            case .ok:
                failures = 0
                setStatus(endpoint, .live)
                switch mode {
                case .once, .off:
                    finish(endpoint, generation)
                    return
                case .poll(let cadence):
                    delay = interval(cadence)
                }
            case .retry(let after, let status, let reason):
                failures += 1
                let wait = after ?? configuration.backoff.delay(attempt: failures, unit: random.unit())
                delay = wait
                setStatus(endpoint, status ?? .retrying(after: wait, reason: reason))
            case .tokenRejected:
                setStatus(endpoint, .tokenRejected)
                pausedForToken.insert(endpoint)
                finish(endpoint, generation)
                return
            case .stop(let status):
                setStatus(endpoint, status)
                finish(endpoint, generation)
                return
            case .slow(let status):
                setStatus(endpoint, status)
                delay = configuration.slowInterval
            }
            do { try await clock.sleep(for: delay) } catch { return }
        }
    }

    private func finish(_ endpoint: TrackedEndpoint, _ generation: Int) {
        guard generations[endpoint] == generation else { return }
        running.remove(endpoint)
        tasks[endpoint] = nil
        checkFinished()
    }

    private func checkFinished() {
        guard !finishedEmitted, let state = order?.workflowState, state.isFinal, running.isEmpty else { return }
        finishedEmitted = true
        emit(.finished(state))
    }

    // MARK: - Fetching

    private func fetch(_ endpoint: TrackedEndpoint) async -> Outcome {
        do {
            switch endpoint {
            case .order:
                let fresh = try await client.order(orderID)
                guard !Task.isCancelled else { return .ok }
                if fresh != order {
                    order = fresh
                    fulfillmentType = fresh.fulfillmentType
                    emit(.order(fresh))
                }
                if let next = PollPlan.plan(for: fresh.fulfillmentType, state: fresh.workflowState) {
                    apply(next)
                } else if plan == PollPlan.initial(for: nil) {
                    // An unknown first state: keep polling the order and fetch what is fetched at the start.
                    apply(PollPlan.initial(for: fresh.fulfillmentType))
                }
            case .items:
                let fresh = try await client.items(orderID: orderID)
                guard !Task.isCancelled else { return .ok }
                if fresh != items {
                    items = fresh
                    emit(.items(fresh))
                }
            case .handling:
                let fresh = try await client.handling(orderID: orderID)
                guard !Task.isCancelled else { return .ok }
                if fresh != handling {
                    handling = fresh
                    emit(.handling(fresh))
                }
            case .location:
                let fresh = try await client.location(orderID: orderID).coordinates
                guard !Task.isCancelled else { return .ok }
                if location == nil || location! != fresh {
                    location = .some(fresh)
                    emit(.location(fresh))
                }
            case .chat:
                let fresh = try await client.chatMessages(orderID: orderID)
                guard !Task.isCancelled else { return .ok }
                take(fresh)
            }
            return .ok
        } catch let error as ConnectError {
            return outcome(for: error, endpoint: endpoint)
        } catch {
            return .retry(after: nil, status: nil, reason: "\(error)")
        }
    }

    private func take(_ fresh: ChatConversation) {
        guard fresh != conversation else { return }
        conversation = fresh
        emit(.chat(fresh))
    }

    private func outcome(for error: ConnectError, endpoint: TrackedEndpoint) -> Outcome {
        switch error {
        case .http(_, let status, let body, let retryAfter):
            switch status {
            case 401: return .tokenRejected
            case 403:
                let message = body?.message ?? "forbidden"
                // The location endpoint answers 403 when the retailer hides shopper data: it will not change.
                return endpoint == .location ? .stop(.forbidden(message)) : .slow(.forbidden(message))
            case 404 where endpoint == .order: return .slow(.notFound)
            case 429: return .retry(after: retryAfter, status: nil, reason: "rate limited (429)")
            default:
                return .retry(after: retryAfter, status: nil, reason: "HTTP \(status)" + (body.map { ": \($0.message)" } ?? ""))
            }
        case .decoding:
            return .retry(after: nil, status: .badReply(error.description), reason: error.description)
        case .transport(_, _, let reason, _):
            return .retry(after: nil, status: nil, reason: reason)
        case .invalidRequest(let reason):
            return .stop(.badReply(reason))
        }
    }

    // MARK: - Events

    private func emit(_ event: TrackerEvent) {
        guard !stopped else { return }
        continuation.yield(event)
    }

    private func setStatus(_ endpoint: TrackedEndpoint, _ status: ConnectionStatus) {
        guard statuses[endpoint] != status else { return }
        // An endpoint that was never asked for has nothing to report.
        if status == .idle && statuses[endpoint] == nil { return }
        statuses[endpoint] = status
        emit(.connection(endpoint, status))
    }

    // MARK: - Chat outbox

    /// Queues a chat message. Refuses empty text and text over 1000 characters with the reason.
    @discardableResult
    public func send(_ body: String) throws -> OutboxMessage {
        if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw OutboxError.empty }
        let length = SendChatMessageRequest.length(of: body)
        if length > SendChatMessageRequest.maximumLength { throw OutboxError.tooLong(length) }
        let message = OutboxMessage(body: body, createdAt: now())
        outbox.append(message)
        outboxChanged()
        ensureSender()
        return message
    }

    /// Puts every failed message back in the queue, in their order; returns how many.
    @discardableResult
    public func retryFailed() -> Int {
        var count = 0
        for i in outbox.indices {
            if case .failed = outbox[i].state {
                outbox[i].state = .queued
                count += 1
            }
        }
        guard count > 0 else { return 0 }
        outboxChanged()
        ensureSender()
        return count
    }

    /// The outbox as it stands.
    public var outboxMessages: [OutboxMessage] { outbox }

    private func outboxChanged() {
        if let outboxStore {
            do { try outboxStore.save(outbox) } catch { emit(.notice(.error("\(error)"))) }
        }
        emit(.outbox(outbox))
    }

    private func update(_ id: UUID, _ change: (inout OutboxMessage) -> Void) {
        guard let i = outbox.firstIndex(where: { $0.id == id }) else { return }
        change(&outbox[i])
        outboxChanged()
    }

    private func ensureSender() {
        guard started, !stopped, senderTask == nil, outbox.contains(where: \.isPending) else { return }
        senderGeneration += 1
        let generation = senderGeneration
        senderTask = Task { await self.runSender(generation) }
    }

    private func runSender(_ generation: Int) async {
        defer { if senderGeneration == generation { senderTask = nil } }
        var failures = 0
        while !Task.isCancelled, !stopped {
            guard let message = outbox.first(where: \.isPending) else { return }
            guard let order else {
                // The window is unknown until the order has been read.
                if (try? await clock.sleep(for: configuration.normalInterval)) == nil { return }
                continue
            }
            switch ChatWindow(order: order, conversationExpired: conversation?.isExpired == true) {
            case .open: break
            case .notYetOpen:
                // Shopping has not started yet: the message waits for the window to open.
                if (try? await clock.sleep(for: configuration.normalInterval)) == nil { return }
                continue
            case .closed(let reason):
                update(message.id) { $0.state = .failed(reason: reason) }
                continue
            }
            if message.attempts > 0 {
                // An earlier attempt may have reached the server; look before sending again.
                switch await alreadyDelivered(message) {
                case .some(let remoteID?):
                    update(message.id) { $0.state = .sent(remoteID: remoteID) }
                    continue
                case .some(nil):
                    break
                case nil:
                    failures += 1
                    if (try? await clock.sleep(for: configuration.backoff.delay(attempt: failures, unit: random.unit()))) == nil { return }
                    continue
                }
            }
            update(message.id) {
                $0.state = .sending
                $0.attempts += 1
                if $0.firstAttemptAt == nil { $0.firstAttemptAt = now() }
            }
            do {
                let reply = try await client.sendChatMessage(orderID: orderID, body: message.body, imageURL: nil)
                failures = 0
                update(message.id) { $0.state = .sent(remoteID: reply.id.value) }
                emit(.notice(.success("Message sent")))
                restartChatIfPolling()
            } catch let error as ConnectError {
                switch error {
                case .http(_, 401, _, _):
                    update(message.id) { $0.state = .queued }
                    setStatus(.chat, .tokenRejected)
                    pausedForToken.insert(.chat)
                    return
                case .http(_, let status, let body, let retryAfter) where (400..<500).contains(status) && status != 408 && status != 429:
                    let reason = body?.message ?? "HTTP \(status)"
                    update(message.id) { $0.state = .failed(reason: reason) }
                    emit(.notice(.error("Message refused: \(reason)")))
                    _ = retryAfter
                case .invalidRequest(let reason):
                    update(message.id) { $0.state = .failed(reason: reason) }
                default:
                    failures += 1
                    update(message.id) { $0.state = .queued }
                    var wait = configuration.backoff.delay(attempt: failures, unit: random.unit())
                    if case .http(_, _, _, let retryAfter?) = error { wait = retryAfter }
                    if (try? await clock.sleep(for: wait)) == nil { return }
                }
            } catch {
                update(message.id) { $0.state = .queued }
                return
            }
        }
    }

    /// nil when the conversation could not be read; `.some(nil)` when the message is not there; else its server id.
    private func alreadyDelivered(_ message: OutboxMessage) async -> String?? {
        let fresh: ChatConversation
        do { fresh = try await client.chatMessages(orderID: orderID) } catch { return nil }
        take(fresh)
        let claimed = Set(outbox.compactMap { m -> String? in if case .sent(let id) = m.state { id } else { nil } })
        let since = (message.firstAttemptAt ?? message.createdAt).addingTimeInterval(-configuration.clockSkewTolerance)
        let match = fresh.chatMessages.first { m in
            return fresh.isFromCustomer(m) && !claimed.contains(m.id.value)
                && m.body.trimmingCharacters(in: .whitespacesAndNewlines) == message.body.trimmingCharacters(in: .whitespacesAndNewlines)
                && (m.createdAt.map { $0 >= since } ?? true)
        }
        return .some(match?.id.value)
    }

    private func restartChatIfPolling() {
        if case .poll = modes[.chat] ?? .off { restart(.chat) }
    }

    /// Marks unread shopper messages read, once per new batch of them. The dashboard calls it while the chat is on screen.
    public func markRead() async {
        guard let conversation, !stopped else { return }
        let unread = conversation.unreadShopperMessages.map(\.id)
        let fresh = Set(unread).subtracting(markedReadIDs)
        guard !fresh.isEmpty else { return }
        markedReadIDs.formUnion(fresh)
        do {
            _ = try await client.markChatRead(orderID: orderID)
            // Show the change now: after checkout the chat is not polled, so no fetch would bring it.
            if var updated = self.conversation {
                let readAt = now()
                for i in updated.chatMessages.indices where fresh.contains(updated.chatMessages[i].id) {
                    updated.chatMessages[i].read = true
                    updated.chatMessages[i].readAt = updated.chatMessages[i].readAt ?? readAt
                }
                take(updated)
            }
        } catch {
            markedReadIDs.subtract(fresh)
            emit(.notice(.warning("Could not mark messages read: \(error)")))
        }
    }

    // MARK: - Replacements

    /// Approves a suggested replacement; refuses locally when the documented preconditions do not hold.
    public func approve(lineItemID: String) async throws {
        try await decide(lineItemID: lineItemID, .approve)
    }

    /// Rejects a suggested replacement; refuses locally when the documented preconditions do not hold.
    public func reject(lineItemID: String, alternative: AlternativeItem? = nil) async throws {
        try await decide(lineItemID: lineItemID, ReplacementDecision(status: .rejected, alternativeItem: alternative))
    }

    private func decide(lineItemID: String, _ decision: ReplacementDecision) async throws {
        guard let order else { throw TrackerRefusal(ReplacementDecisionRefusal.orderNotLoaded.description) }
        guard let item = items?.first(where: { $0.id.value == lineItemID }) else {
            throw TrackerRefusal("No item \(lineItemID) in this order")
        }
        if let refusal = item.replacementDecisionRefusal(in: order.workflowState) { throw TrackerRefusal(refusal.description) }
        try await client.decideReplacement(orderID: orderID, lineItemID: lineItemID, decision: decision)
        emit(.notice(.success("Replacement \(decision.status == .approved ? "approved" : "rejected"): \(item.replacement?.name ?? item.item.name)")))
        if case .poll = modes[.items] ?? .off { restart(.items) }
    }
}
