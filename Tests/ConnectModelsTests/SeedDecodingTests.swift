import ConnectClient
import ConnectModels
import Foundation
import Testing

/// The seed texts' own sample bodies, and their documented variants, decode.
@Suite struct SeedDecodingTests {
    func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try ConnectDecoding.decode(T.self, from: Data(text.utf8), endpoint: "test")
    }

    @Test func orderSample() throws {
        let order = try decode(Order.self, """
            {"id": "a3e30880-10b5-445e-a525-7dae3e2e15b3", "creation_date": "2022-01-13T18:28:07Z", "workflow_state": "brand_new",
             "fulfillment_type": "delivery", "fulfillment_details": {"window_starts_at": "2022-01-13T18:28:06Z", "window_ends_at": "2022-01-13T20:28:06Z"}}
            """)
        #expect(order.id.value == "a3e30880-10b5-445e-a525-7dae3e2e15b3")
        #expect(order.workflowState == .brandNew)
        #expect(order.fulfillmentType == .delivery)
        #expect(order.fulfillmentDetails?.windowEndsAt == ConnectJSON.parseDate("2022-01-13T20:28:06Z"))
    }

    @Test func orderVariants() throws {
        let order = try decode(Order.self, #"{"id": 123456, "workflow_state": "PICKING"}"#)
        #expect(order.id.value == "123456")
        #expect(order.workflowState == .picking)
        #expect(order.fulfillmentDetails == nil)
        let unknown = try decode(Order.self, #"{"id": "x", "workflow_state": "teleporting", "fulfillment_type": "drone"}"#)
        #expect(unknown.workflowState == .unknown("teleporting"))
        #expect(unknown.fulfillmentType == .unknown("drone"))
        #expect(try decode(Order.self, #"{"id": "x", "workflow_state": "cancelled"}"#).workflowState == .canceled)
        #expect(try decode(Order.self, #"{"id": "x", "workflow_state": "ready_for_pickup", "pickup_category": "curbside"}"#).pickupCategory == "curbside")
    }

    @Test func itemsSample() throws {
        let reply = try decode(LineItemsResponse.self, """
            {"line_items": [
              {"id": "1234-5678-9012-abcd", "replacement_status": "SUBSTITUTION_STATUS_UNSPECIFIED", "status": "not_picked",
               "item": {"name": "Organic Bananas", "image_url": "https://example.com/product-image/file/bananas.png", "quantity": "10.0", "cost_unit": "EACH"}},
              {"id": "2345-6789-0123-efgh", "replacement_status": "SUBSTITUTION_STATUS_UNSPECIFIED", "status": "found",
               "item": {"name": "Cantaloupe", "image_url": "https://example.com/product-image/file/cantaloupe.png", "quantity": "1.0", "cost_unit": "EACH"}}
            ]}
            """)
        #expect(reply.lineItems.count == 2)
        #expect(reply.lineItems[0].status == .notPicked)
        #expect(reply.lineItems[0].replacementStatus == .unspecified)
        #expect(reply.lineItems[0].item.costUnit == .each)
        #expect(reply.lineItems[0].item.quantity.doubleValue == 10)
        #expect(reply.lineItems[1].status == .found)
    }

    @Test func itemVariants() throws {
        let reply = try decode(LineItemsResponse.self, """
            {"line_items": [
              {"id": 42, "status": "REPLACED", "replacement_status": "PENDING", "item": {"name": "Milk", "quantity": 2, "cost_unit": "lb"},
               "replacement": {"name": "Oat Milk", "quantity": "2.0", "cost_unit": "each"}},
              {"id": "b", "status": "TO_REFUND", "item": {"name": "Eggs"}},
              {"id": "c", "status": "on_the_moon", "replacement_status": "maybe", "item": {"name": "Cheese", "quantity": "0.5", "cost_unit": "kg"}}
            ]}
            """)
        #expect(reply.lineItems[0].id.value == "42")
        #expect(reply.lineItems[0].status == .replaced)
        #expect(reply.lineItems[0].replacementStatus == .pending)
        #expect(reply.lineItems[0].replacement?.name == "Oat Milk")
        #expect(reply.lineItems[1].status == .toRefund)
        #expect(reply.lineItems[1].replacementStatus == nil)
        #expect(reply.lineItems[1].item.imageURL == nil)
        #expect(reply.lineItems[2].status == .unknown("on_the_moon"))
        #expect(reply.lineItems[2].replacementStatus == .unknown("maybe"))
        #expect(try decode(LineItemsResponse.self, "{}").lineItems.isEmpty)
    }

    @Test func handlingAndLocationSamples() throws {
        let handling = try decode(Handling.self, """
            {"address": {"address_line_1": "501 Belt Line Rd", "locality": "Collinsville", "administrative_area": "IL", "postal_code": "62234", "country_code": "US"},
             "coordinates": {"latitude": 38.6924568, "longitude": -89.9785745}, "dropoff_location": "", "notes": "", "instructions": "",
             "leave_unattended": false, "alcoholic": false, "certified_delivery": true}
            """)
        #expect(handling.address?.locality == "Collinsville")
        #expect(handling.address?.addressLine2 == nil)
        #expect(handling.coordinates?.latitude == 38.6924568)
        #expect(handling.certifiedDelivery)
        #expect(handling.leaveUnattended == false)
        let sparse = try decode(Handling.self, "{}")
        #expect(sparse.address == nil)
        #expect(sparse.alcoholic == false)
        #expect(try decode(ShopperLocation.self, #"{"coordinates": {"latitude": 1, "longitude": 1}}"#).coordinates == Coordinates(latitude: 1, longitude: 1))
        #expect(try decode(ShopperLocation.self, "{}").coordinates == nil)
    }

    @Test func chatSamples() throws {
        let conversation = try decode(ChatConversation.self, """
            {"chat_messages": [{"id": 123, "order_id": 123456, "created_at": "2021-07-09T17:24:12Z", "recipient_id": "", "recipient_type": "",
               "sender_id": "", "sender_type": "", "read": false, "read_at": "2021-07-09T17:24:12Z",
               "body": "Hi, this is Zelma, your shopper. I'm just getting started on your shopping list.", "image": ""}],
             "metadata": {"customer": {"id": 789012, "display_name": "Sierra"},
               "shoppers": [{"id": 23728249, "display_name": "Zelma", "avatar_url": "http://example.com"}]}}
            """)
        #expect(conversation.chatMessages.count == 1)
        #expect(conversation.chatMessages[0].id.value == "123")
        #expect(conversation.chatMessages[0].senderType == .none)
        #expect(conversation.chatMessages[0].senderID == nil)
        #expect(conversation.metadata?.customer?.displayName == "Sierra")
        #expect(conversation.metadata?.shoppers.first?.id.value == "23728249")
        #expect(conversation.isExpired == false)

        let sent = try decode(SendChatMessageResponse.self, #"{"id": 123, "type": "CHAT", "created_at": "2021-01-01T05:00:00Z", "timezone": "Timezone"}"#)
        #expect(sent.id.value == "123")
        #expect(sent.type == "CHAT")
        #expect(try decode(MarkReadResponse.self, #"{"messages_read_count": 1}"#).messagesReadCount == 1)
        let expired = try decode(ChatConversation.self, #"{"chat_messages": [], "is_expired": true}"#)
        #expect(expired.isExpired)
        #expect(expired.metadata == nil)
    }

    @Test func sandboxAndAuthSamples() throws {
        #expect(try decode(IDResponse.self, #"{"id": 23728249}"#).id.value == "23728249")
        #expect(try decode(IDResponse.self, #"{"id": "656178546"}"#).id.value == "656178546")
        let batch = try decode(BatchResponse.self, #"{"id": 656178546, "workflow_state": "picking"}"#)
        #expect(batch.workflowState == "picking")
        let token = try decode(TokenResponse.self, """
            {"access_token": "l0ebkrG2JAXEuNI9UBpWXO-yC7asltvuyw4RjELk3Hc", "token_type": "Bearer", "expires_in": 86400,
             "scope": "account_linking", "created_at": 1615821019}
            """)
        #expect(token.expiresIn == 86_400)
        #expect(token.scope == "account_linking")
        #expect(!token.description.contains("l0ebkrG2"))
        let link = try decode(LinkStatus.self, #"{"express_member": true, "expired_at": "2023-03-12T07:59:59Z"}"#)
        #expect(link.isMember)
        #expect(link.instacartplusMember == nil)
        #expect(link.expiredAt == ConnectJSON.parseDate("2023-03-12T07:59:59Z"))
        #expect(try decode(AuthorizeResponse.self, #"{"code": "9fa2bd7c"}"#).code == "9fa2bd7c")
    }

    @Test func errorBodies() throws {
        let single = try decode(InstacartErrorBody.self, #"{"error": {"message": "User not found", "code": 1001}, "meta": {"key": "user_id"}}"#)
        #expect(single.summary == "User not found (user_id)")
        let several = try decode(InstacartErrorBody.self, """
            {"error": {"message": "There were issues with your request", "code": 9999, "errors": [
              {"error": {"message": "is too long", "code": 1001}, "meta": {"key": "body"}}]}}
            """)
        #expect(several.code == 9999)
        #expect(several.summary.contains("is too long (body)"))
        #expect(try decode(InstacartErrorBody.self, #"{"error": {"message": "Forbidden", "code": null}}"#).code == nil)
    }

    @Test func decodeFailureNamesEndpointAndField() throws {
        do {
            _ = try ConnectDecoding.decode(LineItemsResponse.self, from: Data(#"{"line_items": [{"id": "a", "status": "found"}]}"#.utf8),
                                         endpoint: "GET /v2/post_checkout/orders/{order_id}/items")
            Issue.record("expected a decoding error")
        } catch let error as ConnectError {
            guard case .decoding(let endpoint, let field, _) = error else { Issue.record("wrong error \(error)"); return }
            #expect(endpoint == "GET /v2/post_checkout/orders/{order_id}/items")
            #expect(field == "line_items[0].item")
            #expect(error.description.contains("line_items[0].item"))
        }
        do {
            _ = try ConnectDecoding.decode(Order.self, from: Data("<html>".utf8), endpoint: "GET /v2/post_checkout/orders/{order_id}")
            Issue.record("expected a decoding error")
        } catch let error as ConnectError {
            #expect(error.description.contains("GET /v2/post_checkout/orders/{order_id}"))
        }
    }
}
