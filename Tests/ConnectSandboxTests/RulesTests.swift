import ConnectModels
import ConnectSandbox
import Foundation
import TestSupport
import Testing

/// Auth, chat, replacement and batch rules, through the real client.
@Suite struct RulesTests {
    @Test func missingOrInvalidTokenIs401InInstacartFormat() async throws {
        try await withSandbox { sandbox in
            let orderID = try await sandbox.createOrder()
            let missing = await connectError { try await sandbox.anonymous.order(orderID) }
            #expect(missing?.status == 401)
            #expect(missing?.body?.message.isEmpty == false)
            let invalid = await connectError { try await sandbox.anonymous.with(token: BearerToken("not-a-token")).order(orderID) }
            #expect(invalid?.status == 401)
            let raw = try await sandbox.raw(.GET, "/v2/post_checkout/orders/\(orderID)", token: "nope")
            #expect(raw.status == 401)
            #expect((json(raw.body)["error"] as? [String: Any])?["message"] is String)
        }
    }

    @Test func tokenScopesAndOwnership() async throws {
        try await withSandbox { sandbox in
            let orderID = try await sandbox.createOrder(user: "alice")
            let alice = try await sandbox.user("alice")
            let bob = try await sandbox.user("bob")
            #expect(try await alice.order(orderID).id.value == orderID)
            let e1 = await connectError { try await bob.order(orderID) }
            #expect(e1?.status == 404)
            let e2 = await connectError { try await bob.chatMessages(orderID: orderID) }
            #expect(e2?.status == 404)
            let e3 = await connectError { try await sandbox.client.order(orderID) }
            #expect(e3?.status == 403)
            let e4 = await connectError { try await alice.createShopper(CreateShopperRequest()) }
            #expect(e4?.status == 403)
            let unknown = await connectError { try await alice.order("no-such-order") }
            #expect(unknown?.status == 404)
            #expect(unknown?.body?.code == InstacartErrorCode.notFound)
        }
    }

    @Test func oauthErrorsAndLifetime() async throws {
        try await withSandbox { sandbox in
            let reply = try await sandbox.anonymous.token(.clientCredentials(id: SandboxDefaults.clientID, secret: SandboxDefaults.clientSecret))
            #expect(reply.expiresIn == 86_400)
            #expect(reply.tokenType == "Bearer")
            #expect(reply.scope == TokenScope.fulfillment)
            #expect(reply.accessToken.count >= 32)
            let other = try await sandbox.anonymous.token(.clientCredentials(id: SandboxDefaults.clientID, secret: SandboxDefaults.clientSecret))
            #expect(other.accessToken != reply.accessToken)

            let wrongSecret = await connectError { try await sandbox.anonymous.token(.clientCredentials(id: SandboxDefaults.clientID, secret: "x")) }
            #expect(wrongSecret?.status == 401)
            #expect(wrongSecret?.serverMessage?.contains("invalid_client") == true)
            let badAssertion = await connectError {
                try await sandbox.anonymous.token(TokenRequest(clientID: SandboxDefaults.clientID, clientSecret: SandboxDefaults.clientSecret,
                                                                grantType: .fulfillmentUserAssertion, assertion: "%%%"))
            }
            #expect(badAssertion?.status == 400)
            #expect(badAssertion?.serverMessage?.contains("invalid_grant") == true)
            let badCode = await connectError {
                try await sandbox.anonymous.token(.authorizationCode(id: SandboxDefaults.clientID, secret: SandboxDefaults.clientSecret, code: "nope", redirectURI: "https://example.org"))
            }
            #expect(badCode?.status == 400)
            #expect(badCode?.body?.key == "code")

            // A day later the token no longer works.
            let orderID = try await sandbox.createOrder()
            let user = try await sandbox.user("user-1")
            await sandbox.store.advanceClock(by: 86_401)
            let e5 = await connectError { try await user.order(orderID) }
            #expect(e5?.status == 401)
        }
    }

    @Test func chatRules() async throws {
        try await withSandbox { sandbox in
            let orderID = try await sandbox.createOrder()
            let user = try await sandbox.user("user-1")
            let e6 = await connectError { try await sandbox.client.shopperSays(orderID: orderID, body: "hi") }
            #expect(e6?.status == 403)
            let early = await connectError { try await user.sendChatMessage(orderID: orderID, body: "hello?") }
            #expect(early?.status == 403)
            #expect(early?.serverMessage == "Sending a message is not allowed at this time")

            let (_, batchID) = try await sandbox.assign(orderID)
            _ = try await sandbox.client.advanceBatch(batchID, to: "picking")
            _ = try await user.sendChatMessage(orderID: orderID, body: String(repeating: "a", count: 1000))
            // The client refuses long bodies itself, so check the server with a raw request.
            let long = "{\"body\":\"" + String(repeating: "b", count: 1001) + "\"}"
            let raw = try await sandbox.raw(.POST, "/v2/post_checkout/chat/\(orderID)/messages", body: long, token: try await sandbox.userToken("user-1"))
            #expect(raw.status == 400)
            #expect(errorKey(raw.body) == "body")
            #expect(String(decoding: raw.body, as: UTF8.self).contains("maximum is 1000 characters"))

            _ = try await sandbox.client.advanceBatch(batchID, to: "verifying_replacements")
            _ = try await user.sendChatMessage(orderID: orderID, body: "still ok")
            _ = try await sandbox.client.advanceBatch(batchID, to: "checkout")
            let e7 = await connectError { try await user.sendChatMessage(orderID: orderID, body: "too late") }
            #expect(e7?.status == 403)
        }
    }

    @Test func chatExpiresADayAfterDelivery() async throws {
        try await withSandbox { sandbox in
            let orderID = try await sandbox.createOrder()
            let (_, batchID) = try await sandbox.assign(orderID)
            _ = try await sandbox.client.shopperSays(orderID: orderID, body: "on my way")
            _ = try await sandbox.client.advanceBatch(batchID, to: "completed")
            await sandbox.store.advanceClock(by: 23 * 3600)
            let user = try await sandbox.user("user-1")
            let fresh = try await user.chatMessages(orderID: orderID)
            #expect(fresh.isExpired == false)
            #expect(fresh.chatMessages.count == 1)
            await sandbox.store.advanceClock(by: 2 * 3600)
            let old = try await user.chatMessages(orderID: orderID)
            #expect(old.isExpired)
            #expect(old.chatMessages.isEmpty)
        }
    }

    @Test func replacementApproval() async throws {
        try await withSandbox { sandbox in
            let orderID = try await sandbox.createOrder()
            let user = try await sandbox.user("user-1")
            let (shopperID, batchID) = try await sandbox.assign(orderID)
            _ = try await sandbox.client.advanceBatch(batchID, to: "picking")
            _ = try await sandbox.client.updateShopperItem(shopperID: shopperID, orderID: orderID, lineNum: "1", ShopperItemUpdate(
                status: .replaced, replacementItem: ReplacementItemSpec(name: "Conventional Bananas")))
            _ = try await sandbox.client.updateShopperItem(shopperID: shopperID, orderID: orderID, lineNum: "2", ShopperItemUpdate(
                status: .replaced, replacementItem: ReplacementItemSpec(upc: "0123456789")))
            _ = try await sandbox.client.updateShopperItem(shopperID: shopperID, orderID: orderID, lineNum: "3", ShopperItemUpdate(status: .notFound))
            var items = try await user.items(orderID: orderID)
            #expect(items[0].status == .replaced)
            #expect(items[0].replacementStatus == .pending)
            #expect(items[0].replacement?.name == "Conventional Bananas")
            #expect(items[1].replacement?.name.contains("0123456789") == true)
            #expect(items[2].status == .toRefund)
            #expect(items[3].replacementStatus == .unspecified)

            // Not a replaced item.
            let notReplaced = await connectError { try await user.decideReplacement(orderID: orderID, lineItemID: items[3].id.value, decision: .approve) }
            #expect(notReplaced?.status == 400)
            try await user.decideReplacement(orderID: orderID, lineItemID: items[0].id.value, decision: .approve)
            let second = await connectError { try await user.decideReplacement(orderID: orderID, lineItemID: items[0].id.value, decision: .reject) }
            #expect(second?.status == 400)
            #expect(second?.serverMessage == "Order item change already responded to")
            items = try await user.items(orderID: orderID)
            #expect(items[0].replacementStatus == .approved)
            #expect(items[0].status == .approved)

            // Outside picking the pending one cannot be answered.
            _ = try await sandbox.client.advanceBatch(batchID, to: "verifying_replacements")
            let late = await connectError { try await user.decideReplacement(orderID: orderID, lineItemID: items[1].id.value, decision: .reject) }
            #expect(late?.status == 400)
            let e10 = await connectError {
                try await user.decideReplacement(orderID: orderID, lineItemID: "missing", decision: .approve)
            }
            #expect(e10?.status == 404)
        }
    }

    @Test func rejectedAlternativeIsValidatedByTheServer() async throws {
        try await withSandbox { sandbox in
            let orderID = try await sandbox.createOrder()
            let (shopperID, batchID) = try await sandbox.assign(orderID)
            _ = try await sandbox.client.advanceBatch(batchID, to: "picking")
            _ = try await sandbox.client.updateShopperItem(shopperID: shopperID, orderID: orderID, lineNum: "1", ShopperItemUpdate(
                status: .replaced, replacementItem: ReplacementItemSpec(name: "X")))
            let lineID = try await sandbox.user("user-1").items(orderID: orderID)[0].id.value
            let body = #"{"status":"REJECTED","alternative_item":{"upc":"1","rrc":"2","count":1}}"#
            let raw = try await sandbox.raw(.PUT, "/v2/post_checkout/orders/\(orderID)/items/\(lineID)/replacement", body: body,
                                            token: try await sandbox.userToken("user-1"))
            #expect(raw.status == 400)
            #expect(errorKey(raw.body) == "alternative_item")
        }
    }

    @Test func batchAndSimulatorErrors() async throws {
        try await withSandbox { sandbox in
            let orderID = try await sandbox.createOrder()
            let (shopperID, batchID) = try await sandbox.assign(orderID)
            let unknownState = await connectError { try await sandbox.client.advanceBatch(batchID, to: "teleporting") }
            #expect(unknownState?.status == 400)
            #expect(unknownState?.body?.key == "workflow_state")
            let e8 = await connectError { try await sandbox.client.advanceBatch("999") }
            #expect(e8?.status == 404)
            let noShopper = await connectError {
                try await sandbox.client.createBatch(CreateBatchRequest(shopperID: "1", orders: [BatchOrderRef(id: FlexibleID(orderID))]))
            }
            #expect(noShopper?.status == 404)
            #expect(noShopper?.body?.key == "shopper_id")
            let wrongType = await connectError {
                try await sandbox.client.createBatch(CreateBatchRequest(batchType: .pickup, shopperID: FlexibleID(shopperID),
                                                                        orders: [BatchOrderRef(id: FlexibleID(orderID))]))
            }
            #expect(wrongType?.status == 400)
            let missingLine = await connectError {
                try await sandbox.client.updateShopperItem(shopperID: shopperID, orderID: orderID, lineNum: "99", ShopperItemUpdate(status: .found))
            }
            #expect(missingLine?.body?.key == "line_num")

            #expect(try await sandbox.client.cancelOrder(orderID).success)
            #expect(try await sandbox.user("user-1").order(orderID).workflowState == .canceled)
            let e9 = await connectError { try await sandbox.client.advanceBatch(batchID) }
            #expect(e9?.status == 400)
        }
    }

    @Test func createOrderTakesItemsInOrder() async throws {
        try await withSandbox { sandbox in
            let orderID = try await sandbox.createOrder(user: "u9", items: [
                NewOrderItem(name: "Limes", quantity: FlexibleNumber("4"), costUnit: .each),
                NewOrderItem(name: "Salmon", quantity: FlexibleNumber("0.8"), costUnit: .kg),
            ], customerName: "Ana")
            let items = try await sandbox.user("u9").items(orderID: orderID)
            #expect(items.map(\.item.name) == ["Limes", "Salmon"])
            #expect(items[1].item.costUnit == .kg)
            #expect(await sandbox.store.lineItems(orderID: orderID).map(\.lineNum) == ["1", "2"])
            let (_, _) = try await sandbox.assign(orderID)
            #expect(try await sandbox.client.shopperConversation(orderID: orderID).metadata?.customer?.displayName == "Ana")
        }
    }

    @Test func sameSeedSameIDs() async throws {
        var runs: [[String]] = []
        for seed in [42, 42, 43] as [UInt64] {
            try await withSandbox(SandboxConfiguration(seed: seed)) { sandbox in
                let orderID = try await sandbox.createOrder()
                let (shopperID, batchID) = try await sandbox.assign(orderID)
                let lineIDs = try await sandbox.user("user-1").items(orderID: orderID).map(\.id.value)
                runs.append([orderID, shopperID, batchID] + lineIDs)
            }
        }
        #expect(runs[0] == runs[1])
        #expect(runs[0] != runs[2])
    }

    @Test func accountLinking() async throws {
        try await withSandbox { sandbox in
            let connectUser = "38b15dd0-150d-40cf-9c8a-963b0e6c6b9f"
            let notLinked = await connectError { try await sandbox.client.linkStatus(userID: connectUser) }
            #expect(notLinked?.status == 400)
            #expect(notLinked?.serverMessage == "User Not Linked")

            let icUser = try await sandbox.client.createInstacartUser(CreateInstacartUserRequest(email: "a@example.com", phone: "555", password: "pw"))
            let code = try await sandbox.client.authorizeInstacartUser(icUser.id.value, AuthorizeRequest(redirectURI: "https://example.org"))
            let mismatch = await connectError {
                try await sandbox.anonymous.token(.authorizationCode(id: SandboxDefaults.clientID, secret: SandboxDefaults.clientSecret, code: code.code, redirectURI: "https://evil.example"))
            }
            #expect(mismatch?.status == 400)
            #expect(mismatch?.body?.key == "redirect_uri")
            let linking = try await sandbox.anonymous.token(.authorizationCode(id: SandboxDefaults.clientID, secret: SandboxDefaults.clientSecret, code: code.code,
                                                                               redirectURI: "https://example.org"))
            #expect(linking.scope == "account_linking")
            let invalid = await connectError { try await sandbox.client.link(userID: connectUser, linkingToken: "bogus") }
            #expect(invalid?.serverMessage == "Linking token is invalid")
            #expect(try await sandbox.client.link(userID: connectUser, linkingToken: linking.accessToken).success)
            let status = try await sandbox.client.linkStatus(userID: connectUser)
            #expect(status.instacartplusMember == true)
            #expect(status.expressMember == true)
            #expect(status.expiredAt != nil)
        }
    }

    @Test func widgetSession() async throws {
        try await withSandbox { sandbox in
            let first = try await sandbox.anonymous.initWidgetSession()
            #expect(first.status == 200)
            #expect(first.cookies.count == 1)
            #expect(first.cookies[0].hasPrefix(SandboxStore.sessionCookie + "="))
            let kept = try await sandbox.anonymous.initWidgetSession(cookies: first.cookies)
            #expect(kept.status == 200)
            #expect(kept.cookies == first.cookies)
            let forged = try await sandbox.anonymous.initWidgetSession(cookies: ["\(SandboxStore.sessionCookie)=forged"])
            #expect(forged.status == 403)
        }
    }
}
