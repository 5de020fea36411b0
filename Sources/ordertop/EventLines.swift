import Board
import Dashboard
import Foundation
import OrderTracking
import TerminalUI
import EventLines
import OrderFeed

/// How `watch` and `board` print what happens, one line each: text for people (`--plain`) or JSON for
/// scripts (`--json`). The watching itself is written once, in `LineWatcher` and `LineBoard`.
protocol EventLines: Sendable {
    /// The line of one event of an order.
    func event(_ event: TrackerEvent, orderID: String, userID: String?, at date: Date) -> String
    /// The line for an order that joined the board, or nil when this format has none.
    func added(orderID: String, userID: String, at date: Date) -> String?
    /// The line for an error that ends the following of an order.
    func failure(_ end: LineEnd, orderID: String, userID: String?, at date: Date) -> String
    /// The line for an order still going when the recording being replayed ends.
    func recordingEnded(_ message: String, orderID: String, userID: String?, at date: Date) -> String
}

/// Why the following of an order stops with an error, and the exit code `watch` then ends with.
enum LineEnd: Hashable, Sendable {
    /// The order does not exist for this token (also another user's order): exit 4.
    case notFound
    /// The server refused the token: exit 3.
    case tokenRejected

    /// The end an event brings, if it brings one.
    static func of(_ event: TrackerEvent) -> LineEnd? {
        switch event {
        case .connection(.order, .notFound): .notFound
        case .connection(_, .tokenRejected): .tokenRejected
        default: nil
        }
    }

    var exitCode: Int32 {
        switch self {
        case .notFound: 4
        case .tokenRejected: 3
        }
    }

    /// A stable word for scripts.
    var reason: String {
        switch self {
        case .notFound: "not_found"
        case .tokenRejected: "token_rejected"
        }
    }

    /// What happened and what to do next, for a person.
    func message(orderID: String) -> String {
        switch self {
        case .notFound:
            "order \(orderID) not found: it does not exist, or it belongs to another user than the token's."
        case .tokenRejected:
            "the token was rejected. Get a new one (for a local sandbox: ordertop sandbox token --user USER_ID --raw) and run again."
        }
    }
}

/// `watch --plain`: the time, then what changed.
struct PlainWatchLines: EventLines {
    let formatter = PlainEventFormatter(timeZone: .current)

    func event(_ event: TrackerEvent, orderID: String, userID: String?, at date: Date) -> String {
        formatter.line(for: event, at: date)
    }

    func added(orderID: String, userID: String, at date: Date) -> String? { nil }

    func failure(_ end: LineEnd, orderID: String, userID: String?, at date: Date) -> String {
        "error: " + Text.sanitize(end.message(orderID: orderID))
    }

    func recordingEnded(_ message: String, orderID: String, userID: String?, at date: Date) -> String {
        formatter.line(for: .notice(.info(message)), at: date)
    }
}

/// `board --plain`: the order id, the time, then what changed.
struct PlainBoardLines: EventLines {
    let formatter = BoardPlainFormatter(timeZone: .current)

    func event(_ event: TrackerEvent, orderID: String, userID: String?, at date: Date) -> String {
        formatter.line(orderID: orderID, event: event, at: date)
    }

    func added(orderID: String, userID: String, at date: Date) -> String? {
        formatter.added(OrderRef(userID: userID, orderID: orderID), at: date)
    }

    func failure(_ end: LineEnd, orderID: String, userID: String?, at date: Date) -> String {
        formatter.line(orderID: orderID, event: .notice(.error(end.message(orderID: orderID))), at: date)
    }

    func recordingEnded(_ message: String, orderID: String, userID: String?, at date: Date) -> String {
        formatter.line(orderID: orderID, event: .notice(.info(message)), at: date)
    }
}

/// `watch --json` and `board --json`: one JSON object a line.
struct JSONLines: EventLines {
    let formatter = JSONEventFormatter()

    func event(_ event: TrackerEvent, orderID: String, userID: String?, at date: Date) -> String {
        formatter.line(orderID: orderID, userID: userID, event: event, at: date)
    }

    func added(orderID: String, userID: String, at date: Date) -> String? {
        formatter.added(orderID: orderID, userID: userID, at: date)
    }

    func failure(_ end: LineEnd, orderID: String, userID: String?, at date: Date) -> String {
        formatter.error(orderID: orderID, userID: userID, reason: end.reason, message: end.message(orderID: orderID), at: date)
    }

    func recordingEnded(_ message: String, orderID: String, userID: String?, at date: Date) -> String {
        formatter.replayEnd(orderID: orderID, userID: userID, message: message, at: date)
    }
}

/// Standard output, a whole line at a time. Many orders' events arrive on many tasks; the lock keeps
/// one line from being cut into by another, so a reader such as `jq` never sees half a line. Each
/// line is one unbuffered write, so it is out as soon as its event happened.
final class StandardOutputLines: @unchecked Sendable {
    private let lock = NSLock()

    func write(_ line: String) {
        let data = Data((line + "\n").utf8)
        lock.withLock { try? FileHandle.standardOutput.write(contentsOf: data) }
    }
}
