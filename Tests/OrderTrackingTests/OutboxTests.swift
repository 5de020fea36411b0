import ConnectClient
import ConnectModels
import ConnectSandbox
import Foundation
import OrderTracking
import Testing

/// The chat outbox: local limits, persistence across a quit or a crash, and no message sent twice.
@Suite("Chat outbox", .serialized)
struct OutboxTests {
    @Test("text over 1000 characters and empty text are refused locally")
    func limits() async throws {
        let tracker = OrderTracker(client: ConnectClient(baseURL: "http://127.0.0.1:9"), orderID: "o")
        await #expect(throws: OutboxError.tooLong(1001)) { try await tracker.send(String(repeating: "a", count: 1001)) }
        await #expect(throws: OutboxError.empty) { try await tracker.send("  \n") }
        let ok = try await tracker.send(String(repeating: "é", count: 1000))
        #expect(ok.state == .queued)
        // "é" written as e + combining accent is two scalars: 600 of them are 1200, over the limit.
        await #expect(throws: OutboxError.tooLong(1200)) { try await tracker.send(String(repeating: "e\u{301}", count: 600)) }
    }

    @Test("a quit with an unsent message loses nothing: the next tracker sends it once")
    func quitAndResume() async throws {
        try await withFixture { f in
            let first = f.tracker(outbox: true)
            let (log1, follower1) = await f.follow(first)
            try await f.pump("brand_new") { await log1.lastOrderState == .brandNew }
            try await first.send("Please leave it at the door")
            try await f.idle(steps: 10)
            #expect(await first.outboxMessages.first?.state == .queued, "chat is closed before picking, so it waits")
            await first.stop()
            await follower1.value
            let store = OutboxStore(directory: f.stateDirectory, orderID: f.orderID)
            #expect(try store.load().map(\.body) == ["Please leave it at the door"])

            try await f.startPicking()
            let second = f.tracker(outbox: true)
            let (log2, follower2) = await f.follow(second)
            try await f.pump("sent") {
                if case .sent? = await log2.lastOutbox?.first?.state { return true }
                return false
            }
            try await f.idle(steps: 10)
            let bodies = await f.server.store.messages(orderID: f.orderID).map(\.body)
            #expect(bodies.filter { $0 == "Please leave it at the door" }.count == 1)
            #expect(try store.load().isEmpty, "sent messages leave the file")
            await second.stop()
            await follower2.value
        }
    }

    @Test("two watchers of one order: only the first takes the saved messages, so they are sent once")
    func twoWatchers() async throws {
        try await withFixture { f in
            try await f.startPicking()
            let store = OutboxStore(directory: f.stateDirectory, orderID: f.orderID)
            try store.save([OutboxMessage(body: "Saved from last time", createdAt: Date())])
            let first = f.tracker(outbox: true)
            let second = f.tracker(outbox: true)
            let (log1, follower1) = await f.follow(first)
            let (log2, follower2) = await f.follow(second)
            try await f.pump("sent by the first") {
                if case .sent? = await log1.lastOutbox?.first?.state { return true }
                return false
            }
            try await f.idle(steps: 20)
            #expect(await second.outboxMessages.isEmpty, "the second watcher did not load them")
            #expect(await log2.count { if case .notice(let notice) = $0 { notice.text.contains("another ordertop") } else { false } } == 1)
            let bodies = await f.server.store.messages(orderID: f.orderID).map(\.body)
            #expect(bodies.filter { $0 == "Saved from last time" }.count == 1)
            await first.stop()
            await second.stop()
            await follower1.value
            await follower2.value
            // Once the first is gone, a new watcher can take the outbox again.
            let third = f.tracker(outbox: true)
            let (log3, follower3) = await f.follow(third)
            try await f.idle(steps: 2)
            #expect(await log3.count { if case .notice(let notice) = $0 { notice.text.contains("another ordertop") } else { false } } == 0)
            await third.stop()
            await follower3.value
        }
    }

    @Test("a crash mid-send: the message already on the server is not sent again")
    func crashMidSend() async throws {
        try await withFixture { f in
            try await f.startPicking()
            // The request reached the server, then the process died before it saw the reply.
            _ = try await f.user.sendChatMessage(orderID: f.orderID, body: "Is there oat milk?")
            let store = OutboxStore(directory: f.stateDirectory, orderID: f.orderID)
            try store.save([OutboxMessage(body: "Is there oat milk?", state: .sending, createdAt: Date(), firstAttemptAt: Date(), attempts: 1),
                            OutboxMessage(body: "Thanks!", state: .queued, createdAt: Date())])
            let tracker = f.tracker(outbox: true)
            let (log, follower) = await f.follow(tracker)
            try await f.pump("both settled") {
                guard let outbox = await log.lastOutbox, outbox.count == 2 else { return false }
                return outbox.allSatisfy { if case .sent = $0.state { true } else { false } }
            }
            let bodies = await f.server.store.messages(orderID: f.orderID).map(\.body)
            #expect(bodies.filter { $0 == "Is there oat milk?" }.count == 1, "not sent twice")
            #expect(bodies.filter { $0 == "Thanks!" }.count == 1)
            await tracker.stop()
            await follower.value
        }
    }

    @Test("403 outside the chat window marks the message failed and keeps its text")
    func refusedKeepsText() async throws {
        try await withFixture { f in
            try await f.startPicking()
            let tracker = f.tracker(outbox: true)
            let (log, follower) = await f.follow(tracker)
            try await f.pump("picking") { await log.lastOrderState == .picking }
            // The server closes the window before the tracker notices.
            await f.server.injectFault(Fault(pathPrefix: "/v2/post_checkout/chat/", method: "POST",
                                             kind: .status(403), count: 1))
            try await tracker.send("See you soon")
            try await f.pump("failed") {
                if case .failed? = await log.lastOutbox?.first?.state { return true }
                return false
            }
            let store = OutboxStore(directory: f.stateDirectory, orderID: f.orderID)
            #expect(try store.load().map(\.body) == ["See you soon"], "the text is kept on disk")
            // Sent again on request, once the server takes it.
            #expect(await tracker.retryFailed() == 1)
            try await f.pump("sent on retry") {
                if case .sent? = await log.lastOutbox?.first?.state { return true }
                return false
            }
            #expect(await f.server.store.messages(orderID: f.orderID).filter { $0.body == "See you soon" }.count == 1)
            await tracker.stop()
            await follower.value
        }
    }
}
