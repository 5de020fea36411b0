import ConnectClient
import ConnectModels
import ConnectSandbox
import Foundation
import Testing

extension EndToEnd {
    /// `watch --json` and `board --json` as a script runs them: the real binary, its stdout read line by line
    /// while a real sandbox walks the orders through their states.
    @Suite("--json from the command line", .serialized)
    struct JSONEndToEndTests {
        /// The states a delivery shows while `advance` walks its batch, one step at a time.
        static let deliveryStates = ["brand_new", "acknowledged", "picking", "verifying_replacements", "checkout", "bags_check",
                                     "delivering", "delivered"]

        @Test("watch --json: every line is a JSON object with type, order_id, time and user_id; the states come in order; exit 0")
        func watch() async throws {
            let server = try await SandboxServer.start(SandboxConfiguration(port: 0))
            do {
                let admin = try await ConnectClient(baseURL: server.baseURL).withClientToken()
                let order = try await admin.createOrder(CreateOrderRequest(userID: "json-user", customerName: "Sierra")).id.value
                let run = try JSONRun(["watch", "--json", "--user", "json-user", "--order", order, "--base-url", server.baseURL, "--interval", "0.1", "--slow-interval", "0.1"])
                defer { run.stop() }
                try await run.waitForState("brand_new", order: order)
                let shopper = try await admin.createShopper(CreateShopperRequest(displayName: "Zelma")).id
                let batch = try await admin.createBatch(CreateBatchRequest(shopperID: shopper, orders: [BatchOrderRef(id: FlexibleID(order))])).id.value
                try await run.waitForState("acknowledged", order: order)
                _ = try await admin.advanceBatch(batch)
                try await run.waitForState("picking", order: order)
                _ = try await admin.shopperSays(orderID: order, body: "Hi, this is Zelma.\nIs Skyr OK?")
                _ = try await admin.updateShopperItem(shopperID: shopper.value, orderID: order, lineNum: "1",
                                                      ShopperItemUpdate(status: .replaced, replacementItem: ReplacementItemSpec(name: "Plantains")))
                try await run.waitFor("the question and the replacement") { objects in
                    objects.contains { $0["type"] as? String == "chat" && $0["unread"] as? Int == 1 }
                        && objects.contains { ($0["counts"] as? [String: Int])?["replaced"] == 1 }
                }
                for state in Self.deliveryStates.dropFirst(3) {
                    _ = try await admin.advanceBatch(batch)
                    if state == "delivered" { break }
                    try await run.waitForState(state, order: order)
                    if state == "delivering" {
                        _ = try await admin.moveShopper(orderID: order, to: Coordinates(latitude: 38.7, longitude: -89.98))
                        try await run.waitFor("the shopper's position") { objects in
                            objects.contains { ($0["coordinates"] as? [String: Double])?["latitude"] == 38.7 && $0["type"] as? String == "location" }
                        }
                    }
                }
                let code = try await run.waitForExit()
                let objects = try run.objects(complete: true)
                #expect(code == 0, "stderr: \(run.stderr)")
                #expect(run.stderr.isEmpty, "stdout is the only channel: \(run.stderr)")
                for object in objects {
                    #expect(object["order_id"] as? String == order)
                    #expect(object["user_id"] as? String == "json-user", "the minted token's user: \(object)")
                }
                #expect(JSONRun.states(objects, order: order) == Self.deliveryStates)
                #expect(Set(objects.compactMap { $0["type"] as? String })
                    .isSuperset(of: ["order", "items", "handling", "location", "chat", "connection", "finished"]))
                let chat = try #require(objects.last { $0["type"] as? String == "chat" }?["messages"] as? [[String: Any]])
                #expect(chat.first?["from"] as? String == "shopper" && chat.first?["body"] as? String == "Hi, this is Zelma.\nIs Skyr OK?")
                let items = try #require(objects.last { $0["type"] as? String == "items" }?["items"] as? [[String: Any]])
                #expect((items.first?["replacement"] as? [String: Any])?["name"] as? String == "Plantains", "line 1 was replaced")
                let handling = try #require(objects.first { $0["type"] as? String == "handling" })
                #expect((handling["address"] as? [String: Any])?["address_line_1"] as? String == "501 Belt Line Rd")
                #expect(objects.last?["type"] as? String == "finished" && objects.last?["state"] as? String == "delivered")
                let times = objects.compactMap { $0["time"] as? String }
                #expect(times == times.sorted(), "times only go forward")
            } catch {
                await server.stop()
                throw error
            }
            await server.stop()
        }

        @Test("watch --json on a missing order, or another user's: an error object on stdout, exit 4")
        func watchMissingOrder() async throws {
            let server = try await SandboxServer.start(SandboxConfiguration(port: 0))
            do {
                let anonymous = ConnectClient(baseURL: server.baseURL)
                let theirs = try await anonymous.withClientToken().createOrder(CreateOrderRequest(userID: "someone-else")).id.value
                let token = try await anonymous.mintUserToken(for: "json-user").accessToken
                for order in ["nope", theirs] {
                    let run = try JSONRun(["watch", "--json", "--order", order, "--base-url", server.baseURL, "--interval", "0.1", "--slow-interval", "0.1"],
                                          environment: ["ORDERTOP_TOKEN": token])
                    defer { run.stop() }
                    #expect(try await run.waitForExit() == 4)
                    let objects = try run.objects(complete: true)
                    let errors = objects.filter { $0["type"] as? String == "error" }
                    #expect(errors.count == 1 && objects.last?["type"] as? String == "error")
                    #expect(errors.first?["reason"] as? String == "not_found")
                    #expect((errors.first?["message"] as? String)?.hasPrefix("order \(order) not found") == true)
                    #expect(objects.allSatisfy { $0["order_id"] as? String == order && $0["user_id"] == nil })
                    #expect(objects.contains { $0["type"] as? String == "connection" && $0["status"] as? String == "not_found" })
                }
            } catch {
                await server.stop()
                throw error
            }
            await server.stop()
        }

        @Test("watch --json when the token endpoint refuses the --user: a token_rejected error object on stdout, exit 3")
        func watchRefusedToken() async throws {
            let server = try await SandboxServer.start(SandboxConfiguration(port: 0))
            do {
                let run = try JSONRun(["watch", "--json", "--user", "json-user", "--order", "o-1", "--base-url", server.baseURL],
                                      environment: ["ORDERTOP_CLIENT_SECRET": "wrong-secret-123"])
                defer { run.stop() }
                #expect(try await run.waitForExit() == 3)
                let objects = try run.objects(complete: true)
                #expect(objects.count == 1, "\(run.stdout)")
                #expect(objects.first?["type"] as? String == "error" && objects.first?["reason"] as? String == "token_rejected")
                #expect(objects.first?["order_id"] as? String == "o-1" && objects.first?["user_id"] as? String == "json-user")
                #expect((objects.first?["message"] as? String)?.contains("rejected") == true)
                #expect(!run.stdout.contains("wrong-secret-123"), "the secret is never printed")
                #expect(run.stderr.hasPrefix("error: "), "people still get their line on stderr")
            } catch {
                await server.stop()
                throw error
            }
            await server.stop()
        }

        @Test("--json with --plain is one validation line and a usage exit, on watch and on board")
        func jsonAndPlain() throws {
            for arguments in [["watch", "--order", "x"], ["board", "--orders", "-"]] {
                let run = try JSONRun(arguments + ["--json", "--plain"], environment: ["ORDERTOP_TOKEN": "t"])
                defer { run.stop() }
                let code = try run.waitForExitNow()
                #expect(code == 64)
                #expect(run.stderr.contains("--plain and --json cannot be used together"), "\(run.stderr)")
                #expect(run.stdout.isEmpty)
            }
        }

        @Test("board --json: orders from a pipe, each announced by an added object, every line parses, states in order, exit 0 when all ended")
        func board() async throws {
            let server = try await SandboxServer.start(SandboxConfiguration(port: 0))
            do {
                let admin = try await ConnectClient(baseURL: server.baseURL).withClientToken()
                let delivered = try await admin.createOrder(CreateOrderRequest(userID: "desk-1", customerName: "Ana")).id.value
                let canceled = try await admin.createOrder(CreateOrderRequest(userID: "desk-2", customerName: "Bo")).id.value
                let users = [delivered: "desk-1", canceled: "desk-2"]
                let run = try JSONRun(["board", "--json", "--orders", "-", "--base-url", server.baseURL, "--interval", "0.1", "--slow-interval", "0.1", "--max-rps", "100"],
                                      stdin: true)
                defer { run.stop() }
                try run.feed("desk-1 \(delivered)\n")
                try await run.waitForState("brand_new", order: delivered)
                try run.feed("# a second order, while the first is followed\ndesk-2 \(canceled)\n")
                try await run.waitForState("brand_new", order: canceled)
                try run.closeInput()

                let shopper = try await admin.createShopper(CreateShopperRequest(displayName: "Zelma")).id
                var batches: [String: String] = [:]
                for order in [delivered, canceled] {
                    batches[order] = try await admin.createBatch(CreateBatchRequest(shopperID: shopper, orders: [BatchOrderRef(id: FlexibleID(order))])).id.value
                    try await run.waitForState("acknowledged", order: order)
                }
                _ = try await admin.advanceBatch(batches[canceled]!)
                try await run.waitForState("picking", order: canceled)
                _ = try await admin.shopperSays(orderID: canceled, body: "Out of oat milk, almond instead?")
                try await run.waitFor("the unread question") { objects in
                    objects.contains { $0["order_id"] as? String == canceled && $0["type"] as? String == "chat" && $0["unread"] as? Int == 1 }
                }
                _ = try await admin.cancelOrder(canceled)
                for state in Self.deliveryStates.dropFirst(2) {
                    _ = try await admin.advanceBatch(batches[delivered]!)
                    if state != "delivered" { try await run.waitForState(state, order: delivered) }
                }
                let code = try await run.waitForExit()
                let objects = try run.objects(complete: true)
                #expect(code == 0, "stderr: \(run.stderr)")
                for object in objects {
                    let order = try #require(object["order_id"] as? String)
                    #expect(users[order] != nil && object["user_id"] as? String == users[order], "\(object)")
                }
                for order in [delivered, canceled] {
                    let mine = objects.filter { $0["order_id"] as? String == order }
                    #expect(mine.first?["type"] as? String == "added", "an order is announced before its events")
                    #expect(mine.filter { $0["type"] as? String == "added" }.count == 1)
                    #expect(mine.last?["type"] as? String == "finished")
                }
                #expect(JSONRun.states(objects, order: delivered) == Self.deliveryStates)
                #expect(JSONRun.states(objects, order: canceled) == ["brand_new", "acknowledged", "picking", "canceled"])
                #expect(objects.last { $0["order_id"] as? String == canceled }?["state"] as? String == "canceled")
            } catch {
                await server.stop()
                throw error
            }
            await server.stop()
        }
    }
}
