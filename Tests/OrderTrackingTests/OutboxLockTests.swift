import ConnectModels
import Foundation
import OrderTracking
import TestSupport
import Testing

/// The saved outbox on disk: lock files, a second watcher, and a state directory that cannot be used.
@Suite("Outbox lock")
struct OutboxLockTests {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ordertop-lock-\(UUID().uuidString)")

    func files() -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
    }

    func watcher(_ source: FakeOrderSource, clock: ParkingClock) -> TrackerSchedulingTests {
        let tracker = OrderTracker(client: source, orderID: "fake-order",
                                   configuration: TrackerConfiguration(normalInterval: .seconds(5), slowInterval: .seconds(30), seed: 1),
                                   clock: clock, outboxStore: OutboxStore(directory: directory, orderID: "fake-order"))
        return TrackerSchedulingTests(source: source, clock: clock, tracker: tracker)
    }

    @Test("a watcher that ends leaves no lock file behind, and no outbox file when everything was sent")
    func cleanExit() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let test = watcher(FakeOrderSource(state: .picking), clock: ParkingClock())
        try await test.begin()
        #expect(files() == ["outbox-fake-order.json.lock"])
        try await test.tracker.send("On my way to the door")
        try await test.settle("sent") { test.backend.sentMessages.count == 1 }
        await test.tracker.stop()
        #expect(files().isEmpty)
    }

    @Test("unsent messages stay on disk after the watcher ends; the lock file still goes")
    func unsentStay() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let test = watcher(FakeOrderSource(state: .brandNew), clock: ParkingClock())
        try await test.begin()
        try await test.tracker.send("Please ring twice")
        await test.tracker.stop()
        #expect(files() == ["outbox-fake-order.json"])
        #expect(try OutboxStore(directory: directory, orderID: "fake-order").load().map(\.body) == ["Please ring twice"])
    }

    @Test("a second watcher waits for the lock, then takes over the saved messages and its own, and sends each once")
    func takeOver() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        let source = FakeOrderSource(state: .brandNew)
        let first = watcher(source, clock: ParkingClock())
        try await first.begin()
        try await first.tracker.send("Saved by the first")
        let second = watcher(source, clock: ParkingClock())
        try await second.begin()
        #expect(await second.log.count { if case .notice(let n) = $0 { n.text.contains("another ordertop") } else { false } } == 1)
        try await second.tracker.send("Written in the second")
        try await second.advance(seconds: 10)
        #expect(await second.log.count { if case .notice(let n) = $0 { n.text.contains("exited") } else { false } } == 0,
                "it keeps waiting while the first runs")
        await first.tracker.stop()
        try await second.advance(seconds: 5)
        try await second.settle("taken over") {
            await second.log.count { if case .notice(let n) = $0 { n.text.contains("exited") } else { false } } == 1
        }
        #expect(try OutboxStore(directory: directory, orderID: "fake-order").load().map(\.body) == ["Saved by the first", "Written in the second"])
        source.backend.setState(.picking)
        try await second.advance(seconds: 35)
        try await second.settle("both sent") { source.backend.sentMessages.count == 2 }
        #expect(source.backend.sentMessages == ["Saved by the first", "Written in the second"])
        await second.tracker.stop()
        #expect(files().isEmpty)
    }

    @Test("a state directory that cannot be made says so, not that another watcher holds it")
    func unusableDirectory() async throws {
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let blocked = directory.appendingPathComponent("not-a-directory")
        try Data("x".utf8).write(to: blocked)
        let store = OutboxStore(directory: blocked, orderID: "fake-order")
        #expect {
            _ = try store.lock()
        } throws: { error in
            "\(error)".contains("cannot open the state directory \(blocked.path)")
        }
        let tracker = OrderTracker(client: FakeOrderSource(state: .picking), orderID: "fake-order", clock: ParkingClock(), outboxStore: store)
        let log = EventLog()
        Task { for await event in tracker.events { await log.append(event) } }
        await tracker.start()
        let notice = try await waitForNotice(log)
        #expect(notice.severity == .error && notice.text.contains("cannot open the state directory"))
        #expect(!notice.text.contains("another ordertop"))
        await tracker.stop()
    }

    private func waitForNotice(_ log: EventLog) async throws -> Notice {
        for _ in 0..<100_000 {
            if let n = await log.events.lazy.compactMap({ if case .notice(let n) = $0 { n } else { nil } }).first { return n }
            await Task.yield()
        }
        Issue.record("no notice")
        throw CancellationError()
    }
}
