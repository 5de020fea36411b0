import ConnectModels
import TerminalUI
import Foundation
import OrderTracking
import OrderFeed

/// One order's line on the board: what its tracker reported, boiled down to what a row shows.
/// Every string in it was sanitized when its event arrived.
public struct BoardRow: Hashable, Sendable {
    public let ref: OrderRef
    /// The id as the row shows it: the whole id when short, else its distinctive end.
    public let shortID: String
    public internal(set) var customer: String?
    public internal(set) var fulfillmentType: FulfillmentType?
    public internal(set) var state: WorkflowState?
    /// Items the shopper has dealt with (found, replaced, refunded) and all items; nil before the first items reply.
    public internal(set) var picked = 0
    public internal(set) var total: Int?
    public internal(set) var pendingReplacements = 0
    public internal(set) var unreadShopperMessages = 0
    public internal(set) var shopperLocation: Coordinates?
    public internal(set) var destination: Coordinates?
    /// When the current state was first seen: the board cannot know when it began before it looked.
    public internal(set) var stateSince: Date?
    /// When the customer's delivery or pickup window opens, if the order says.
    public internal(set) var windowStartsAt: Date?
    /// When any data last arrived.
    public internal(set) var lastData: Date?
    public internal(set) var connection: [TrackedEndpoint: ConnectionStatus] = [:]
    /// The final state once every poll has stopped.
    public internal(set) var finished: WorkflowState?
    public internal(set) var lastNotice: Notice?
    /// The lowercased text the filter searches: id, customer and state.
    public internal(set) var searchText: String
    /// The id for sorting, numbers in numeric order.
    let idKey: NaturalKey

    public init(ref: OrderRef) {
        self.ref = ref
        idKey = NaturalKey(ref.orderID)
        let id = Text.sanitize(ref.orderID)
        shortID = id.count <= 8 ? id : "…" + id.suffix(7)
        searchText = id.lowercased()
    }

    /// True once the order is delivered or canceled.
    public var isFinished: Bool { finished != nil || state?.isFinal == true }

    /// The metres between the shopper and the drop-off, only while delivering, when both are known.
    public var distance: Double? {
        guard state == .delivering, let shopperLocation, let destination else { return nil }
        return Geo.distance(from: shopperLocation, to: destination)
    }

    /// Takes in one event, already sanitized, that arrived at `now`.
    mutating func apply(_ event: TrackerEvent, now: Date) {
        switch event {
        case .order(let order):
            enter(order.workflowState, now: now)
            fulfillmentType = order.fulfillmentType
            windowStartsAt = order.fulfillmentDetails?.windowStartsAt
            lastData = now
        case .items(let items):
            total = items.count
            picked = items.reduce(0) { $0 + ($1.status == .notPicked ? 0 : 1) }
            pendingReplacements = items.reduce(0) { $0 + ($1.hasPendingReplacement ? 1 : 0) }
            lastData = now
        case .chat(let conversation):
            unreadShopperMessages = conversation.unreadShopperMessages.count
            // The order itself carries no name; the chat's metadata is where the customer is named.
            if let name = conversation.metadata?.customer?.displayName, !name.isEmpty { customer = name }
            lastData = now
        case .location(let coordinates):
            shopperLocation = coordinates.flatMap { $0.isValid ? $0 : nil }
            lastData = now
        case .handling(let handling):
            destination = handling.coordinates.flatMap { $0.isValid ? $0 : nil }
            lastData = now
        case .connection(let endpoint, let status):
            connection[endpoint] = status
        case .finished(let final):
            enter(final, now: now)
            finished = final
        case .notice(let notice):
            lastNotice = notice
        case .outbox:
            break
        }
        searchText = [Text.sanitize(ref.orderID), customer ?? "", state.map(BoardRow.label) ?? "", state?.rawValue ?? ""]
            .joined(separator: " ").lowercased()
    }

    private mutating func enter(_ new: WorkflowState, now: Date) {
        if state != new { stateSince = now }
        state = new
    }

    /// A state in the words of a table cell: "verifying replacements".
    public static func label(_ state: WorkflowState) -> String {
        if case .unknown(let raw) = state { return raw }
        return state.rawValue.replacingOccurrences(of: "_", with: " ")
    }

    /// A fulfillment type in the words of a table cell.
    public static func label(_ type: FulfillmentType) -> String {
        switch type {
        case .delivery: "delivery"
        case .pickup: "pickup"
        case .lastMileDelivery: "last mile"
        case .unknown(let raw): raw
        }
    }
}
