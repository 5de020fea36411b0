import ConnectModels

/// What a poller does after a failed fetch.
public enum FailureDecision: Hashable, Sendable {
    /// Try again after the delay, showing the status meanwhile.
    case retry(after: Duration, status: ConnectionStatus)
    /// Stop until a new token arrives (a 401: the same token will be refused again).
    case pauseForToken
    /// Stop for good with this status.
    case stop(ConnectionStatus)
}

/// What the chat sender does after a failed send.
public enum SendFailureDecision: Hashable, Sendable {
    /// The message stays queued and is tried again after the delay.
    case retry(after: Duration)
    /// The message stays queued until a new token arrives.
    case pauseForToken
    /// The server refused the message; sending it again would get the same answer.
    case refuse(reason: String)
}

/// Turns a failure into what happens next. Pure: the random jitter comes in as `unit` (0..<1), so a table
/// test covers every case.
public struct FailurePolicy: Hashable, Sendable {
    public var backoff: Backoff
    /// The backoff of chat messages, with a ceiling of a few seconds.
    public var sendBackoff: Backoff
    /// How long a forbidden order waits before it is asked for again.
    public var slowInterval: Duration

    /// The policy of a tracker's configuration: its backoffs and its slow cadence.
    public init(_ configuration: TrackerConfiguration) {
        (backoff, sendBackoff, slowInterval) = (configuration.backoff, configuration.sendBackoff, configuration.slowInterval)
    }

    /// After fetch number `attempt` (1 for the first failure in a row) of `endpoint` failed with `error`.
    public func decide(_ endpoint: TrackedEndpoint, error: any Error, attempt: Int, unit: Double) -> FailureDecision {
        guard let error = error as? ConnectError else {
            return retry(attempt: attempt, unit: unit, reason: "\(error)")
        }
        switch error {
        case .http(_, 401, _, _):
            return .pauseForToken
        case .http(_, 403, let body, _):
            let message = body?.message ?? "forbidden"
            // The location answers 403 when the retailer hides shopper data: that will not change.
            return endpoint == .location ? .stop(.forbidden(message)) : .retry(after: slowInterval, status: .forbidden(message))
        case .http(_, 404, _, _):
            // Not there for this token (missing, or another user's): asking again gives the same answer.
            return .stop(.notFound)
        case .http(_, 429, _, let retryAfter):
            return retry(attempt: attempt, unit: unit, reason: "rate limited (429)", retryAfter: retryAfter)
        case .http(_, let status, let body, let retryAfter):
            return retry(attempt: attempt, unit: unit, reason: "HTTP \(status)" + (body.map { ": \($0.message)" } ?? ""),
                         retryAfter: retryAfter)
        case .decoding:
            // The last good data stays on show; the status says why it is not fresh.
            let wait = backoff.delay(attempt: attempt, unit: unit)
            return .retry(after: wait, status: .badReply(error.description))
        case .transport(_, _, let reason, _):
            return retry(attempt: attempt, unit: unit, reason: reason)
        case .invalidRequest(let reason):
            return .stop(.badReply(reason))
        }
    }

    /// After send attempt number `attempt` of a chat message failed with `error`.
    public func decideSend(error: any Error, attempt: Int, unit: Double) -> SendFailureDecision {
        guard let error = error as? ConnectError else { return .retry(after: sendBackoff.delay(attempt: attempt, unit: unit)) }
        if error.status == 401 { return .pauseForToken }
        guard error.isTransient else {
            switch error {
            case .http(_, let status, let body, _): return .refuse(reason: body?.message ?? "HTTP \(status)")
            default: return .refuse(reason: error.description)
            }
        }
        if case .http(_, _, _, let retryAfter?) = error { return .retry(after: retryAfter) }
        return .retry(after: sendBackoff.delay(attempt: attempt, unit: unit))
    }

    private func retry(attempt: Int, unit: Double, reason: String, retryAfter: Duration? = nil) -> FailureDecision {
        let wait = retryAfter ?? backoff.delay(attempt: attempt, unit: unit)
        return .retry(after: wait, status: .retrying(after: wait, reason: reason))
    }
}
