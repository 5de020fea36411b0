import ConnectModels
import Foundation
import Hummingbird

/// Post-checkout order calls (user token): order, items, handling, location, replacement, pickup.
enum OrderRoutes {
    static func add(to router: Router<BasicRequestContext>, _ env: RouteContext) {
        let base = "/v2/post_checkout/orders/:order_id"
        router.get(RouterPath(base)) { request, context -> Response in
            let user = try await env.user(request)
            return JSONReply.response(try await env.store.order(try RouteContext.parameter(context, "order_id"), user: user))
        }
        router.get(RouterPath(base + "/items")) { request, context -> Response in
            let user = try await env.user(request)
            let items = try await env.store.items(try RouteContext.parameter(context, "order_id"), user: user)
            return JSONReply.response(LineItemsResponse(lineItems: items))
        }
        router.get(RouterPath(base + "/handling")) { request, context -> Response in
            let user = try await env.user(request)
            return JSONReply.response(try await env.store.handling(try RouteContext.parameter(context, "order_id"), user: user))
        }
        router.get(RouterPath(base + "/location")) { request, context -> Response in
            let user = try await env.user(request)
            return JSONReply.response(try await env.store.location(try RouteContext.parameter(context, "order_id"), user: user))
        }
        router.put(RouterPath(base + "/items/:line_item_id/replacement")) { request, context -> Response in
            let user = try await env.user(request)
            let orderID = try RouteContext.parameter(context, "order_id")
            let lineItemID = try RouteContext.parameter(context, "line_item_id")
            let decision = try await env.body(ReplacementDecision.self, request)
            try await env.store.decideReplacement(orderID: orderID, lineItemID: lineItemID, decision: decision, user: user)
            return JSONReply.response(EmptyObject())
        }
        router.get(RouterPath(base + "/pickup/details")) { request, context -> Response in
            let user = try await env.user(request)
            return JSONReply.response(try await env.store.pickupDetails(try RouteContext.parameter(context, "order_id"), user: user))
        }
        router.post(RouterPath(base + "/pickup/user_arrived")) { request, context -> Response in
            let user = try await env.user(request)
            return JSONReply.response(try await env.store.userArrived(try RouteContext.parameter(context, "order_id"), user: user))
        }
    }
}
