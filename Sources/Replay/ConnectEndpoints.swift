import ConnectModels
import Foundation

/// How a recorded request is matched to the call the replaying tracker makes: by the endpoint
/// table's tracked calls, named as the recording names them (`GET /v2/post_checkout/orders/{order_id}`).
enum ConnectEndpoints {
    static let order = ConnectEndpoint.order.description
    static let markRead = ConnectEndpoint.markChatRead.description
    static let templates: Set<String> = Set(ConnectEndpoint.tracked.map(\.description))

    /// The template and order id a request's method and URL stand for, if it is one of the tracked calls.
    static func match(method: String, url: String) -> ReplayTimeline.Key? {
        guard let path = URLComponents(string: url)?.percentEncodedPath,
              let (endpoint, values) = ConnectEndpoint.matching(method: method, path: path, in: ConnectEndpoint.tracked) else { return nil }
        return ReplayTimeline.Key(endpoint: endpoint.description, orderID: values["order_id"])
    }
}
