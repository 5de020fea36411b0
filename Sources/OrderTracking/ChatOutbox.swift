import ConnectModels
import Foundation

/// The customer's outgoing chat messages and where each stands (queued, sending, sent, failed). A value,
/// so its rules are tested without a network or a clock; the tracker owns one and does the sending.
public struct ChatOutbox: Hashable, Sendable {
    /// Every message, in the order it was written.
    public private(set) var messages: [OutboxMessage]

    public init(messages: [OutboxMessage] = []) { self.messages = messages }

    /// Messages saved by an earlier run. One caught mid-send may have reached the server, so it counts as
    /// attempted: the conversation is checked for it before any resend.
    public init(restoring saved: [OutboxMessage]) {
        messages = saved
        for i in messages.indices where messages[i].state == .sending {
            messages[i].state = .queued
            messages[i].attempts = max(messages[i].attempts, 1)
        }
    }

    /// Queues a message. Refuses empty text and text over the chat's limit, with the reason.
    public mutating func enqueue(_ body: String, at date: Date) throws(OutboxError) -> OutboxMessage {
        if body.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { throw .empty }
        let length = SendChatMessageRequest.length(of: body)
        if length > SendChatMessageRequest.maximumLength { throw .tooLong(length) }
        let message = OutboxMessage(body: body, createdAt: date)
        messages.append(message)
        return message
    }

    /// The next message to send, oldest first.
    public var next: OutboxMessage? { messages.first(where: \.isPending) }

    /// True while some message still has to reach the server.
    public var hasPending: Bool { next != nil }

    /// Puts every failed message back in the queue, keeping their order; returns how many.
    public mutating func requeueFailed() -> Int {
        var count = 0
        for i in messages.indices {
            if case .failed = messages[i].state {
                messages[i].state = .queued
                count += 1
            }
        }
        return count
    }

    /// An attempt starts: it may reach the server even if no reply comes back.
    public mutating func markSending(_ id: UUID, at date: Date) {
        change(id) {
            $0.state = .sending
            $0.nextAttemptAt = nil
            $0.attempts += 1
            if $0.firstAttemptAt == nil { $0.firstAttemptAt = date }
        }
    }

    public mutating func markSent(_ id: UUID, remoteID: String) {
        change(id) {
            $0.state = .sent(remoteID: remoteID)
            $0.nextAttemptAt = nil
            $0.lastError = nil
        }
    }
    public mutating func markFailed(_ id: UUID, reason: String) { change(id) { $0.state = .failed(reason: reason) } }
    /// The attempt did not get through; the message waits for the next one.
    public mutating func requeue(_ id: UUID) { change(id) { $0.state = .queued } }

    /// The attempt failed with `reason`; the next one goes out at `date` unless something sooner wakes the sender.
    public mutating func retry(_ id: UUID, at date: Date, reason: String) {
        change(id) {
            $0.state = .queued
            $0.nextAttemptAt = date
            $0.lastError = reason
        }
    }

    /// Adds messages written while another watcher held the saved ones, after those saved ones.
    public mutating func adopt(saved: [OutboxMessage]) {
        let mine = messages.filter { m in !saved.contains { $0.id == m.id } }
        messages = ChatOutbox(restoring: saved).messages + mine
    }

    /// True when nothing is left worth keeping on disk: every message has reached the server.
    public var isSettled: Bool { messages.allSatisfy { if case .sent = $0.state { true } else { false } } }

    /// True when an earlier attempt may have reached the server, so the conversation must be read first.
    public func needsDeliveryCheck(_ message: OutboxMessage) -> Bool { message.attempts > 0 }

    /// The server's id of a message an earlier attempt delivered, or nil when the conversation does not hold it:
    /// a customer message with the same text, written since the first attempt (less `clockSkew`, as the
    /// server's clock may be behind ours), that no other outbox message has claimed.
    public func deliveredCopy(of message: OutboxMessage, in conversation: ChatConversation, clockSkew: TimeInterval) -> String? {
        let claimed = Set(messages.compactMap { m -> String? in if case .sent(let id) = m.state { id } else { nil } })
        let since = (message.firstAttemptAt ?? message.createdAt).addingTimeInterval(-clockSkew)
        let body = message.body.trimmingCharacters(in: .whitespacesAndNewlines)
        return conversation.chatMessages.first { m in
            conversation.isFromCustomer(m) && !claimed.contains(m.id.value)
                && m.body.trimmingCharacters(in: .whitespacesAndNewlines) == body
                && (m.createdAt.map { $0 >= since } ?? true)
        }?.id.value
    }

    private mutating func change(_ id: UUID, _ body: (inout OutboxMessage) -> Void) {
        guard let i = messages.firstIndex(where: { $0.id == id }) else { return }
        body(&messages[i])
    }
}
