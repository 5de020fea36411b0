import ConnectModels
import Foundation
import Hummingbird

/// The documented Sandbox API (client token): shoppers, batches, advance, shopper item updates, Instacart users.
enum SandboxAPIRoutes {
    static func add(to router: Router<BasicRequestContext>, _ env: RouteContext) {
        // The seed's curl for this call has no body at all, so every field is optional.
        router.post("/v2/fulfillment_sandbox/shoppers") { request, _ -> Response in
            try await env.client(request)
            let body = try await env.optionalBody(CreateShopperRequest.self, request) ?? CreateShopperRequest()
            return JSONReply.response(try await env.store.createShopper(body))
        }
        router.post("/v2/fulfillment_sandbox/batches") { request, _ -> Response in
            try await env.client(request)
            return JSONReply.response(try await env.store.createBatch(try await env.body(CreateBatchRequest.self, request)))
        }
        router.post("/v2/fulfillment_sandbox/batches/:batch_id/advance") { request, context -> Response in
            try await env.client(request)
            let batchID = try RouteContext.parameter(context, "batch_id")
            let body = try await env.optionalBody(AdvanceBatchRequest.self, request)
            return JSONReply.response(try await env.store.advance(batchID: batchID, to: body?.workflowState))
        }
        router.put("/v2/fulfillment_sandbox/shoppers/:shopper_id/orders/:order_id/items/:line_num") { request, context -> Response in
            try await env.client(request)
            let update = try await env.body(ShopperItemUpdate.self, request)
            return JSONReply.response(try await env.store.updateItem(
                shopperID: try RouteContext.parameter(context, "shopper_id"), orderID: try RouteContext.parameter(context, "order_id"),
                lineNum: try RouteContext.parameter(context, "line_num"), update: update))
        }
        router.post("/v2/fulfillment_sandbox/instacart_users") { request, _ -> Response in
            try await env.client(request)
            return JSONReply.response(try await env.store.createInstacartUser(try await env.body(CreateInstacartUserRequest.self, request)))
        }
        router.post("/v2/fulfillment_sandbox/instacart_users/:id/authorize") { request, context -> Response in
            try await env.client(request)
            let id = try RouteContext.parameter(context, "id")
            return JSONReply.response(try await env.store.authorize(instacartUserID: id, request: try await env.body(AuthorizeRequest.self, request)))
        }
    }
}
