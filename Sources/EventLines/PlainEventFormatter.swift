import ConnectModels
import Foundation
import OrderTracking
import TerminalUI
import OrderFeed

/// Turns tracker events into one line of plain text each, for `ordertop watch --plain`.
public struct PlainEventFormatter: Sendable {
    public var timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    /// One line, sanitized, starting with the local time.
    public func line(for event: TrackerEvent, at date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.hour, .minute, .second], from: date)
        let time = String(format: "%02d:%02d:%02d", c.hour ?? 0, c.minute ?? 0, c.second ?? 0)
        return "\(time) " + Text.sanitize(describe(event))
    }

    /// The line without the time, for a log file that stamps its own.
    public func describeForLog(_ event: TrackerEvent) -> String { Text.sanitize(describe(event)) }

    func describe(_ event: TrackerEvent) -> String {
        switch event {
        case .order(let order):
            return "order \(order.id) \(order.fulfillmentType): \(order.workflowState.title)"
        case .items(let items):
            let n = ItemGroup.counts(of: items)
            return "items \(items.count): found \(n[.found, default: 0]), replaced \(n[.replaced, default: 0]), "
                + "refunded \(n[.refunded, default: 0]), still shopping \(n[.stillShopping, default: 0])"
        case .handling(let handling):
            var parts: [String] = []
            if let a = handling.address {
                parts.append([a.addressLine1, a.addressLine2 ?? "", a.locality, "\(a.administrativeArea) \(a.postalCode)", a.countryCode]
                    .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }.joined(separator: ", "))
            }
            if let c = handling.coordinates { parts.append(String(format: "(%.5f, %.5f)", c.latitude, c.longitude)) }
            var flags: [String] = []
            if handling.leaveUnattended { flags.append("leave unattended") }
            if handling.alcoholic { flags.append("alcohol: ID needed") }
            if handling.certifiedDelivery { flags.append("certified delivery") }
            if !flags.isEmpty { parts.append("[" + flags.joined(separator: ", ") + "]") }
            return "handling " + (parts.isEmpty ? "(no address)" : parts.joined(separator: " "))
        case .location(let coordinates):
            guard let coordinates else { return "location none" }
            return String(format: "location %.5f, %.5f", coordinates.latitude, coordinates.longitude)
        case .chat(let conversation):
            let unread = conversation.unreadShopperMessages.count
            var line = "chat \(conversation.chatMessages.count) messages (\(unread) unread)"
            if let last = conversation.chatMessages.last {
                line += "; last: \(conversation.displayName(for: last)): \"\(last.body.prefix(200))\""
            }
            if conversation.isExpired { line += "; expired" }
            return line
        case .outbox(let messages):
            let pending = messages.filter(\.isPending).count
            let failed = messages.filter { if case .failed = $0.state { true } else { false } }.count
            return "outbox \(messages.count) (\(pending) pending, \(failed) failed)"
        case .connection(let endpoint, let status):
            return "connection \(endpoint.rawValue): \(Self.describe(status))"
        case .notice(let notice):
            return notice.severity == .info ? "notice \(notice.text)" : "\(notice.severity.rawValue) \(notice.text)"
        case .finished(let state):
            return "finished: \(state.title)"
        }
    }

    /// A connection status in words.
    public static func describe(_ status: ConnectionStatus) -> String {
        switch status {
        case .connecting: "connecting"
        case .live: "live"
        case .retrying(let after, let reason): "retrying in \(Self.seconds(after)) (\(reason))"
        case .tokenRejected: "token rejected"
        case .forbidden(let message): "forbidden: \(message)"
        case .notFound: "order not found"
        case .badReply(let message): "bad reply: \(message)"
        case .idle: "idle"
        }
    }

    static func seconds(_ d: Duration) -> String {
        let s = d.secondsDouble
        return s < 10 ? String(format: "%.1f s", s) : "\(Int(s.rounded())) s"
    }
}
