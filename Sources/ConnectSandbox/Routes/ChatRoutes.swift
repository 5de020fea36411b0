import ConnectModels
import Foundation
import Hummingbird

/// The shopper-customer chat (user token).
enum ChatRoutes {
    static func add(to router: Router<BasicRequestContext>, _ env: RouteContext) {
        let path = RouterPath("/v2/post_checkout/chat/:order_id/messages")
        router.get(path) { request, context -> Response in
            let user = try await env.user(request)
            return JSONReply.response(try await env.store.conversation(orderID: try RouteContext.parameter(context, "order_id"), user: user))
        }
        router.post(path) { request, context -> Response in
            let user = try await env.user(request)
            let orderID = try RouteContext.parameter(context, "order_id")
            let message = try await env.body(IncomingMessage.self, request)
            return JSONReply.response(try await env.store.customerSends(orderID: orderID, user: user, body: message.body, imageURL: message.imageURL))
        }
        router.put(path) { request, context -> Response in
            let user = try await env.user(request)
            return JSONReply.response(try await env.store.markRead(orderID: try RouteContext.parameter(context, "order_id"), user: user))
        }
    }

    /// A customer's message: text, an image, or both.
    struct IncomingMessage: Decodable {
        var body: String?
        var imageURL: String?
        enum CodingKeys: String, CodingKey {
            case body
            case imageURL = "image_url"
        }
    }
}
