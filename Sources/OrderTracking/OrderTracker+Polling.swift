import ConnectModels

extension OrderTracker {
    /// Puts a plan in force: endpoints whose mode changed are stopped, started or re-timed.
    func apply(_ newPlan: PollPlan) {
        guard !stopped else { return }
        plan = newPlan
        for endpoint in TrackedEndpoint.allCases {
            let previous = pollers[endpoint]?.mode
            let mode = newPlan[endpoint]
            guard pollers[endpoint]?.adopt(mode) == true else { continue }
            if mode == .off {
                pollers[endpoint]?.cancel()
                setStatus(endpoint, .idle)
            } else if pollers[endpoint]?.pausedForToken != true {
                // A polled endpoint whose cadence changed has just been fetched: wait one period first.
                if case .poll? = previous, case .poll(let cadence) = mode {
                    restart(endpoint, after: configuration.interval(cadence))
                } else {
                    restart(endpoint)
                }
            }
        }
        checkFinished()
    }

    /// Starts the endpoint's task afresh (now, or after `initialDelay`) for its current mode.
    func restart(_ endpoint: TrackedEndpoint, after initialDelay: Duration? = nil) {
        guard !stopped else { return }
        let clock = clock
        pollers[endpoint]?.begin { mode, generation in
            Task {
                if let initialDelay {
                    do { try await clock.sleep(for: initialDelay) } catch { return }
                }
                await self.run(endpoint, mode: mode, generation: generation)
            }
        }
    }

    private func run(_ endpoint: TrackedEndpoint, mode: PollMode, generation: Int) async {
        var failures = 0
        while !Task.isCancelled, !stopped {
            let failure = await fetch(endpoint)
            guard !Task.isCancelled, pollers[endpoint]?.isCurrent(generation) == true else { return }
            let delay: Duration
            if let failure {
                failures += 1
                lastRequestFailed = true
                switch configuration.failurePolicy.decide(endpoint, error: failure, attempt: failures, unit: random.unit()) {
                case .retry(let after, let status):
                    setStatus(endpoint, status)
                    delay = after
                case .pauseForToken:
                    setStatus(endpoint, .tokenRejected)
                    pollers[endpoint]?.pausedForToken = true
                    finish(endpoint, generation)
                    return
                case .stop(let status):
                    setStatus(endpoint, status)
                    finish(endpoint, generation)
                    if endpoint == .order, status == .notFound { endForMissingOrder() }
                    return
                }
            } else {
                failures = 0
                setStatus(endpoint, .live)
                serverAnswered()
                guard case .poll(let cadence) = mode else {
                    finish(endpoint, generation)
                    return
                }
                delay = configuration.interval(cadence)
            }
            do { try await clock.sleep(for: delay) } catch { return }
        }
    }

    /// A missing order (or another user's) will not appear by asking again: every endpoint stops, and
    /// unsent messages stay on disk.
    private func endForMissingOrder() {
        for endpoint in TrackedEndpoint.allCases where endpoint != .order {
            if let task = pollers[endpoint]?.task { retired.append(task) }
            pollers[endpoint]?.cancel()
            setStatus(endpoint, .idle)
        }
        if let sender {
            sender.task.cancel()
            retired.append(sender.task)
        }
        sender = nil
        lifecycle = .ended
    }

    private func finish(_ endpoint: TrackedEndpoint, _ generation: Int) {
        guard pollers[endpoint]?.finish(generation) == true else { return }
        checkFinished()
    }

    /// Says the order is over once it is in a final state and nothing is left to fetch.
    func checkFinished() {
        guard !finishedEmitted, let state = data.order?.workflowState, state.isFinal, runningEndpoints.isEmpty else { return }
        finishedEmitted = true
        emit(.finished(state))
    }

    /// One fetch of an endpoint; returns the error, or nil when it succeeded.
    private func fetch(_ endpoint: TrackedEndpoint) async -> (any Error)? {
        do {
            switch endpoint {
            case .order:
                let fresh = try await source.order(orderID)
                guard !Task.isCancelled else { return nil }
                publish(.order(fresh))
                // Say so before the plan changes: a new cadence restarts this very task, which then ends unheard.
                setStatus(.order, .live)
                if let next = PollPlan.plan(for: fresh.fulfillmentType, state: fresh.workflowState) {
                    apply(next)
                } else if plan == PollPlan.initial(for: nil) {
                    // An unknown first state: keep polling the order and fetch what is fetched at the start.
                    apply(PollPlan.initial(for: fresh.fulfillmentType))
                }
            case .items:
                let fresh = try await source.items(orderID: orderID)
                guard !Task.isCancelled else { return nil }
                publish(.items(fresh))
            case .handling:
                let fresh = try await source.handling(orderID: orderID)
                guard !Task.isCancelled else { return nil }
                publish(.handling(fresh))
            case .location:
                let fresh = try await source.location(orderID: orderID).coordinates
                guard !Task.isCancelled else { return nil }
                publish(.location(fresh))
            case .chat:
                let fresh = try await source.chatMessages(orderID: orderID)
                guard !Task.isCancelled else { return nil }
                publish(.chat(fresh))
            }
            return nil
        } catch {
            return error
        }
    }
}
