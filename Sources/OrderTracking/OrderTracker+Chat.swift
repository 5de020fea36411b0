import ConnectModels
import Foundation

extension OrderTracker {
    // MARK: - The outbox

    /// Takes the saved messages, unless another watcher of this order holds them; then tries again until
    /// that watcher exits, and takes over its messages and those written here meanwhile.
    func loadOutbox() {
        guard outboxStore != nil else { return }
        if !takeSavedMessages() {
            emit(.notice(.warning("another ordertop is watching this order and holds its unsent messages; "
                                  + "messages written here are kept in memory until it exits")))
            let clock = clock, interval = configuration.normalInterval
            lockRetry = Task {
                while !Task.isCancelled {
                    do { try await clock.sleep(for: interval) } catch { return }
                    if self.takeSavedMessagesLater() { return }
                }
            }
        }
        if !outbox.messages.isEmpty { emit(.outbox(outbox.messages)) }
    }

    /// True when this watcher holds the saved messages now (or there is no store, or it cannot be used).
    private func takeSavedMessages() -> Bool {
        guard let store = outboxStore else { return true }
        do {
            guard let lock = try store.lock() else { return false }
            outboxLock = lock
            outbox.adopt(saved: try store.load())
            if !outbox.isSettled { try store.save(outbox.messages) }
        } catch {
            // The state directory is unusable: messages live in memory only, and the person is told why.
            outboxStore = nil
            emit(.notice(.error("\(error)")))
        }
        return true
    }

    private func takeSavedMessagesLater() -> Bool {
        guard lifecycle == .running else {
            lockRetry = nil
            return true
        }
        guard takeSavedMessages() else { return false }
        lockRetry = nil
        if outboxLock != nil { emit(.notice(.info("The other watcher of this order exited: its unsent messages are sent from here"))) }
        emit(.outbox(outbox.messages))
        ensureSender()
        return true
    }

    /// Queues a chat message. Refuses empty text and text over the chat's limit, with the reason.
    @discardableResult
    public func send(_ body: String) throws -> OutboxMessage {
        let message = try outbox.enqueue(body, at: now())
        outboxChanged()
        ensureSender()
        return message
    }

    /// Puts every failed message back in the queue, in their order; returns how many.
    @discardableResult
    public func retryFailed() -> Int {
        let count = outbox.requeueFailed()
        guard count > 0 else { return 0 }
        outboxChanged()
        ensureSender()
        return count
    }

    /// The tasks alive (polling, sending, waiting for the outbox lock), for tests that wait until all of them sleep.
    public var activeTaskCount: Int { runningEndpoints.count + (sender == nil ? 0 : 1) + (lockRetry == nil ? 0 : 1) }

    /// The outbox as it stands.
    public var outboxMessages: [OutboxMessage] { outbox.messages }

    private func outboxChanged() {
        // Only the holder of the lock writes the file, or two watchers would overwrite each other.
        if let outboxStore, outboxLock != nil {
            do { try outboxStore.save(outbox.messages) } catch { emit(.notice(.error("\(error)"))) }
        }
        emit(.outbox(outbox.messages))
    }

    private func changeOutbox(_ change: (inout ChatOutbox) -> Void) {
        change(&outbox)
        outboxChanged()
    }

    // MARK: - The sender

    /// A request succeeded after one failed: the network is back, so a message waiting out its backoff goes now.
    func serverAnswered() {
        guard lastRequestFailed else { return }
        lastRequestFailed = false
        guard senderAwaitsRetry, let sender else { return }
        sender.task.cancel()
        self.sender = nil
        senderAwaitsRetry = false
        ensureSender()
    }

    /// Starts the sender when messages wait and none is running.
    func ensureSender() {
        guard lifecycle == .running, sender == nil, outbox.hasPending else { return }
        senderGeneration += 1
        let generation = senderGeneration
        sender = (Task { await self.runSender(generation) }, generation)
    }

    private func runSender(_ generation: Int) async {
        defer { if sender?.generation == generation { sender = nil } }
        var failures = 0
        func pause(_ delay: Duration) async -> Bool { (try? await clock.sleep(for: delay)) != nil }
        /// Waits out a failed attempt; a server that answers again in the meantime ends the wait early.
        func retry(after delay: Duration) async -> Bool {
            senderAwaitsRetry = true
            defer { if sender?.generation == generation { senderAwaitsRetry = false } }
            return await pause(delay)
        }
        while !Task.isCancelled, !stopped {
            guard let message = outbox.next else { return }
            switch ChatWindow(order: data.order, conversationExpired: data.conversation?.isExpired == true) {
            case .open: break
            case .notYetOpen:
                // The order is not read yet, or shopping has not started: the message waits for the window.
                if await !pause(configuration.normalInterval) { return }
                continue
            case .closed(let reason):
                changeOutbox { $0.markFailed(message.id, reason: reason) }
                continue
            }
            if outbox.needsDeliveryCheck(message) {
                // An earlier attempt may have reached the server; look before sending again.
                let conversation: ChatConversation
                do { conversation = try await source.chatMessages(orderID: orderID) } catch {
                    failures += 1
                    lastRequestFailed = true
                    let wait = configuration.sendBackoff.delay(attempt: failures, unit: random.unit())
                    changeOutbox { $0.retry(message.id, at: now().addingTimeInterval(wait.secondsDouble), reason: Self.shortReason(error)) }
                    if await !retry(after: wait) { return }
                    continue
                }
                serverAnswered()
                publish(.chat(conversation))
                if let remoteID = outbox.deliveredCopy(of: message, in: conversation, clockSkew: configuration.clockSkewTolerance) {
                    changeOutbox { $0.markSent(message.id, remoteID: remoteID) }
                    continue
                }
            }
            changeOutbox { $0.markSending(message.id, at: now()) }
            do {
                let reply = try await source.sendChatMessage(orderID: orderID, body: message.body, imageURL: nil)
                failures = 0
                lastRequestFailed = false
                changeOutbox { $0.markSent(message.id, remoteID: reply.id.value) }
                emit(.notice(.success("Message sent")))
                if case .poll? = pollers[.chat]?.mode { restart(.chat) }
            } catch {
                failures += 1
                lastRequestFailed = true
                switch configuration.failurePolicy.decideSend(error: error, attempt: failures, unit: random.unit()) {
                case .pauseForToken:
                    changeOutbox { $0.requeue(message.id) }
                    setStatus(.chat, .tokenRejected)
                    pollers[.chat]?.pausedForToken = true
                    return
                case .refuse(let reason):
                    changeOutbox { $0.markFailed(message.id, reason: reason) }
                    emit(.notice(.error("Message refused: \(reason)")))
                case .retry(let after):
                    changeOutbox { $0.retry(message.id, at: now().addingTimeInterval(after.secondsDouble), reason: Self.shortReason(error)) }
                    if await !retry(after: after) { return }
                }
            }
        }
    }

    /// What went wrong, in a few words for the chat pane ("HTTP 503", "connection refused").
    static func shortReason(_ error: any Error) -> String {
        guard let error = error as? ConnectError else { return "\(error)" }
        switch error {
        case .http(_, let status, _, _): return "HTTP \(status)"
        case .transport(_, _, let reason, _): return reason
        case .decoding: return "a reply that did not decode"
        case .invalidRequest(let reason): return reason
        }
    }

    // MARK: - Read receipts

    /// Marks unread shopper messages read, once per new batch of them. The dashboard calls it while the chat is on screen.
    public func markRead() async {
        guard let conversation = data.conversation, !stopped else { return }
        let fresh = Set(conversation.unreadShopperMessages.map(\.id)).subtracting(markedReadIDs)
        guard !fresh.isEmpty else { return }
        markedReadIDs.formUnion(fresh)
        do {
            _ = try await source.markChatRead(orderID: orderID)
            // Show the change now: after checkout the chat is not polled, so no fetch would bring it.
            if var updated = data.conversation {
                let readAt = now()
                for i in updated.chatMessages.indices where fresh.contains(updated.chatMessages[i].id) {
                    updated.chatMessages[i].read = true
                    updated.chatMessages[i].readAt = updated.chatMessages[i].readAt ?? readAt
                }
                publish(.chat(updated))
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
        guard let order = data.order else { throw TrackerRefusal(ReplacementDecisionRefusal.orderNotLoaded.description) }
        guard let item = data.items?.first(where: { $0.id.value == lineItemID }) else {
            throw TrackerRefusal("No item \(lineItemID) in this order")
        }
        if let refusal = item.replacementDecisionRefusal(in: order.workflowState) { throw TrackerRefusal(refusal.description) }
        try await source.decideReplacement(orderID: orderID, lineItemID: lineItemID, decision: decision)
        emit(.notice(.success("Replacement \(decision.status == .approved ? "approved" : "rejected"): \(item.replacement?.name ?? item.item.name)")))
        if case .poll? = pollers[.items]?.mode { restart(.items) }
    }
}
