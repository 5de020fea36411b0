import ConnectModels
import TerminalUI
import Foundation
import OrderTracking
import OrderFeed

/// Why an order needs a person now, most urgent kind first.
public enum AttentionReason: Hashable, Sendable {
    /// The shopper wrote and nobody has read it.
    case unreadMessages(Int)
    /// The shopper waits for an answer on replacements while picking.
    case pendingReplacements(Int)
    /// The order cannot be read: token rejected, not found, forbidden.
    case problem(String)
    /// No change of state for longer than the board's `stuckAfter`.
    case stuck(WorkflowState, for: TimeInterval)

    /// Lower sorts first; the brief's order of urgency.
    public var priority: Int {
        switch self {
        case .unreadMessages: 0
        case .pendingReplacements: 1
        case .problem: 2
        case .stuck: 3
        }
    }

    /// The reason in words: "2 unread messages", "stuck 25 min in picking".
    public var text: String {
        switch self {
        case .unreadMessages(let n): n == 1 ? "1 unread message" : "\(n) unread messages"
        case .pendingReplacements(let n): n == 1 ? "1 pending replacement" : "\(n) pending replacements"
        case .problem(let what): what
        case .stuck(let state, let seconds): "stuck \(Int(seconds / 60)) min in \(BoardRow.label(state))"
        }
    }
}

extension BoardRow {
    /// Every reason this order needs attention at `now`, most urgent first; none once it is finished.
    public func attention(now: Date, stuckAfter: TimeInterval) -> [AttentionReason] {
        guard !isFinished else { return [] }
        var reasons: [AttentionReason] = []
        if unreadShopperMessages > 0 { reasons.append(.unreadMessages(unreadShopperMessages)) }
        if pendingReplacements > 0, state?.acceptsReplacementDecisions == true { reasons.append(.pendingReplacements(pendingReplacements)) }
        if let problem { reasons.append(.problem(problem)) }
        // An order booked for later waits for its window as brand new; that is the plan, not a stuck order.
        let waitingForWindow = state == .brandNew && (windowStartsAt.map { $0 > now } ?? false)
        if let state, let since = stateSince, now.timeIntervalSince(since) > stuckAfter, !waitingForWindow {
            reasons.append(.stuck(state, for: now.timeIntervalSince(since)))
        }
        return reasons
    }

    /// The priority of the most urgent reason, or nil when the order needs nothing.
    func attentionPriority(now: Date, stuckAfter: TimeInterval) -> Int? {
        attention(now: now, stuckAfter: stuckAfter).first?.priority
    }

    /// A connection failure that no retry will mend, in words, from the worst endpoint.
    var problem: String? {
        guard let (_, status) = ConnectionSummary.worst(connection) else { return nil }
        switch status {
        case .tokenRejected: return "token rejected"
        case .notFound: return "order not found"
        case .forbidden(let message): return message.isEmpty ? "forbidden" : "forbidden: \(message)"
        default: return nil
        }
    }
}
