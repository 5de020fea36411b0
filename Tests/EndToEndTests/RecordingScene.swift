import ConnectClient
import ConnectModels
import ConnectSandbox
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A live sandbox, an admin client and a folder for recordings, stopped and removed afterwards: what the tests of
/// `--record` and `ordertop replay` start from.
struct RecordingScene {
    let server: SandboxServer
    let admin: ConnectClient
    let dir: URL

    static func run(_ body: (RecordingScene) async throws -> Void) async throws {
        let server = try await SandboxServer.start(SandboxConfiguration(port: 0))
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ordertop-replay-e2e-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        do {
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let admin = try await ConnectClient(baseURL: server.baseURL).withClientToken()
            try await body(RecordingScene(server: server, admin: admin, dir: dir))
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }

    func path(_ name: String) -> String { dir.appendingPathComponent(name).path }

    func order(user: String) async throws -> String {
        try await admin.createOrder(CreateOrderRequest(userID: user, customerName: "Sierra")).id.value
    }

    /// A shopper and a batch for the order (it becomes `acknowledged`); returns the batch id.
    func assign(_ order: String) async throws -> String {
        let shopper = try await admin.createShopper(CreateShopperRequest(displayName: "Zelma")).id
        return try await admin.createBatch(CreateBatchRequest(shopperID: shopper, orders: [BatchOrderRef(id: FlexibleID(order))])).id.value
    }

    /// The arguments of `watch --json` on the sandbox, the token minted for `user` with the sandbox's credentials.
    func watchJSON(user: String, order: String, record: String, extra: [String] = []) -> [String] {
        ["watch", "--json", "--user", user, "--order", order, "--base-url", server.baseURL, "--interval", "0.1", "--slow-interval", "0.1",
         "--record", record] + extra
    }

    /// Walks a fresh order from `brand_new` through the delivery states, each seen by `run` before the next step.
    /// `hold` runs once the order is seen in `brand_new`, before anything else changes.
    func walkToDelivered(_ order: String, seenBy run: JSONRun, hold: () async throws -> Void = {}) async throws {
        try await run.waitForState("brand_new", order: order)
        try await hold()
        let batch = try await assign(order)
        try await run.waitForState("acknowledged", order: order)
        for state in EndToEnd.JSONEndToEndTests.deliveryStates.dropFirst(2) {
            _ = try await admin.advanceBatch(batch)
            try await run.waitForState(state, order: order)
        }
    }

    /// A real recording of `watch --json` on an order that is delivered before the watch starts: it ends at once.
    func recordDeliveredOrder(user: String, to har: String) async throws -> String {
        let order = try await order(user: user)
        _ = try await admin.advanceBatch(try await assign(order), to: "completed")
        let run = try JSONRun(watchJSON(user: user, order: order, record: har))
        defer { run.stop() }
        let code = try await run.waitForExit()
        guard code == 0, RecordedHAR.read(har) != nil else {
            throw E2EError("watch --record on a delivered order: exit \(code), a whole HAR: \(RecordedHAR.read(har) != nil). stderr: \(run.stderr)")
        }
        return order
    }
}

/// A HAR file written by `--record`, read as any tool would read it: plain JSON, none of ordertop's types.
struct RecordedHAR {
    let text: String
    let entries: [[String: Any]]

    /// The file as it is now, or nil while it is missing or not one whole JSON document with `log.entries`.
    static func read(_ path: String) -> RecordedHAR? {
        guard let data = FileManager.default.contents(atPath: path),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let log = root["log"] as? [String: Any], let entries = log["entries"] as? [[String: Any]] else { return nil }
        return RecordedHAR(text: String(decoding: data, as: UTF8.self), entries: entries)
    }

    /// `2026-11-26T05:02:03.123456Z`, any fraction or none.
    static func date(_ text: String) -> Date? {
        guard let match = text.wholeMatch(of: /(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})(?:\.(\d+))?Z/),
              let whole = ISO8601DateFormatter().date(from: String(match.1) + "Z") else { return nil }
        return whole.addingTimeInterval(match.2.flatMap { Double("0." + $0) } ?? 0)
    }

    /// When an entry's reply was complete: its start plus its `time` in milliseconds.
    static func replied(_ entry: [String: Any]) -> Date? {
        guard let started = (entry["startedDateTime"] as? String).flatMap(date) else { return nil }
        return started.addingTimeInterval(((entry["time"] as? Double) ?? 0) / 1000)
    }

    static func url(_ entry: [String: Any]) -> String { ((entry["request"] as? [String: Any])?["url"] as? String) ?? "" }

    /// From the first request out to the last reply in.
    var span: ClosedRange<Date>? {
        let starts = entries.compactMap { ($0["startedDateTime"] as? String).flatMap(Self.date) }
        let ends = entries.compactMap(Self.replied)
        guard let first = starts.min(), let last = ends.max() else { return nil }
        return first...last
    }

    /// Every body in the file as text: request bodies, and response bodies (base64 decoded when so marked).
    var bodies: [String] {
        entries.flatMap { entry -> [String] in
            let request = ((entry["request"] as? [String: Any])?["postData"] as? [String: Any])?["text"] as? String
            let content = (entry["response"] as? [String: Any])?["content"] as? [String: Any]
            var response = content?["text"] as? String
            if content?["encoding"] as? String == "base64", let text = response, let data = Data(base64Encoded: text) {
                response = String(decoding: data, as: UTF8.self)
            }
            return [request, response].compactMap { $0 }
        }
    }

    /// The order's `workflow_state` in each recorded reply to GET its order, by arrival, with repeats collapsed.
    func states(order: String) -> [String] { stateReplies(order: order).map(\.state).collapsed() }

    /// Each recorded reply to GET the order: its state and when it arrived.
    func stateReplies(order: String) -> [(state: String, at: Date)] {
        entries.compactMap { entry -> (String, Date)? in
            guard (entry["request"] as? [String: Any])?["method"] as? String == "GET",
                  URLComponents(string: Self.url(entry))?.path == "/v2/post_checkout/orders/\(order)",
                  let response = entry["response"] as? [String: Any], response["status"] as? Int == 200,
                  let text = (response["content"] as? [String: Any])?["text"] as? String,
                  let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)),
                  let state = Self.find("workflow_state", in: object), let at = Self.replied(entry) else { return nil }
            return (state, at)
        }.sorted { $0.1 < $1.1 }
    }

    static func find(_ key: String, in value: Any) -> String? {
        if let object = value as? [String: Any] {
            if let found = object[key] as? String { return found }
            return object.values.lazy.compactMap { find(key, in: $0) }.first
        }
        if let array = value as? [Any] { return array.lazy.compactMap { find(key, in: $0) }.first }
        return nil
    }
}

extension Array where Element: Equatable {
    /// Runs of the same element as one.
    func collapsed() -> [Element] {
        reduce(into: []) { result, element in if result.last != element { result.append(element) } }
    }
}

/// Waits for something outside the process (a file, a server) to hold, polling, up to `seconds`.
@discardableResult
func poll<T>(_ what: String, seconds: Double = 30, _ probe: () async throws -> T?) async throws -> T {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if let value = try await probe() { return value }
        try await Task.sleep(for: .milliseconds(100))
    }
    if let value = try await probe() { return value }
    throw E2EError("timed out after \(Int(seconds)) s waiting for \(what)")
}
