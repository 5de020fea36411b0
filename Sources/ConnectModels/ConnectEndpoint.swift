import Foundation

/// One Connect endpoint as the docs write it: a method and a path template such as
/// `/v2/post_checkout/orders/{order_id}`. The client, the sandbox's routes, the replay and the
/// redactor all name endpoints from the table below, so none of them can spell a path its own way.
public struct ConnectEndpoint: Hashable, Sendable, CustomStringConvertible {
    public var method: String
    public var template: String

    public init(_ method: String, _ template: String) {
        self.method = method
        self.template = template
    }

    /// `GET /v2/post_checkout/orders/{order_id}`: how a recording and the access log name the call.
    public var description: String { "\(method) \(template)" }

    /// The template in a router's spelling: `{order_id}` becomes `:order_id`.
    public var routerPath: String {
        template.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix("{") && segment.hasSuffix("}") ? ":" + segment.dropFirst().dropLast() : segment
        }.joined(separator: "/")
    }

    /// The names of the template's parameters, in order.
    public var parameters: [String] {
        template.split(separator: "/").filter { $0.hasPrefix("{") && $0.hasSuffix("}") }.map { String($0.dropFirst().dropLast()) }
    }

    /// The parameters of a request path, when the request is a call of this endpoint; nil otherwise.
    /// `path` is percent-encoded, as it travels; the values come back decoded.
    public func match(method: String, path: String) -> [String: String]? {
        guard method.uppercased() == self.method else { return nil }
        let segments = path.split(separator: "/")
        return values(in: segments[...])
    }

    /// True when `path` ends with this endpoint's path, whatever its method and whatever comes
    /// before it (a server mounted under a prefix).
    public func matchesEnd(of path: String) -> Bool {
        let segments = path.split(separator: "/")
        let depth = template.split(separator: "/").count
        return segments.count >= depth && values(in: segments.suffix(depth)) != nil
    }

    private func values(in segments: ArraySlice<Substring>) -> [String: String]? {
        let pattern = template.split(separator: "/")
        guard pattern.count == segments.count else { return nil }
        var values: [String: String] = [:]
        for (expected, actual) in zip(pattern, segments) {
            if expected.hasPrefix("{") && expected.hasSuffix("}") {
                values[String(expected.dropFirst().dropLast())] = String(actual).removingPercentEncoding ?? String(actual)
            } else if expected != actual {
                return nil
            }
        }
        return values
    }
}

extension ConnectEndpoint {
    // OAuth.
    public static let token = ConnectEndpoint("POST", "/v2/oauth/token")

    // Post-checkout: what a tracker reads and does.
    public static let order = ConnectEndpoint("GET", "/v2/post_checkout/orders/{order_id}")
    public static let items = ConnectEndpoint("GET", "/v2/post_checkout/orders/{order_id}/items")
    public static let handling = ConnectEndpoint("GET", "/v2/post_checkout/orders/{order_id}/handling")
    public static let location = ConnectEndpoint("GET", "/v2/post_checkout/orders/{order_id}/location")
    public static let replacement = ConnectEndpoint("PUT", "/v2/post_checkout/orders/{order_id}/items/{line_item_id}/replacement")
    public static let pickupDetails = ConnectEndpoint("GET", "/v2/post_checkout/orders/{order_id}/pickup/details")
    public static let userArrived = ConnectEndpoint("POST", "/v2/post_checkout/orders/{order_id}/pickup/user_arrived")
    public static let chatMessages = ConnectEndpoint("GET", "/v2/post_checkout/chat/{order_id}/messages")
    public static let sendChatMessage = ConnectEndpoint("POST", "/v2/post_checkout/chat/{order_id}/messages")
    public static let markChatRead = ConnectEndpoint("PUT", "/v2/post_checkout/chat/{order_id}/messages")

    // The Sandbox API, which moves a sandbox order along as a shopper would.
    public static let createShopper = ConnectEndpoint("POST", "/v2/fulfillment_sandbox/shoppers")
    public static let createBatch = ConnectEndpoint("POST", "/v2/fulfillment_sandbox/batches")
    public static let advanceBatch = ConnectEndpoint("POST", "/v2/fulfillment_sandbox/batches/{batch_id}/advance")
    public static let updateItem = ConnectEndpoint("PUT", "/v2/fulfillment_sandbox/shoppers/{shopper_id}/orders/{order_id}/items/{line_num}")
    public static let createUser = ConnectEndpoint("POST", "/v2/fulfillment_sandbox/instacart_users")
    public static let authorizeUser = ConnectEndpoint("POST", "/v2/fulfillment_sandbox/instacart_users/{id}/authorize")

    // This sandbox's own simulator calls, beside the documented Sandbox API.
    public static let createOrder = ConnectEndpoint("POST", "/v2/fulfillment_sandbox/orders")
    public static let sendShopperMessage = ConnectEndpoint("POST", "/v2/fulfillment_sandbox/orders/{order_id}/messages")
    public static let shopperMessages = ConnectEndpoint("GET", "/v2/fulfillment_sandbox/orders/{order_id}/messages")
    public static let moveShopper = ConnectEndpoint("POST", "/v2/fulfillment_sandbox/orders/{order_id}/location")
    public static let cancelOrder = ConnectEndpoint("POST", "/v2/fulfillment_sandbox/orders/{order_id}/cancel")
    public static let addFault = ConnectEndpoint("POST", "/v2/fulfillment_sandbox/faults")
    public static let clearFaults = ConnectEndpoint("DELETE", "/v2/fulfillment_sandbox/faults")

    // Account linking and the widget.
    public static let linkStatus = ConnectEndpoint("GET", "/v2/fulfillment/users/{user_id}/link")
    public static let link = ConnectEndpoint("POST", "/v2/fulfillment/users/{user_id}/link")
    public static let widgetInit = ConnectEndpoint("POST", "/idp/v1/init")

    /// The post-checkout calls a tracker makes, which a replay answers from a recording.
    public static let tracked: [ConnectEndpoint] = [
        order, items, handling, location, replacement, chatMessages, sendChatMessage, markChatRead,
    ]

    /// Every endpoint in the table.
    public static let all: [ConnectEndpoint] = [token, order, items, handling, location, replacement, pickupDetails, userArrived,
        chatMessages, sendChatMessage, markChatRead, createShopper, createBatch, advanceBatch, updateItem, createUser,
        authorizeUser, createOrder, sendShopperMessage, shopperMessages, moveShopper, cancelOrder, addFault, clearFaults,
        linkStatus, link, widgetInit]

    /// Where a recording's chat texts live: the post-checkout chat and the sandbox's shopper side of it.
    public static let chat: [ConnectEndpoint] = [chatMessages, sendChatMessage, markChatRead, sendShopperMessage, shopperMessages]

    /// The table's endpoint a request is a call of, with its parameters.
    public static func matching(method: String, path: String, in table: [ConnectEndpoint] = all) -> (ConnectEndpoint, [String: String])? {
        for endpoint in table {
            if let values = endpoint.match(method: method, path: path) { return (endpoint, values) }
        }
        return nil
    }
}
