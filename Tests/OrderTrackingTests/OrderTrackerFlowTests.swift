import ConnectModels
import ConnectSandbox
import Foundation
import OrderTracking
import Testing

/// The tracker against the real sandbox over loopback, driven through whole orders.
@Suite("OrderTracker flows", .serialized)
struct OrderTrackerFlowTests {
    @Test("a delivery order from brand_new to delivered, each endpoint polled only in its phase")
    func delivery() async throws {
        try await withFixture(type: .delivery) { f in
            let tracker = f.tracker()
            let (log, follower) = await f.follow(tracker)
            try await f.pump("brand_new, items and handling") {
                await log.isLoaded(.brandNew)
            }
            // A repeat of the same reply emits nothing.
            try await f.idle(steps: 20)
            #expect(await log.count { if case .order = $0 { true } else { false } } == 1)
            #expect(await log.count { if case .items = $0 { true } else { false } } == 1)

            let (shopper, batch) = try await f.assign()
            try await f.pump("acknowledged") { await log.lastOrderState == .acknowledged }

            _ = try await f.admin.advanceBatch(batch) // picking
            try await f.pump("picking") { await log.lastOrderState == .picking }
            _ = try await f.admin.shopperSays(orderID: f.orderID, body: "Hi, this is Zelma, your shopper.")
            _ = try await f.admin.updateShopperItem(shopperID: shopper, orderID: f.orderID, lineNum: "1", ShopperItemUpdate(status: .found))
            try await f.pump("chat and a found item") {
                await log.chatAndFound()
            }

            _ = try await f.admin.advanceBatch(batch) // verifying_replacements
            _ = try await f.admin.advanceBatch(batch) // checkout
            try await f.pump("checkout") { await log.lastOrderState == .checkout }
            let checkoutMark = try f.accessLog().count

            _ = try await f.admin.advanceBatch(batch) // receipt_sanity_check -> bags_check
            try await f.pump("bags_check") { await log.lastOrderState == .bagsCheck }
            let beforeDelivering = try f.accessLog().count
            _ = try await f.admin.advanceBatch(batch) // delivering
            try await f.pump("delivering") { await log.lastOrderState == .delivering }
            let point = Coordinates(latitude: 38.70, longitude: -89.99)
            _ = try await f.admin.moveShopper(orderID: f.orderID, to: point)
            try await f.pump("the shopper's location") { await log.lastLocation == point }
            let completedMark = try f.accessLog().count
            _ = try await f.admin.advanceBatch(batch) // completed -> delivered
            try await f.pump("finished") { await log.finished == .delivered }
            let finishedMark = try f.accessLog().count
            try await f.idle(steps: 40)

            let lines = try f.accessLog()
            let id = f.orderID
            typealias F = TrackerFixture
            #expect(F.gets(lines[...], .handling, orderID: id) == 1, "handling is fetched once")
            #expect(F.gets(lines[..<beforeDelivering], .location, orderID: id) == 0, "no location before delivering")
            #expect(F.gets(lines[beforeDelivering...], .location, orderID: id) >= 1)
            #expect(F.gets(lines[completedMark...], .location, orderID: id) <= 1, "location stops at delivered")
            #expect(F.gets(lines[checkoutMark...], .items, orderID: id) <= 1, "items: one final fetch after checkout")
            #expect(F.gets(lines[checkoutMark..<beforeDelivering], .chat, orderID: id) <= 1, "chat is no longer polled after checkout")
            #expect(F.gets(lines[checkoutMark...], .chat, orderID: id) <= 3, "one read per later stage at most")
            #expect(lines.count == finishedMark || F.gets(lines[finishedMark...], .chat, orderID: id) == 0)
            #expect(F.gets(lines[..<checkoutMark], .chat, orderID: id) >= 2, "chat is polled while picking")
            #expect(lines.count == finishedMark || F.gets(lines[finishedMark...], .order, orderID: id) == 0,
                    "the order is not polled after delivered")
            #expect(await tracker.runningEndpoints.isEmpty)
            await tracker.stop()
            await follower.value
        }
    }

    @Test("a pickup order reaches delivered and never asks for the location")
    func pickup() async throws {
        try await withFixture(type: .pickup) { f in
            let tracker = f.tracker()
            let (log, follower) = await f.follow(tracker)
            let (shopper, batch) = try await f.assign(batchType: .pickup)
            try await f.pump("acknowledged") { await log.lastOrderState == .acknowledged }
            for _ in 0..<6 { _ = try await f.admin.advanceBatch(batch) }
            try await f.pump("ready_for_pickup") { await log.lastOrderState == .readyForPickup }
            _ = try await f.user.userArrived(orderID: f.orderID)
            try await f.pump("user_at_store") { await log.lastOrderState == .userAtStore }
            let runner = try await f.admin.createBatch(CreateBatchRequest(batchType: .runnerCustomer, shopperID: FlexibleID(shopper),
                                                                          orders: [BatchOrderRef(id: FlexibleID(f.orderID))]))
            var state = runner.workflowState
            while state != "completed" { state = try await f.admin.advanceBatch(runner.id.value).workflowState }
            try await f.pump("finished") { await log.finished == .delivered }
            let lines = try f.accessLog()
            #expect(TrackerFixture.gets(lines[...], .location, orderID: f.orderID) == 0)
            #expect(TrackerFixture.gets(lines[...], .items, orderID: f.orderID) >= 1)
            await tracker.stop()
            await follower.value
        }
    }

    @Test("a last-mile order reaches delivered without ever asking for items")
    func lastMile() async throws {
        try await withFixture(type: .lastMileDelivery) { f in
            let tracker = f.tracker()
            let (log, follower) = await f.follow(tracker)
            let (_, batch) = try await f.assign(batchType: .deliveryOnly)
            var state = ""
            while state != "delivering" { state = try await f.admin.advanceBatch(batch).workflowState }
            try await f.pump("delivering") { await log.lastOrderState == .delivering }
            let point = Coordinates(latitude: 38.71, longitude: -89.97)
            _ = try await f.admin.moveShopper(orderID: f.orderID, to: point)
            try await f.pump("location") { await log.lastLocation == point }
            _ = try await f.admin.advanceBatch(batch)
            try await f.pump("finished") { await log.finished == .delivered }
            let lines = try f.accessLog()
            #expect(TrackerFixture.gets(lines[...], .items, orderID: f.orderID) == 0)
            #expect(TrackerFixture.gets(lines[...], .chat, orderID: f.orderID) <= 2, "last mile: the chat is read, never polled")
            #expect(TrackerFixture.gets(lines[...], .location, orderID: f.orderID) >= 1)
            await tracker.stop()
            await follower.value
        }
    }

    @Test("a canceled order ends the watch as canceled, and polling stops")
    func canceled() async throws {
        try await withFixture { f in
            let tracker = f.tracker()
            let (log, follower) = await f.follow(tracker)
            try await f.startPicking()
            try await f.pump("picking") { await log.lastOrderState == .picking }
            _ = try await f.admin.cancelOrder(f.orderID)
            try await f.pump("finished") { await log.finished == .canceled }
            // That nothing is asked for after the end is timed on a TestClock in TrackerSchedulingTests.
            #expect(await tracker.runningEndpoints.isEmpty)
            await tracker.stop()
            await follower.value
        }
    }

    @Test("states skipped between polls still give the right plan")
    func skippedStates() async throws {
        try await withFixture { f in
            let tracker = f.tracker()
            let (log, follower) = await f.follow(tracker)
            let (_, batch) = try await f.assign()
            try await f.pump("acknowledged") { await log.lastOrderState == .acknowledged }
            // Straight from acknowledged to delivering, as a slow poller could see it.
            _ = try await f.admin.advanceBatch(batch, to: "delivering")
            try await f.pump("delivering") { await log.lastOrderState == .delivering }
            #expect(await tracker.currentPlan.location == .poll(.normal))
            #expect(await tracker.currentPlan.chat == .once("delivering"))
            await tracker.stop()
            await follower.value
        }
    }
}
