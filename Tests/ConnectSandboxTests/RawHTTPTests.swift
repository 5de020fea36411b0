import ConnectClient
import ConnectModels
import ConnectSandbox
import Foundation
import TestSupport
import Testing

/// What the client hides: bad bodies, unknown routes, the seed's own curl quirks, the access log, faults.
@Suite struct RawHTTPTests {
    @Test func malformedAndMistypedBodiesName400Fields() async throws {
        try await withSandbox { sandbox in
            let token = try await sandbox.clientToken()
            let malformed = try await sandbox.raw(.POST, "/v2/fulfillment_sandbox/batches", body: "{\"shopper_id\": ", token: token)
            #expect(malformed.status == 400)
            #expect(errorKey(malformed.body) == "body")
            let mistyped = try await sandbox.raw(.POST, "/v2/fulfillment_sandbox/orders", body: #"{"user_id": "u", "items": [{"name": 5}]}"#, token: token)
            #expect(mistyped.status == 400)
            #expect(errorKey(mistyped.body) == "items[0].name")
            let missing = try await sandbox.raw(.POST, "/v2/fulfillment_sandbox/batches", body: #"{"orders": []}"#, token: token)
            #expect(missing.status == 400)
            #expect(errorKey(missing.body) == "shopper_id")
            let badCoordinates = try await sandbox.raw(.POST, "/v2/fulfillment_sandbox/orders/x/location", body: #"{"latitude": "north"}"#, token: token)
            #expect(badCoordinates.status == 400)
            #expect(errorKey(badCoordinates.body) == "latitude")
            let huge = try await sandbox.raw(.POST, "/v2/fulfillment_sandbox/orders", body: "{\"user_id\":\"" + String(repeating: "x", count: 100_000) + "\"}", token: token)
            #expect(huge.status == 400)
            #expect(errorKey(huge.body) == "body")
            let route = try await sandbox.raw(.GET, "/v2/nothing/here", token: token)
            #expect(route.status == 404)
            #expect((json(route.body)["error"] as? [String: Any])?["code"] as? Int == 4000)
        }
    }

    @Test func seedCurlsWorkAsWritten() async throws {
        try await withSandbox { sandbox in
            let token = try await sandbox.clientToken()
            let orderID = try await sandbox.createOrder()
            // The create-shopper curl loses its body to a missing backslash: no body, no Content-Type.
            let shopper = try await sandbox.raw(.POST, "/v2/fulfillment_sandbox/shoppers", headers: [("Accept", "application/json")], token: token)
            #expect(shopper.status == 200)
            let shopperID = json(shopper.body)["id"] as? Int
            #expect(shopperID != nil)
            let batch = try await sandbox.raw(.POST, "/v2/fulfillment_sandbox/batches",
                                              body: "{\n\"batch_type\": \"delivery\",\n\"shopper_id\": \(shopperID ?? 0),\n\"orders\": [\n{\n\"id\": \"\(orderID)\",\n\"user_id\": \"user-1\"\n}\n]\n}",
                                              headers: [("Content-Type", "application/json")], token: token)
            #expect(batch.status == 200)
            #expect(json(batch.body)["workflow_state"] as? String == "acknowledged")
            let batchID = (json(batch.body)["id"] as? Int).map(String.init) ?? ""
            // curl --data without a Content-Type sends a form type; the JSON is still read.
            let staged = try await sandbox.raw(.POST, "/v2/fulfillment_sandbox/batches/\(batchID)/advance", body: "{\n\"workflow_state\": \"staged\"\n}",
                                               headers: [("Content-Type", "application/x-www-form-urlencoded")], token: token)
            #expect(json(staged.body)["workflow_state"] as? String == "staged")
            let userToken = try await sandbox.userToken("user-1")
            let location = try await sandbox.raw(.GET, "/v2/post_checkout/orders/\(orderID)/location", token: userToken)
            #expect(location.status == 200)
            #expect(String(decoding: location.body, as: UTF8.self) == "{}")
            let items = try await sandbox.raw(.GET, "/v2/post_checkout/orders/\(orderID)/items", token: userToken)
            let first = (json(items.body)["line_items"] as? [[String: Any]])?.first
            #expect(first?["status"] as? String == "not_picked")
            #expect(first?["replacement_status"] as? String == "SUBSTITUTION_STATUS_UNSPECIFIED")
            // Form-encoded token requests work too.
            let form = try await sandbox.raw(.POST, "/v2/oauth/token", body: "grant_type=client_credentials&client_id=\(SandboxDefaults.clientID)&client_secret=\(SandboxDefaults.clientSecret)",
                                             headers: [("Content-Type", "application/x-www-form-urlencoded")])
            #expect(json(form.body)["expires_in"] as? Int == 86_400)
        }
    }

    @Test func accessLogHasOneJSONLinePerRequest() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ordertop-access-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try await withSandbox(SandboxConfiguration(accessLogPath: path)) { sandbox in
            _ = try await sandbox.raw(.GET, "/v2/post_checkout/orders/x?secret=1", headers: [("User-Agent", "ordertop/test (board)")])
        }
        let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 2) // the token call of withSandbox, then the GET
        for line in lines {
            let object = json(Data(line.utf8))
            #expect(Set(object.keys) == ["time", "method", "path", "status", "duration_ms", "agent"])
            #expect(object["duration_ms"] is Double || object["duration_ms"] is Int)
            let time = object["time"] as? String ?? ""
            #expect(time.contains("."), "milliseconds in \(time)")
            #expect(ConnectJSON.parseDate(time) != nil)
        }
        let last = json(Data(lines[1].utf8))
        #expect(last["method"] as? String == "GET")
        #expect(last["path"] as? String == "/v2/post_checkout/orders/x")
        #expect(last["status"] as? Int == 401)
        #expect(last["agent"] as? String == "ordertop/test (board)")
        // The harness's token call goes through ConnectClient, which names ordertop and its version.
        #expect((json(Data(lines[0].utf8))["agent"] as? String)?.hasPrefix("ordertop/\(OrdertopVersion.current)") == true)
    }

    @Test func accessLogHasALineForEachStateChange() async throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("ordertop-access-\(UUID().uuidString).log").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        var orderID = ""
        try await withSandbox(SandboxConfiguration(accessLogPath: path)) { sandbox in
            orderID = try await sandbox.createOrder()
            let (_, batch) = try await sandbox.assign(orderID)
            _ = try await sandbox.client.advanceBatch(batch)
            _ = try await sandbox.client.advanceBatch(batch, to: "delivering")
            // The line is written by a task of its own: wait for it, with a bound.
            let deadline = Date().addingTimeInterval(10)
            while Date() < deadline, (try? String(contentsOfFile: path, encoding: .utf8))?.contains(#""state":"delivering""#) != true {
                try await Task.sleep(for: .milliseconds(20))
            }
        }
        let events = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
            .map { json(Data($0.utf8)) }.filter { $0["event"] as? String == "workflow_state" }
        #expect(events.allSatisfy { $0["order_id"] as? String == orderID && ConnectJSON.parseDate($0["time"] as? String ?? "") != nil })
        let states = events.compactMap { $0["state"] as? String }
        #expect(states.count >= 2, "\(states)")
        #expect(states.last == "delivering")
        #expect(Set(states).count == states.count, "a state is logged once, when it changes: \(states)")
    }

    @Test func faultsFromSwift() async throws {
        try await withSandbox { sandbox in
            let orderID = try await sandbox.createOrder()
            let user = try await sandbox.user("user-1")
            await sandbox.server.injectFault(Fault(pathPrefix: "/v2/post_checkout/orders", kind: .status(500), count: 1))
            let e1 = await connectError { try await user.order(orderID) }
            #expect(e1?.status == 500)
            #expect(try await user.order(orderID).id.value == orderID) // used up

            await sandbox.server.injectFault(Fault(pathPrefix: "/v2/post_checkout", method: "GET", kind: .status(429, retryAfter: 7)))
            let limited = await connectError { try await user.order(orderID) }
            guard case .http(_, 429, _, let retryAfter) = limited else { Issue.record("expected 429, got \(String(describing: limited))"); return }
            #expect(retryAfter == .seconds(7))

            await sandbox.server.injectFault(Fault(pathPrefix: "/v2/post_checkout", kind: .garbage))
            guard case .decoding(let endpoint, _, _) = await connectError({ try await user.order(orderID) }) else {
                Issue.record("expected a decoding error"); return
            }
            #expect(endpoint.contains("/v2/post_checkout/orders/{order_id}"))

            await sandbox.server.injectFault(Fault(pathPrefix: "/v2/post_checkout", kind: .closeConnection))
            let start = ContinuousClock.now
            guard case .transport(_, _, let reason, _) = await connectError({ try await user.order(orderID) }) else {
                Issue.record("expected a transport error"); return
            }
            #expect(reason == "the server closed the connection")
            #expect(ContinuousClock.now - start < .seconds(5), "the connection closes at once instead of timing out")
            #expect(try await user.order(orderID).workflowState == .brandNew)

            // drop-response carries the request out before it closes the connection: the client cannot tell.
            let (_, batch) = try await sandbox.assign(orderID)
            _ = try await sandbox.client.advanceBatch(batch) // picking, so the chat takes messages
            await sandbox.server.injectFault(Fault(pathPrefix: "/v2/post_checkout/chat", method: "POST", kind: .dropResponse))
            guard case .transport(_, _, let dropped, let mayHaveBeenSent) = await connectError({
                try await user.sendChatMessage(orderID: orderID, body: "Did this arrive?")
            }) else {
                Issue.record("expected a transport error"); return
            }
            #expect(dropped == "the server closed the connection" && mayHaveBeenSent)
            #expect(await sandbox.store.messages(orderID: orderID).map(\.body).filter { $0 == "Did this arrive?" }.count == 1)

            await sandbox.server.injectFault(Fault(pathPrefix: "/v2/post_checkout", kind: .delay(milliseconds: 1)))
            #expect(try await user.order(orderID).workflowState == .picking)
            #expect(await sandbox.store.pendingFaults().isEmpty)
        }
    }

    @Test func faultsOverHTTP() async throws {
        try await withSandbox { sandbox in
            let orderID = try await sandbox.createOrder()
            let user = try await sandbox.user("user-1")
            let reply = try await sandbox.client.injectFault(FaultRequest(kind: "status", pathPrefix: "/v2/post_checkout", status: 503, count: 2))
            #expect(reply.pending == 1)
            let e2 = await connectError { try await user.order(orderID) }
            #expect(e2?.status == 503)
            #expect(try await sandbox.client.clearFaults().pending == 0)
            #expect(try await user.order(orderID).workflowState == .brandNew)
            let bad = await connectError { try await sandbox.client.injectFault(FaultRequest(kind: "explode")) }
            #expect(bad?.body?.key == "kind")
        }
    }

    @Test func stoppedServerIsATransportError() async throws {
        let server = try await SandboxServer.start()
        #expect(server.port > 0)
        #expect(server.baseURL == "http://127.0.0.1:\(server.port)")
        await server.stop()
        // AsyncHTTPClient retries refused connections until the deadline, so keep the deadline short.
        let error = await connectError { try await ConnectClient(baseURL: server.baseURL, timeout: .seconds(1)).token(.clientCredentials(id: "a", secret: "b")) }
        guard case .transport(_, _, let reason, _) = error else { Issue.record("expected transport, got \(String(describing: error))"); return }
        #expect(reason == "connection refused")
    }
}
