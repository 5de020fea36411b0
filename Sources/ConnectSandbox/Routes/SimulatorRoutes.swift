import ConnectModels
import Foundation
import Hummingbird

/// Calls the docs do not have (client token): create an order, speak and move as the shopper, cancel,
/// read the conversation as the shopper, and inject faults.
enum SimulatorRoutes {
    static func add(to router: Router<BasicRequestContext>, _ env: RouteContext) {
        router.post("/v2/fulfillment_sandbox/orders") { request, _ -> Response in
            try await env.client(request)
            return JSONReply.response(try await env.store.createOrder(try await env.body(CreateOrderRequest.self, request)))
        }
        router.post("/v2/fulfillment_sandbox/orders/:order_id/messages") { request, context -> Response in
            try await env.client(request)
            let orderID = try RouteContext.parameter(context, "order_id")
            let message = try await env.body(ShopperMessageRequest.self, request)
            return JSONReply.response(try await env.store.shopperSays(orderID: orderID, body: message.body))
        }
        router.get("/v2/fulfillment_sandbox/orders/:order_id/messages") { request, context -> Response in
            try await env.client(request)
            return JSONReply.response(try await env.store.conversation(orderID: try RouteContext.parameter(context, "order_id"), user: nil))
        }
        router.post("/v2/fulfillment_sandbox/orders/:order_id/location") { request, context -> Response in
            try await env.client(request)
            let orderID = try RouteContext.parameter(context, "order_id")
            let coordinates = try await env.body(Coordinates.self, request)
            return JSONReply.response(try await env.store.moveShopper(orderID: orderID, to: coordinates))
        }
        router.post("/v2/fulfillment_sandbox/orders/:order_id/cancel") { request, context -> Response in
            try await env.client(request)
            return JSONReply.response(try await env.store.cancelOrder(try RouteContext.parameter(context, "order_id")))
        }
        router.post("/v2/fulfillment_sandbox/faults") { request, _ -> Response in
            try await env.client(request)
            let fault = try parse(try await env.body(FaultRequest.self, request))
            await env.store.injectFault(fault)
            return JSONReply.response(FaultsResponse(pending: await env.store.pendingFaults().count))
        }
        router.delete("/v2/fulfillment_sandbox/faults") { request, _ -> Response in
            try await env.client(request)
            await env.store.clearFaults()
            return JSONReply.response(FaultsResponse(pending: 0))
        }
    }

    static func parse(_ request: FaultRequest) throws -> Fault {
        let kind: Fault.Kind
        switch request.kind.lowercased() {
        case "status":
            guard let status = request.status, (400...599).contains(status) else {
                throw SandboxError.badRequest("status must be between 400 and 599", key: "status")
            }
            if let retry = request.retryAfter, retry < 0 { throw SandboxError.badRequest("retry_after must be >= 0", key: "retry_after") }
            kind = .status(status, retryAfter: request.retryAfter)
        case "garbage": kind = .garbage
        case "close", "close_connection": kind = .closeConnection
        case "drop-response", "drop_response": kind = .dropResponse
        case "delay":
            guard let ms = request.delayMS, (0...60_000).contains(ms) else {
                throw SandboxError.badRequest("delay_ms must be between 0 and 60000", key: "delay_ms")
            }
            kind = .delay(milliseconds: ms)
        default:
            throw SandboxError.badRequest("kind must be status, garbage, close, drop-response or delay", key: "kind")
        }
        let count = request.count ?? 1
        guard (1...10_000).contains(count) else { throw SandboxError.badRequest("count must be between 1 and 10000", key: "count") }
        return Fault(pathPrefix: request.pathPrefix ?? "/", method: request.method, kind: kind, count: count)
    }
}
