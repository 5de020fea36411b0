import ConnectModels
import ConnectSandbox
import Foundation
import OrderTracking
import Testing

/// The tracker facing a misbehaving server, a rejected token, and being stopped.
@Suite("OrderTracker faults", .serialized)
struct OrderTrackerFaultTests {
    @Test("500s, 429 with Retry-After, garbage and closed connections: the true final state, every message once")
    func faults() async throws {
        try await withFixture { f in
            let orderPath = "/v2/post_checkout/orders/\(f.orderID)"
            await f.server.injectFault(Fault(pathPrefix: orderPath, method: "GET", kind: .status(500), count: 2))
            await f.server.injectFault(Fault(pathPrefix: orderPath + "/handling", kind: .closeConnection, count: 1))
            await f.server.injectFault(Fault(pathPrefix: orderPath + "/items", kind: .status(429, retryAfter: 2), count: 1))
            let tracker = f.tracker()
            let (log, follower) = await f.follow(tracker)
            try await f.pump("the order despite faults") { await log.isLoaded(.brandNew) }
            let orderStatuses = await log.statuses(.order)
            #expect(orderStatuses.contains { if case .retrying = $0 { true } else { false } })
            #expect(orderStatuses.last == .live)
            let itemStatuses = await log.statuses(.items)
            #expect(itemStatuses.contains(.retrying(after: .seconds(2), reason: "rate limited (429)")), "Retry-After is honoured")
            #expect(await log.statuses(.handling).contains { if case .retrying = $0 { true } else { false } })

            let (_, batch) = try await f.startPicking()
            try await f.pump("picking") { await log.lastOrderState == .picking }
            let chatPath = "/v2/post_checkout/chat/\(f.orderID)/messages"
            await f.server.injectFault(Fault(pathPrefix: chatPath, method: "GET", kind: .garbage, count: 2))
            // The poller meets the garbage before any message needs the conversation read.
            try await f.pump("a bad chat reply") { await log.statuses(.chat).contains { if case .badReply = $0 { true } else { false } } }
            await f.server.injectFault(Fault(pathPrefix: chatPath, method: "POST", kind: .status(500), count: 1))
            await f.server.injectFault(Fault(pathPrefix: chatPath, method: "POST", kind: .closeConnection, count: 1))
            // Carried out, then no answer: the message is on the server, and the tracker must find it there.
            await f.server.injectFault(Fault(pathPrefix: chatPath, method: "POST", kind: .dropResponse, count: 2))
            try await tracker.send("first message")
            try await tracker.send("second message")
            try await f.pump("both messages sent") {
                guard let outbox = await log.lastOutbox, outbox.count == 2 else { return false }
                return outbox.allSatisfy { if case .sent = $0.state { true } else { false } }
            }
            #expect(await log.statuses(.chat).contains { if case .badReply = $0 { true } else { false } })
            let bodies = await f.server.store.messages(orderID: f.orderID).map(\.body)
            #expect(bodies.filter { $0 == "first message" }.count == 1)
            #expect(bodies.filter { $0 == "second message" }.count == 1)
            #expect(bodies.firstIndex(of: "first message")! < bodies.firstIndex(of: "second message")!, "sent in order")

            await f.server.injectFault(Fault(pathPrefix: orderPath, method: "GET", kind: .status(503), count: 3))
            _ = try await f.admin.advanceBatch(batch, to: "delivering")
            _ = try await f.admin.advanceBatch(batch, to: "completed")
            try await f.pump("the true final state") { await log.finished == .delivered }
            await tracker.stop()
            await follower.value
        }
    }

    @Test("a 403 on the location (the retailer hides the shopper) stops location polling and says forbidden")
    func locationRedacted() async throws {
        try await withFixture { f in
            await f.server.injectFault(Fault(pathPrefix: "/v2/post_checkout/orders/\(f.orderID)/location",
                                             kind: .status(403), count: 1000))
            let tracker = f.tracker()
            let (log, follower) = await f.follow(tracker)
            let (_, batch) = try await f.assign()
            _ = try await f.admin.advanceBatch(batch, to: "delivering")
            try await f.pump("forbidden") {
                await log.statuses(.location).contains { if case .forbidden = $0 { true } else { false } }
            }
            let asked = TrackerFixture.gets(try f.accessLog()[...], .location, orderID: f.orderID)
            try await f.idle(steps: 20)
            #expect(TrackerFixture.gets(try f.accessLog()[...], .location, orderID: f.orderID) == asked, "not asked again")
            #expect(await log.lastOrderState == .delivering, "the rest goes on")
            await tracker.stop()
            await follower.value
        }
    }

    @Test("a 401 pauses polling until a new token is supplied")
    func tokenRejected() async throws {
        try await withFixture { f in
            let tracker = f.tracker(client: f.user.with(token: BearerToken("not-a-real-token")))
            let (log, follower) = await f.follow(tracker)
            try await f.pump("token rejected on both first fetches") {
                let order = await log.statuses(.order), handling = await log.statuses(.handling)
                return order.contains(.tokenRejected) && handling.contains(.tokenRejected)
            }
            // That a rejected endpoint is not retried with the same token is timed in TrackerSchedulingTests.
            #expect(await tracker.runningEndpoints.isEmpty)
            await tracker.updateToken(try #require(f.user.token))
            try await f.pump("the order with the new token") { await log.lastOrderState == .brandNew }
            await tracker.stop()
            await follower.value
        }
    }

    @Test("an unknown order is reported as not found")
    func notFound() async throws {
        try await withFixture { f in
            let tracker = OrderTracker(client: f.user, orderID: "no-such-order",
                                       configuration: TrackerConfiguration(normalInterval: .milliseconds(100), slowInterval: .milliseconds(500)),
                                       clock: f.clock)
            let (log, follower) = await f.follow(tracker)
            try await f.pump("not found") { await log.statuses(.order).contains(.notFound) }
            await tracker.stop()
            await follower.value
        }
    }

    @Test("stop() cancels every task and ends the event stream")
    func stopLeavesNothingRunning() async throws {
        try await withFixture { f in
            let tracker = f.tracker()
            let (log, follower) = await f.follow(tracker)
            try await f.startPicking()
            try await f.pump("picking") { await log.lastOrderState == .picking }
            #expect(await !tracker.runningEndpoints.isEmpty)
            await tracker.stop()
            #expect(await tracker.runningEndpoints.isEmpty)
            await follower.value // the stream finished, or this would never return
            // That no request follows stop() is timed on a TestClock in TrackerSchedulingTests.
        }
    }

    @Test("replacements: refused locally outside picking or without a pending replacement; approved once")
    func replacements() async throws {
        try await withFixture { f in
            let tracker = f.tracker()
            let (log, follower) = await f.follow(tracker)
            try await f.pump("items") { await log.lastItems != nil }
            let first = try #require(await log.lastItems?.first).id.value
            await #expect(throws: TrackerRefusal.self) { try await tracker.approve(lineItemID: first) }
            let (shopper, _) = try await f.startPicking()
            try await f.pump("picking") { await log.lastOrderState == .picking }
            await #expect(throws: TrackerRefusal.self) { try await tracker.approve(lineItemID: first) }
            _ = try await f.admin.updateShopperItem(shopperID: shopper, orderID: f.orderID, lineNum: "1",
                                                    ShopperItemUpdate(status: .replaced, replacementItem: ReplacementItemSpec(name: "Plantains")))
            try await f.pump("a pending replacement") { await log.lastItems?.first?.replacementStatus == .pending }
            try await tracker.approve(lineItemID: first)
            try await f.pump("approved") { await log.lastItems?.first?.replacementStatus == .approved }
            await #expect(throws: TrackerRefusal.self) { try await tracker.approve(lineItemID: first) }
            await tracker.stop()
            await follower.value
        }
    }

    @Test("after checkout, when the chat is no longer polled, marking read still shows as read")
    func markReadAfterCheckout() async throws {
        try await withFixture { f in
            let tracker = f.tracker()
            let (log, follower) = await f.follow(tracker)
            let (_, batch) = try await f.assign()
            _ = try await f.admin.advanceBatch(batch, to: "checkout")
            try await f.pump("checkout") { await log.lastOrderState == .checkout }
            _ = try await f.admin.shopperSays(orderID: f.orderID, body: "On my way!")
            _ = try await f.admin.advanceBatch(batch, to: "delivering")
            try await f.pump("the message, read once on entering delivering") {
                await log.lastChat?.chatMessages.last?.body == "On my way!"
            }
            #expect(await log.lastChat?.chatMessages.last?.read == false)
            let chatGets = TrackerFixture.gets(try f.accessLog()[...], .chat, orderID: f.orderID)
            await tracker.markRead()
            try await f.pump("shown as read") { await log.lastChat?.chatMessages.last?.read == true }
            #expect(TrackerFixture.gets(try f.accessLog()[...], .chat, orderID: f.orderID) == chatGets, "no extra poll was needed")
            #expect(await f.server.store.messages(orderID: f.orderID).last?.read == true)
            await tracker.stop()
            await follower.value
        }
    }

    @Test("markRead sends one PUT per new batch of unread shopper messages")
    func markRead() async throws {
        try await withFixture { f in
            let tracker = f.tracker()
            let (log, follower) = await f.follow(tracker)
            try await f.startPicking()
            _ = try await f.admin.shopperSays(orderID: f.orderID, body: "Hello!")
            try await f.pump("the message") { await log.lastChat?.chatMessages.count == 1 }
            await tracker.markRead()
            await tracker.markRead()
            try await f.pump("read") { await log.lastChat?.chatMessages.first?.read == true }
            let puts = try f.accessLog().filter { $0.method == "PUT" && $0.path.hasSuffix("/messages") }
            #expect(puts.count == 1)
            await tracker.stop()
            await follower.value
        }
    }
}
