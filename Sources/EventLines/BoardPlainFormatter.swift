import TerminalUI
import Foundation
import OrderTracking
import OrderFeed

/// Turns each order's tracker events into one line of plain text per change, for `ordertop board --plain`.
/// Every line starts with the order id, so `grep` or `awk` can follow one order among many.
public struct BoardPlainFormatter: Sendable {
    let events: PlainEventFormatter

    public init(timeZone: TimeZone) { events = PlainEventFormatter(timeZone: timeZone) }

    /// "ORDER_ID HH:MM:SS what changed", sanitized.
    public func line(orderID: String, event: TrackerEvent, at date: Date) -> String {
        Text.sanitize(orderID) + " " + events.line(for: event, at: date)
    }

    /// The line for an order added to the board.
    public func added(_ ref: OrderRef, at date: Date) -> String {
        line(orderID: ref.orderID, event: .notice(.info("tracking for user \(Text.sanitize(ref.userID))")), at: date)
    }
}
