import ConnectModels
import Foundation
import OrderTracking
import TerminalUI

/// One message as the chat pane shows it: a shopper's or the customer's, from the server or the outbox.
public struct ChatEntry: Hashable, Sendable {
    public var id: String
    public var sender: String
    public var time: Date?
    public var body: String
    public var isMine: Bool
    public var isUnread: Bool
    /// queued / sending / sent / failed: reason, for the customer's own messages still in the outbox.
    public var delivery: String?
    public var deliveryFailed: Bool
    /// For a queued message after a failed attempt: when the next one goes out, and why the last one failed.
    public var retryAt: Date?
    public var retryReason: String?

    public init(id: String, sender: String, time: Date?, body: String, isMine: Bool, isUnread: Bool = false,
                delivery: String? = nil, deliveryFailed: Bool = false) {
        self.id = id
        self.sender = sender
        self.time = time
        self.body = body
        self.isMine = isMine
        self.isUnread = isUnread
        self.delivery = delivery
        self.deliveryFailed = deliveryFailed
    }
}

/// One drawn line of the chat log.
struct ChatLine: Hashable, Sendable {
    var text: String
    var style: Style
    var indent: Int
}

/// Turns chat entries into lines, from the bottom up, so a frame wraps only the messages it shows.
enum ChatLog {
    static let bodyIndent = 2

    /// The entries to show: the conversation, then outbox messages the conversation does not hold yet.
    static func entries(conversation: ChatConversation?, outbox: [OutboxMessage]) -> [ChatEntry] {
        var result: [ChatEntry] = []
        var ids = Set<String>()
        if let conversation {
            result.reserveCapacity(conversation.chatMessages.count + outbox.count)
            for m in conversation.chatMessages {
                ids.insert(m.id.value)
                let shopper = conversation.isFromShopper(m)
                result.append(ChatEntry(id: m.id.value, sender: conversation.displayName(for: m), time: m.createdAt,
                                        body: m.body.isEmpty && m.image != nil ? "[image]" : m.body,
                                        isMine: !shopper, isUnread: shopper && !m.read))
            }
        }
        for o in outbox {
            let delivery: String
            var failed = false
            switch o.state {
            case .queued: delivery = "queued"
            case .sending: delivery = "sending…"
            case .sent(let remoteID):
                if ids.contains(remoteID) { continue }
                delivery = "sent"
            case .failed(let reason):
                delivery = "failed: " + reason
                failed = true
            }
            var entry = ChatEntry(id: "outbox-" + o.id.uuidString, sender: "You", time: o.createdAt, body: o.body,
                                  isMine: true, delivery: delivery, deliveryFailed: failed)
            if o.state == .queued {
                entry.retryAt = o.nextAttemptAt
                entry.retryReason = o.lastError
            }
            result.append(entry)
        }
        return result
    }

    /// The lines of one entry at a width: a header line, then the body wrapped by cells.
    /// `now` counts a waiting message's retry down; the header stays one line either way, so counts made
    /// without it hold.
    static func lines(of entry: ChatEntry, width: Int, time: LocalTime, now: Date? = nil) -> [ChatLine] {
        guard width > 0 else { return [] }
        var header = entry.sender
        if let t = entry.time { header += "  " + time.clock(t) }
        if entry.isUnread { header += "  ● unread" }
        if let d = entry.delivery { header += "  [" + d + retryText(entry, now: now) + "]" }
        let headerStyle = entry.deliveryFailed ? Style(.error, .bold)
            : entry.isUnread ? Style(.chatUnread, .bold)
            : Style(entry.isMine ? .chatMe : .chatShopper, .bold)
        var out = [ChatLine(text: Text.truncate(header, toCells: width), style: headerStyle, indent: 0)]
        let bodyWidth = max(1, width - bodyIndent)
        for line in Text.wrap(entry.body, width: bodyWidth) {
            out.append(ChatLine(text: line, style: Style(.text), indent: width > bodyIndent ? bodyIndent : 0))
        }
        return out
    }

    /// "retrying in 3 s: HTTP 503" for a message that waits out a failed attempt.
    static func retryText(_ entry: ChatEntry, now: Date?) -> String {
        guard let at = entry.retryAt else { return "" }
        let reason = entry.retryReason.map { ": " + $0 } ?? ""
        guard let now else { return ", retrying" + reason }
        let left = Int(at.timeIntervalSince(now).rounded(.up))
        return (left > 0 ? ", retrying in \(left) s" : ", retrying now") + reason
    }

    /// The lines that fill `height` rows with the newest at the bottom, `offset` lines scrolled up;
    /// returns them with the offset clamped to what the log holds. With `counts` (each entry's line
    /// count at this width) entries below the view are skipped unwrapped, so a view scrolled far up
    /// costs no more than one at the bottom.
    static func visible(_ entries: [ChatEntry], width: Int, height: Int, offset: Int, time: LocalTime,
                        counts: [Int]? = nil, now: Date? = nil) -> (lines: [ChatLine], offset: Int) {
        guard height > 0, width > 0 else { return ([], 0) }
        var offset = offset
        let counted = counts.map { $0.count == entries.count } ?? false
        if counted, let counts {
            let total = counts.reduce(0, +)
            offset = max(0, min(offset, total - height))
        }
        let wanted = offset + height
        var collected: [[ChatLine]] = []
        var below = 0
        var skipped = 0
        var i = entries.count - 1
        while i >= 0, below < wanted {
            if counted, let counts, below + counts[i] <= offset {
                below += counts[i]
                skipped = below
                i -= 1
                continue
            }
            let l = lines(of: entries[i], width: width, time: time, now: now)
            collected.append(l)
            below += l.count
            i -= 1
        }
        let clamped = counted ? offset : max(0, min(offset, below - height))
        var all: [ChatLine] = []
        all.reserveCapacity(below - skipped)
        for block in collected.reversed() { all.append(contentsOf: block) }
        let end = max(0, all.count - (clamped - skipped))
        let start = max(0, end - height)
        return (Array(all[start..<end]), clamped)
    }

    /// Lines the given entries take, to keep a scrolled-up view still when messages arrive below it.
    static func lineCount(_ entries: ArraySlice<ChatEntry>, width: Int, time: LocalTime) -> Int {
        entries.reduce(0) { $0 + lines(of: $1, width: width, time: time).count }
    }
}
