import Testing
import ConnectModels

@Suite struct ConnectEndpointTests {
    @Test func routerPathAndParameters() {
        #expect(ConnectEndpoint.replacement.routerPath == "/v2/post_checkout/orders/:order_id/items/:line_item_id/replacement")
        #expect(ConnectEndpoint.replacement.parameters == ["order_id", "line_item_id"])
        #expect(ConnectEndpoint.order.description == "GET /v2/post_checkout/orders/{order_id}")
    }

    @Test func aRequestMatchesItsEndpointOnly() {
        #expect(ConnectEndpoint.order.match(method: "get", path: "/v2/post_checkout/orders/a%20b") == ["order_id": "a b"])
        #expect(ConnectEndpoint.order.match(method: "PUT", path: "/v2/post_checkout/orders/1") == nil)
        #expect(ConnectEndpoint.order.match(method: "GET", path: "/v2/post_checkout/orders/1/items") == nil)
        let found = ConnectEndpoint.matching(method: "PUT", path: "/v2/post_checkout/chat/9/messages")
        #expect(found?.0 == .markChatRead && found?.1 == ["order_id": "9"])
    }

    @Test func everyEndpointIsInTheTableOnce() {
        #expect(Set(ConnectEndpoint.all).count == ConnectEndpoint.all.count)
        #expect(ConnectEndpoint.tracked.allSatisfy { ConnectEndpoint.all.contains($0) })
    }
}
