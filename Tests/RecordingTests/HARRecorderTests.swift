import ConnectModels
import Foundation
import Recording
import TestSupport
import Testing

@Suite("HARRecorder: a valid file at once, rewritten while a run goes on")
struct HARRecorderTests {
    @Test("start writes an empty, valid HAR with the creator and the session at once")
    func startWritesEmptyFile() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("start.har")
        let recorder = HARRecorder(path: path, session: Exchanges.session(command: "board", redactedChat: true), redactChat: true, clock: ParkingClock())
        try await recorder.start()
        let log = try #require(try rawJSON(path)["log"] as? [String: Any])
        #expect(log["version"] as? String == "1.2")
        #expect((log["entries"] as? [Any])?.isEmpty == true)
        #expect(log["creator"] as? [String: String] == ["name": "ordertop", "version": OrdertopVersion.current])
        let session = try #require(log["_ordertop"] as? [String: Any])
        #expect(session["command"] as? String == "board")
        #expect(session["redacted_chat"] as? Bool == true)
        #expect(session["started_at"] as? String == "2026-09-21T14:13:20.500000Z")
        #expect(session["interval_s"] as? Double == 2)
        #expect(session["orders"] as? [[String: String]] == [["user_id": "u-1", "order_id": "o-1"]])
        #expect(try mode(of: path) == 0o600)
        try await recorder.finish()
    }

    @Test("a path that cannot be written fails at start, in one line naming it")
    func badPath() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("missing/run.har")
        let recorder = HARRecorder(path: path, session: Exchanges.session(), redactChat: false, clock: ParkingClock())
        await #expect(throws: HARFileError.unwritable(path: path, reason: "the folder \(folder.file("missing")) does not exist")) {
            try await recorder.start()
        }
    }

    @Test("the periodic flush writes new entries without finish, and only when something changed")
    func periodicFlush() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("periodic.har")
        let clock = ParkingClock()
        let recorder = HARRecorder(path: path, session: Exchanges.session(), redactChat: false, flushEvery: .seconds(2), clock: clock)
        try await recorder.start()
        #expect(await eventually { clock.parkedSleepers == 1 })
        await recorder.record(Exchanges.order("o-1"))
        await recorder.record(Exchanges.token())
        #expect(try rawEntries(path).isEmpty, "nothing is written before the interval is up")

        await clock.advance(by: .seconds(1))
        #expect(await recorder.writeCount == 1)
        await clock.advance(by: .seconds(1))
        #expect(await eventually { await recorder.writeCount == 2 })
        let entries = try rawEntries(path)
        #expect(entries.count == 2)
        #expect(entries.map { $0["_endpoint"] as? String } == ["POST /v2/oauth/token", "GET /v2/post_checkout/orders/{order_id}"],
                "in order of their start, not of their recording")
        #expect(!text(of: path).contains("user-token-secret"))

        // Nothing new: the next interval passes without a write.
        #expect(await eventually { clock.parkedSleepers == 1 })
        await clock.advance(by: .seconds(2))
        #expect(await eventually { clock.parkedSleepers == 1 })
        #expect(await recorder.writeCount == 2)

        await recorder.record(Exchanges.order("o-2", at: Date(timeIntervalSince1970: 1_790_000_001)))
        await clock.advance(by: .seconds(2))
        #expect(await eventually { await recorder.writeCount == 3 })
        #expect(try rawEntries(path).count == 3)
        #expect(try folder.contents() == ["periodic.har"])
        try await recorder.finish()
    }

    @Test("flush writes what was recorded since; finish writes the rest and stops the timer")
    func flushAndFinish() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("flush.har")
        let clock = ParkingClock()
        let recorder = HARRecorder(path: path, session: Exchanges.session(), redactChat: false, clock: clock)
        try await recorder.start()
        await recorder.record(Exchanges.order("o-1"))
        try await recorder.flush()
        #expect(try HARFile.load(path: path).log.entries.map(\.orderID) == ["o-1"])
        try await recorder.flush()
        #expect(await recorder.writeCount == 2, "a flush with nothing new does not write")
        await recorder.record(Exchanges.order("o-2", at: Date(timeIntervalSince1970: 1_790_000_002)))
        await recorder.record(Exchanges.order("o-3", at: Date(timeIntervalSince1970: 1_790_000_001)))
        try await recorder.finish()
        #expect(try HARFile.load(path: path).log.entries.map(\.orderID) == ["o-1", "o-3", "o-2"])
        #expect(await recorder.entryCount == 3)

        #expect(await eventually { clock.parkedSleepers == 0 }, "finish stopped the periodic task")
        let writes = await recorder.writeCount
        await recorder.record(Exchanges.order("o-4"))
        await clock.advance(by: .seconds(10))
        #expect(await recorder.writeCount == writes)
    }

    @Test("a slow write pushes the next one back to five times its length")
    func backoff() {
        #expect(HARRecorder.delay(every: .seconds(2), lastWriteTook: .milliseconds(30)) == .seconds(2))
        #expect(HARRecorder.delay(every: .seconds(2), lastWriteTook: .seconds(1)) == .seconds(5))
    }
}
