import ConnectModels
import Foundation
import Hummingbird

/// Account linking: GET and POST `/v2/fulfillment/users/{user_id}/link`. `X-Retailer-Id` is accepted and not checked.
enum LinkingRoutes {
    static func add(to router: Router<BasicRequestContext>, _ env: RouteContext) {
        router.get("/v2/fulfillment/users/:user_id/link") { request, context -> Response in
            try await env.clientOrLinking(request)
            return JSONReply.response(try await env.store.linkStatus(userID: try RouteContext.parameter(context, "user_id")))
        }
        router.post("/v2/fulfillment/users/:user_id/link") { request, context -> Response in
            try await env.clientOrLinking(request)
            let userID = try RouteContext.parameter(context, "user_id")
            let body = try await env.body(LinkRequest.self, request)
            return JSONReply.response(try await env.store.link(userID: userID, linkingToken: body.linkingToken))
        }
    }
}
