import ConnectModels
import Foundation

/// The endpoints a tracker polls.
public enum TrackedEndpoint: String, CaseIterable, Hashable, Sendable, Codable {
    case order, items, handling, location, chat
}

/// How one endpoint's connection is doing.
public enum ConnectionStatus: Hashable, Sendable {
    /// No reply yet.
    case connecting
    /// The last request succeeded.
    case live
    /// The last request failed; the next try is in `after`.
    case retrying(after: Duration, reason: String)
    /// The server refused the token (401); the endpoint waits for a new one.
    case tokenRejected
    /// The server answered 403 with this message.
    case forbidden(String)
    /// The order does not exist for this token (404).
    case notFound
    /// The reply did not decode; the last good data stays on show.
    case badReply(String)
    /// The endpoint is not polled in the current state.
    case idle
}

/// A customer chat message that has not been confirmed by the server yet, or was refused.
public struct OutboxMessage: Codable, Hashable, Sendable, Identifiable {
    /// Where the message stands.
    public enum State: Codable, Hashable, Sendable {
        case queued
        case sending
        case sent(remoteID: String)
        case failed(reason: String)
    }

    /// A local id, stable across restarts.
    public var id: UUID
    public var body: String
    public var state: State
    public var createdAt: Date
    /// When the first attempt went out; a retry looks for the body in messages since then.
    public var firstAttemptAt: Date?
    public var attempts: Int
    /// While queued after a failed attempt: when the next one goes out, and why the last one failed.
    public var nextAttemptAt: Date?
    public var lastError: String?

    public init(id: UUID = UUID(), body: String, state: State = .queued, createdAt: Date, firstAttemptAt: Date? = nil, attempts: Int = 0,
                nextAttemptAt: Date? = nil, lastError: String? = nil) {
        self.id = id
        self.body = body
        self.state = state
        self.createdAt = createdAt
        self.firstAttemptAt = firstAttemptAt
        self.attempts = attempts
        self.nextAttemptAt = nextAttemptAt
        self.lastError = lastError
    }

    /// True while the message still has to reach the server.
    public var isPending: Bool {
        switch state {
        case .queued, .sending: true
        case .sent, .failed: false
        }
    }
}

/// Something a tracker learned. Data events go out only when the data changed.
public enum TrackerEvent: Hashable, Sendable {
    case order(Order)
    case items([LineItem])
    case handling(Handling)
    /// The shopper's position; nil when the server has none to give.
    case location(Coordinates?)
    case chat(ChatConversation)
    /// The customer's outgoing messages, whole list, whenever one changes.
    case outbox([OutboxMessage])
    case connection(TrackedEndpoint, ConnectionStatus)
    /// A short message for people: "sent", "replacement approved", "refused: why", with its severity.
    case notice(Notice)
    /// The order reached a final state and every poll has stopped.
    case finished(WorkflowState)
}

/// A tracker event and when its tracker had it, on the tracker's clock: the time of day, or the recording's time in
/// a replay (so a replay's lines carry the recorded time however late they are printed).
public struct StampedEvent: Sendable {
    public let event: TrackerEvent
    public let date: Date

    public init(event: TrackerEvent, date: Date) {
        self.event = event
        self.date = date
    }
}

/// A tracker's events as they happen: iterate it for the events, or `stamped` for each with its time.
public struct TrackerEvents: AsyncSequence, Sendable {
    public typealias Element = TrackerEvent
    /// The events with the time each happened.
    public let stamped: AsyncStream<StampedEvent>

    public func makeAsyncIterator() -> Iterator { Iterator(base: stamped.makeAsyncIterator()) }

    public struct Iterator: AsyncIteratorProtocol {
        var base: AsyncStream<StampedEvent>.Iterator
        public mutating func next() async -> TrackerEvent? { await base.next()?.event }
    }
}
