import Foundation

/// The post-checkout calls a tracker makes, as method and path template: how a recorded request is matched to
/// the call the replaying tracker makes.
enum ConnectEndpoints {
    static let order = "GET /v2/post_checkout/orders/{order_id}"
    static let markRead = "PUT /v2/post_checkout/chat/{order_id}/messages"

    static let templates: [String] = [
        order,
        "GET /v2/post_checkout/orders/{order_id}/items",
        "GET /v2/post_checkout/orders/{order_id}/handling",
        "GET /v2/post_checkout/orders/{order_id}/location",
        "PUT /v2/post_checkout/orders/{order_id}/items/{line_item_id}/replacement",
        "GET /v2/post_checkout/chat/{order_id}/messages",
        "POST /v2/post_checkout/chat/{order_id}/messages",
        markRead,
    ]

    /// The template and order id a request's method and URL stand for, if it is one of the calls above.
    static func match(method: String, url: String) -> ReplayTimeline.Key? {
        guard let path = URLComponents(string: url)?.percentEncodedPath else { return nil }
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        for template in templates {
            let parts = template.split(separator: " ", maxSplits: 1)
            guard parts.count == 2, parts[0] == method.uppercased() else { continue }
            let pattern = parts[1].split(separator: "/", omittingEmptySubsequences: true)
            guard pattern.count == segments.count else { continue }
            var orderID: String?
            var matches = true
            for (expected, actual) in zip(pattern, segments) {
                if expected.hasPrefix("{") {
                    if expected == "{order_id}" { orderID = String(actual).removingPercentEncoding ?? String(actual) }
                } else if expected != actual {
                    matches = false
                    break
                }
            }
            if matches { return ReplayTimeline.Key(endpoint: template, orderID: orderID) }
        }
        return nil
    }
}
