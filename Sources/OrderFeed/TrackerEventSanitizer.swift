import ConnectModels
import OrderTracking
import TerminalUI

/// Cleans every string of a tracker event once, where it enters the state, so no pane has to.
public enum TrackerEventSanitizer {
    public static func clean<T: Sanitizable>(_ value: T) -> T { value.sanitized }
    public static func cleanMultiline(_ s: String) -> String { Text.sanitize(s, keepNewlines: true) }

    /// The whole event with every string in it sanitized, for a screen outside this module.
    public static func clean(_ event: TrackerEvent) -> TrackerEvent {
        switch event {
        case .order(let order): .order(clean(order))
        case .items(let items): .items(items.map { clean($0) })
        case .handling(let handling): .handling(clean(handling))
        case .location: event
        case .chat(let conversation): .chat(clean(conversation))
        case .outbox(let messages): .outbox(messages.map { clean($0) })
        case .connection(let endpoint, let status): .connection(endpoint, clean(status))
        case .notice(let notice): .notice(Notice(notice.severity, clean(notice.text)))
        case .finished(let state): .finished(clean(state))
        }
    }
}

/// A value that comes from the server or from a person and can be cleaned of control characters.
///
/// Each model type lists its fields once, in `cleaning(...)`; how a field is cleaned follows from its type.
public protocol Sanitizable {
    /// The value with every string in it sanitized.
    var sanitized: Self { get }
}

extension Sanitizable {
    /// A copy with the fields at `paths` sanitized, each by its own type's rule.
    func cleaning<each Field: Sanitizable>(_ paths: repeat WritableKeyPath<Self, each Field>) -> Self {
        var copy = self
        repeat copy[keyPath: each paths] = copy[keyPath: each paths].sanitized
        return copy
    }
}

extension String: Sanitizable {
    public var sanitized: String { Text.sanitize(self) }
}

extension Optional: Sanitizable where Wrapped: Sanitizable {
    public var sanitized: Self { map(\.sanitized) }
}

extension Array: Sanitizable where Element: Sanitizable {
    public var sanitized: Self { map(\.sanitized) }
}

extension FlexibleID: Sanitizable {
    public var sanitized: FlexibleID { FlexibleID(value.sanitized) }
}

extension FlexibleNumber: Sanitizable {
    public var sanitized: FlexibleNumber { FlexibleNumber(text.sanitized) }
}

// A known value is one of our own spellings; only an unknown one carries the server's text.
extension Sanitizable where Self: TolerantEnum {
    public var sanitized: Self { isKnown ? self : .unknown(rawValue.sanitized) }
}

extension WorkflowState: Sanitizable {}
extension FulfillmentType: Sanitizable {}
extension ItemStatus: Sanitizable {}
extension ReplacementStatus: Sanitizable {}
extension CostUnit: Sanitizable {}
extension ChatParty: Sanitizable {}

extension Order: Sanitizable {
    public var sanitized: Order { cleaning(\.id, \.workflowState, \.fulfillmentType, \.pickupCategory) }
}

extension OrderItem: Sanitizable {
    public var sanitized: OrderItem { cleaning(\.name, \.quantity, \.costUnit, \.imageURL) }
}

extension LineItem: Sanitizable {
    public var sanitized: LineItem { cleaning(\.id, \.status, \.replacementStatus, \.item, \.replacement) }
}

extension Address: Sanitizable {
    public var sanitized: Address {
        cleaning(\.addressLine1, \.addressLine2, \.locality, \.administrativeArea, \.postalCode, \.countryCode)
    }
}

extension Handling: Sanitizable {
    public var sanitized: Handling {
        var h = cleaning(\.address, \.dropoffLocation, \.shopper)
        h.notes = h.notes.map(TrackerEventSanitizer.cleanMultiline)
        h.instructions = h.instructions.map(TrackerEventSanitizer.cleanMultiline)
        return h
    }
}

extension ChatParticipant: Sanitizable {
    public var sanitized: ChatParticipant { cleaning(\.id, \.displayName, \.avatarURL) }
}

extension ChatMetadata: Sanitizable {
    public var sanitized: ChatMetadata { cleaning(\.customer, \.currentShopper, \.shoppers) }
}

extension ChatMessage: Sanitizable {
    public var sanitized: ChatMessage {
        var m = cleaning(\.id, \.senderID, \.recipientID, \.orderID, \.senderType, \.recipientType, \.image)
        m.body = TrackerEventSanitizer.cleanMultiline(m.body)
        return m
    }
}

extension ChatConversation: Sanitizable {
    public var sanitized: ChatConversation { cleaning(\.chatMessages, \.metadata) }
}

extension OutboxMessage: Sanitizable {
    public var sanitized: OutboxMessage {
        var m = self
        m.body = TrackerEventSanitizer.cleanMultiline(m.body)
        switch m.state {
        case .failed(let reason): m.state = .failed(reason: reason.sanitized)
        case .sent(let remoteID): m.state = .sent(remoteID: remoteID.sanitized)
        case .queued, .sending: break
        }
        return m
    }
}

extension ConnectionStatus: Sanitizable {
    public var sanitized: ConnectionStatus {
        switch self {
        case .retrying(let after, let reason): .retrying(after: after, reason: reason.sanitized)
        case .forbidden(let message): .forbidden(message.sanitized)
        case .badReply(let message): .badReply(message.sanitized)
        default: self
        }
    }
}
