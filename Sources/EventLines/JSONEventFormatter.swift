import ConnectModels
import Foundation
import OrderTracking
import TerminalUI
import OrderFeed

/// Turns tracker events into one line of compact JSON each, for `ordertop watch --json` and `board --json`.
///
/// Every object starts with `type`, `order_id`, `time` (ISO 8601, UTC, milliseconds) and, when known,
/// `user_id`. The fields of each type are a promise to scripts: README "Scripting with --json" lists
/// them, and a field is only ever added, never renamed or retyped.
public struct JSONEventFormatter: Sendable {
    public init() {}

    /// The `type` of the object an event becomes.
    public static func type(of event: TrackerEvent) -> String {
        switch event {
        case .order: "order"
        case .items: "items"
        case .handling: "handling"
        case .location: "location"
        case .chat: "chat"
        case .outbox: "outbox"
        case .connection: "connection"
        case .notice: "notice"
        case .finished: "finished"
        }
    }

    /// One event as one line of JSON. Every string in it is sanitized here, where it enters, as the dashboard does.
    public func line(orderID: String, userID: String? = nil, event: TrackerEvent, at date: Date) -> String {
        let clean = TrackerEventSanitizer.clean(event)
        var object = head(Self.type(of: event), orderID: orderID, userID: userID, at: date)
        Self.addFields(of: clean, to: &object)
        return JSONValue.object(object).text
    }

    /// The line for an order that joined the board.
    public func added(orderID: String, userID: String, at date: Date) -> String {
        JSONValue.object(head("added", orderID: orderID, userID: userID, at: date)).text
    }

    /// The line for an error that ends the following of an order: `reason` is a stable word for scripts
    /// (`not_found`, `token_rejected`), `message` the sentence a person reads.
    public func error(orderID: String, userID: String? = nil, reason: String, message: String, at date: Date) -> String {
        var object = head("error", orderID: orderID, userID: userID, at: date)
        object.set("reason", .string(Text.sanitize(reason)))
        object.set("message", .string(Text.sanitize(message)))
        return JSONValue.object(object).text
    }

    /// `replay_end`: the recording being replayed ends while this order was still going.
    public func replayEnd(orderID: String, userID: String? = nil, message: String, at date: Date) -> String {
        var object = head("replay_end", orderID: orderID, userID: userID, at: date)
        object.set("message", .string(Text.sanitize(message)))
        return JSONValue.object(object).text
    }

    /// A time as every line writes it: `2026-11-23T16:36:05.120Z`.
    public static func timestamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }

    private func head(_ type: String, orderID: String, userID: String?, at date: Date) -> JSONObject {
        var object = JSONObject()
        object.set("type", .string(type))
        object.set("order_id", .string(Text.sanitize(orderID)))
        object.set("time", .string(Self.timestamp(date)))
        object.setIfPresent("user_id", userID.map { .string(Text.sanitize($0)) })
        return object
    }
}
