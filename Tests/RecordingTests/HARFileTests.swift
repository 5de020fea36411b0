import ConnectModels
import Foundation
import Recording
import Testing

@Suite("HARFile: atomic writes and a reader that says what is wrong")
struct HARFileTests {
    static func document(_ entries: [RecordedExchange] = [Exchanges.token(), Exchanges.order()]) -> HARDocument {
        HARDocument(log: HARLog(entries: entries.map(HAREntry.init), session: Exchanges.session()))
    }

    @Test("a written document loads back the same, dates to the microsecond")
    func roundTrip() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("trip.har")
        var binary = Exchanges.order()
        binary.responseBody = Data([0xFF, 0x00, 0x7B])
        try HARFile.write(Self.document([Exchanges.token(), binary]), to: path)
        let loaded = try HARFile.load(path: path)
        #expect(loaded.log.version == "1.2")
        #expect(loaded.log.creator == HARCreator(name: "ordertop", version: OrdertopVersion.current))
        #expect(loaded.log.session == Exchanges.session())
        let starts = loaded.log.entries.map(\.startedDateTime.timeIntervalSince1970)
        #expect(starts.count == 2 && abs(starts[0] - 1_790_000_000) < 0.0001 && abs(starts[1] - 1_790_000_000.123) < 0.0001, "\(starts)")
        #expect(loaded.log.entries[1].time == 12)
        #expect(loaded.log.entries[1].endpoint == "GET /v2/post_checkout/orders/{order_id}")
        #expect(loaded.log.entries[1].orderID == "o-1")
        #expect(loaded.log.entries[1].response.content.encoding == "base64")
        #expect(loaded.log.entries[1].response.content.data == Data([0xFF, 0x00, 0x7B]), "a body that is not UTF-8 survives as base64")
        #expect(loaded.log.entries[1].response.header("CONTENT-TYPE") == "application/json")
        #expect(text(of: path).contains(#""startedDateTime":"2026-09-21T14:13:20.123000Z""#))
        #expect(text(of: path).contains(#""started_at":"2026-09-21T14:13:20.500000Z""#))
        #expect(text(of: path).contains(#""startedDateTime":"2026-09-21T14:13:20.000000Z""#))
        #expect(HARJSON.formatDate(Date(timeIntervalSince1970: 1_790_000_000.9999996)) == "2026-09-21T14:13:21.000000Z")
        #expect(HARJSON.formatDate(Date(timeIntervalSince1970: 1_790_000_000.0504)) == "2026-09-21T14:13:20.050400Z")
    }

    @Test("dates without fractions and HAR 1.1 files from other tools load too")
    func otherTools() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("browser.har")
        try Data("""
        {"log":{"version":"1.1","creator":{"name":"Firefox","version":"140"},"entries":[
        {"startedDateTime":"2026-11-26T05:02:03Z","time":5,"request":{"method":"GET","url":"https://connect.example/v2/post_checkout/orders/7"},
         "response":{"status":200,"content":{"size":2,"mimeType":"application/json","text":"e30=","encoding":"base64"}}}]}}
        """.utf8).write(to: URL(fileURLWithPath: path))
        let loaded = try HARFile.load(path: path)
        #expect(loaded.log.entries[0].startedDateTime == Date(timeIntervalSince1970: 1_795_669_323))
        #expect(loaded.log.entries[0].response.content.data == Data("{}".utf8))
        #expect(loaded.log.entries[0].request.headers.isEmpty)
        #expect(loaded.log.session == nil)
    }

    @Test("the file is 0600, replaced whole, with no temporary file left beside it")
    func atomicWrite() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("perm.har")
        try Data("old".utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        try HARFile.write(Self.document(), to: path)
        #expect(try mode(of: path) == 0o600)
        #expect(try folder.contents() == ["perm.har"])
        try HARFile.write(Self.document([Exchanges.order()]), to: path)
        #expect(try HARFile.load(path: path).log.entries.count == 1)
        #expect(try mode(of: path) == 0o600)
        #expect(try folder.contents() == ["perm.har"])
    }

    @Test("a write that cannot happen names the path and leaves nothing behind")
    func writeErrors() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let missing = folder.file("no/such/folder/run.har")
        let error = #expect(throws: HARFileError.self) { try HARFile.write(Self.document(), to: missing) }
        #expect(error?.description.hasPrefix("cannot write \(missing): the folder") == true)
        try FileManager.default.createDirectory(atPath: folder.file("taken.har"), withIntermediateDirectories: false)
        let directory = #expect(throws: HARFileError.self) { try HARFile.write(Self.document(), to: folder.file("taken.har")) }
        #expect(directory == .unwritable(path: folder.file("taken.har"), reason: "it is a directory"))
        #expect(try folder.contents() == ["taken.har"])
    }

    @Test("each unreadable file gets its own one-line error naming it", arguments: [
        ("missing.har", nil, "cannot read %@: no such file"),
        ("folder.har", "<dir>", "cannot read %@: it is a directory, not a file"),
        ("page.har", "<html><body>Not found</body></html>", "%@ is not a HAR file: it is not JSON"),
        ("list.har", #"[{"log": 1}]"#, "%@ is not a HAR file: it has no `log` object"),
        ("noentries.har", #"{"log":{"version":"1.2","creator":{"name":"x","version":"1"}}}"#, "%@ is not a HAR file: its `log` has no `entries` list"),
        ("bad.har", #"{"log":{"version":"1.2","entries":[{"startedDateTime":"yesterday","request":{},"response":{}}]}}"#,
         "%@ is not a HAR file: `log.entries[0].startedDateTime` is not valid"),
        ("future.har", #"{"log":{"version":"2.0","entries":[]}}"#, "%@ is HAR version 2.0; ordertop reads versions 1.1 and 1.2"),
        ("empty.har", "\n", "%@ is empty"),
        ("nothing.har", #"{"log":{"version":"1.2","entries":[]}}"#, "%@ holds no requests"),
    ] as [(String, String?, String)])
    func loadErrors(name: String, contents: String?, expected: String) throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file(name)
        if contents == "<dir>" {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        } else if let contents {
            try Data(contents.utf8).write(to: URL(fileURLWithPath: path))
        }
        let error = #expect(throws: HARFileError.self) { try HARFile.load(path: path) }
        let line = error?.description ?? ""
        #expect(line.hasPrefix(expected.replacingOccurrences(of: "%@", with: path)), "\(line)")
        #expect(line.contains(name))
        #expect(!line.contains("\n"))
    }

    @Test("a HAR of other requests only (a token, a sandbox call) has nothing to replay")
    func noConnectRequests() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("tokens.har")
        var sandboxCall = Exchanges.order()
        sandboxCall.url = Exchanges.base + "/v2/fulfillment_sandbox/orders/v2/post_checkout/"
        try HARFile.write(Self.document([Exchanges.token(), sandboxCall]), to: path)
        let error = #expect(throws: HARFileError.self) { try HARFile.load(path: path) }
        #expect(error == .noConnectRequests(path: path, entries: 2))
        #expect(error?.description == "\(path) holds no Connect requests: none of its 2 entries is a /v2/post_checkout/ call, so there is nothing to replay")
    }
}
