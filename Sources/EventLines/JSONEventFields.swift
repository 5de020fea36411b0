import ConnectModels
import Foundation
import OrderTracking
import TerminalUI
import OrderFeed

// The fields of each `--json` type, after the head. Names are snake_case; enum values from the server
// are written as they were sent (an unknown one too); ids are strings; a field marked optional in the
// README is left out when unknown, and every other field is always there, null when there is nothing.
extension JSONEventFormatter {
    static func addFields(of event: TrackerEvent, to object: inout JSONObject) {
        switch event {
        case .order(let order): addOrder(order, to: &object)
        case .items(let items): addItems(items, to: &object)
        case .handling(let handling): addHandling(handling, to: &object)
        case .location(let coordinates): object.set("coordinates", Self.coordinates(coordinates))
        case .chat(let conversation): addChat(conversation, to: &object)
        case .outbox(let messages): object.set("messages", .array(messages.map(outboxMessage)))
        case .connection(let endpoint, let status): addConnection(endpoint, status, to: &object)
        case .notice(let notice):
            object.set("severity", .string(notice.severity.rawValue))
            object.set("text", .string(notice.text))
        case .finished(let state):
            object.set("state", .string(state.rawValue))
            object.set("state_title", .string(state.title))
        }
    }

    /// A phase as `--json` spells it.
    public static func name(of phase: WorkflowPhase) -> String {
        switch phase {
        case .waitingForShopper: "waiting_for_shopper"
        case .beforePicking: "before_picking"
        case .shopping: "shopping"
        case .afterCheckout: "after_checkout"
        case .delivering: "delivering"
        case .final: "final"
        }
    }

    /// An item list as `--json` spells it.
    public static func name(of group: ItemGroup) -> String {
        switch group {
        case .found: "found"
        case .replaced: "replaced"
        case .refunded: "refunded"
        case .stillShopping: "still_shopping"
        }
    }

    /// A connection status as `--json` spells it, with its reason or message when it has one.
    public static func name(of status: ConnectionStatus) -> (status: String, detail: String?) {
        switch status {
        case .connecting: ("connecting", nil)
        case .live: ("live", nil)
        case .retrying(_, let reason): ("retrying", reason)
        case .tokenRejected: ("token_rejected", nil)
        case .forbidden(let message): ("forbidden", message)
        case .notFound: ("not_found", nil)
        case .badReply(let message): ("bad_reply", message)
        case .idle: ("idle", nil)
        }
    }

    private static func addOrder(_ order: Order, to object: inout JSONObject) {
        object.set("state", .string(order.workflowState.rawValue))
        object.set("state_title", .string(order.workflowState.title))
        object.set("fulfillment_type", .string(order.fulfillmentType.rawValue))
        object.set("phase", .string(order.workflowState.phase.map(name(of:))))
        object.set("created_at", stamp(order.creationDate))
        object.setIfPresent("window_starts_at", order.fulfillmentDetails?.windowStartsAt.map(stamp))
        object.setIfPresent("window_ends_at", order.fulfillmentDetails?.windowEndsAt.map(stamp))
        object.setIfPresent("pickup_category", order.pickupCategory.map(JSONValue.string))
    }

    private static func addItems(_ items: [LineItem], to object: inout JSONObject) {
        object.set("items", .array(items.map { item in
            var o = JSONObject()
            o.set("id", .string(item.id.value))
            addProduct(item.item, to: &o)
            o.set("status", .string(item.status.rawValue))
            o.set("group", .string(name(of: ItemGroup.of(item))))
            o.setIfPresent("replacement_status", item.replacementStatus.map { .string($0.rawValue) })
            o.setIfPresent("replacement", item.replacement.map { replacement in
                var r = JSONObject()
                addProduct(replacement, to: &r)
                return .object(r)
            })
            o.setIfPresent("certified_delivery", item.certifiedDelivery.map(JSONValue.bool))
            return .object(o)
        }))
        let counts = ItemGroup.counts(of: items)
        var o = JSONObject()
        for group in ItemGroup.allCases { o.set(name(of: group), .integer(counts[group, default: 0])) }
        o.set("total", .integer(items.count))
        object.set("counts", .object(o))
    }

    /// name, quantity, unit (and image_url when there is one), for an item and for its replacement alike.
    private static func addProduct(_ item: OrderItem, to o: inout JSONObject) {
        o.set("name", .string(item.name))
        // A quantity is a number; one the server sent as text that is no number stays that text.
        if let value = item.quantity.doubleValue, value.isFinite {
            o.set("quantity", .number(value))
        } else {
            o.set("quantity", .string(item.quantity.text))
        }
        o.set("unit", .string(item.costUnit.rawValue))
        o.setIfPresent("image_url", item.imageURL.map(JSONValue.string))
    }

    private static func addHandling(_ handling: Handling, to object: inout JSONObject) {
        object.set("address", handling.address.map { a in
            var o = JSONObject()
            o.set("address_line_1", .string(a.addressLine1))
            o.set("address_line_2", .string(a.addressLine2))
            o.set("locality", .string(a.locality))
            o.set("administrative_area", .string(a.administrativeArea))
            o.set("postal_code", .string(a.postalCode))
            o.set("country_code", .string(a.countryCode))
            return .object(o)
        } ?? .null)
        object.set("coordinates", coordinates(handling.coordinates))
        object.set("dropoff_location", .string(handling.dropoffLocation))
        object.set("notes", .string(handling.notes))
        object.set("instructions", .string(handling.instructions))
        object.set("leave_unattended", .bool(handling.leaveUnattended))
        object.set("alcoholic", .bool(handling.alcoholic))
        object.set("certified_delivery", .bool(handling.certifiedDelivery))
        object.set("shopper", .string(handling.shopper))
    }

    private static func addChat(_ conversation: ChatConversation, to object: inout JSONObject) {
        object.set("messages", .array(conversation.chatMessages.map { m in
            var o = JSONObject()
            o.set("id", .string(m.id.value))
            let from = conversation.isFromShopper(m) ? "shopper" : conversation.isFromCustomer(m) ? "customer" : "other"
            o.set("from", .string(from))
            o.set("name", .string(conversation.displayName(for: m)))
            o.set("body", .string(m.body))
            o.set("read", .bool(m.read))
            o.set("created_at", stamp(m.createdAt))
            o.setIfPresent("image", m.image.map(JSONValue.string))
            return .object(o)
        }))
        object.set("unread", .integer(conversation.unreadShopperMessages.count))
        object.set("expired", .bool(conversation.isExpired))
    }

    private static func outboxMessage(_ message: OutboxMessage) -> JSONValue {
        var o = JSONObject()
        o.set("id", .string(message.id.uuidString.lowercased()))
        o.set("body", .string(message.body))
        switch message.state {
        case .queued: o.set("state", .string("queued"))
        case .sending: o.set("state", .string("sending"))
        case .sent: o.set("state", .string("sent"))
        case .failed: o.set("state", .string("failed"))
        }
        o.set("attempts", .integer(message.attempts))
        o.set("created_at", stamp(message.createdAt))
        switch message.state {
        case .failed(let reason): o.set("error", .string(reason))
        case .queued:
            // Waiting out a failed attempt: why it failed, and when the next one goes.
            o.setIfPresent("error", message.lastError.map { .string(Text.sanitize($0)) })
            o.setIfPresent("next_attempt_at", message.nextAttemptAt.map(stamp))
        case .sent(let remoteID): o.set("remote_id", .string(remoteID))
        case .sending: break
        }
        return .object(o)
    }

    private static func addConnection(_ endpoint: TrackedEndpoint, _ status: ConnectionStatus, to object: inout JSONObject) {
        object.set("endpoint", .string(endpoint.rawValue))
        let (word, detail) = name(of: status)
        object.set("status", .string(word))
        object.setIfPresent("detail", detail.map(JSONValue.string))
        if case .retrying(let after, _) = status {
            object.set("retry_in_s", .number((after.secondsDouble * 1000).rounded() / 1000))
        }
    }

    private static func coordinates(_ coordinates: Coordinates?) -> JSONValue {
        guard let c = coordinates, c.latitude.isFinite, c.longitude.isFinite else { return .null }
        var o = JSONObject()
        o.set("latitude", .number(c.latitude))
        o.set("longitude", .number(c.longitude))
        return .object(o)
    }

    private static func stamp(_ date: Date?) -> JSONValue { .string(date.map(timestamp)) }
}
