import ConnectModels
import Foundation
import Recording
import Testing

/// A fresh folder under the system's temporary one, removed by `remove()`.
struct TemporaryFolder {
    let path: String

    init() throws {
        path = NSTemporaryDirectory() + "ordertop-har-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }
    func contents() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }
    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The file as text, or "" when it cannot be read.
func text(of path: String) -> String {
    (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
}

/// The file parsed by `JSONSerialization`, so the HAR shape is checked without going through our own model.
func rawJSON(_ path: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
}

func rawEntries(_ path: String) throws -> [[String: Any]] {
    let log = try #require(try rawJSON(path)["log"] as? [String: Any])
    return try #require(log["entries"] as? [[String: Any]])
}

/// The permission bits of a file.
func mode(of path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

/// Waits for a condition that background work makes true, checking often, for at most `seconds`.
func eventually(within seconds: Double = 10, _ condition: () async -> Bool) async -> Bool {
    let deadline = ContinuousClock.now + .seconds(seconds)
    while ContinuousClock.now < deadline {
        if await condition() { return true }
        try? await Task.sleep(for: .milliseconds(5))
    }
    return await condition()
}

/// Exchanges made up for the tests that do not need a server.
enum Exchanges {
    static let base = "http://127.0.0.1:7878"

    static func order(_ orderID: String = "o-1", at started: Date = Date(timeIntervalSince1970: 1_790_000_000.123),
                      token: String = "user-token-secret") -> RecordedExchange {
        RecordedExchange(
            started: started, duration: .milliseconds(12), method: "GET", url: "\(base)/v2/post_checkout/orders/\(orderID)",
            requestHeaders: [HARNameValue(name: "Accept", value: "application/json"), HARNameValue(name: "Authorization", value: "Bearer \(token)")],
            status: 200, statusText: "OK", responseHeaders: [HARNameValue(name: "Content-Type", value: "application/json")],
            responseBody: Data(#"{"id":"\#(orderID)","workflow_state":"picking"}"#.utf8),
            endpoint: "GET /v2/post_checkout/orders/{order_id}", orderID: orderID)
    }

    static func token(at started: Date = Date(timeIntervalSince1970: 1_790_000_000)) -> RecordedExchange {
        RecordedExchange(
            started: started, duration: .milliseconds(3), method: "POST", url: "\(base)/v2/oauth/token",
            requestHeaders: [HARNameValue(name: "Content-Type", value: "application/json")],
            requestBody: Data(#"{"client_id":"id","client_secret":"shh","grant_type":"client_credentials"}"#.utf8),
            status: 200, statusText: "OK", responseHeaders: [HARNameValue(name: "Content-Type", value: "application/json")],
            responseBody: Data(#"{"access_token":"tok","token_type":"Bearer"}"#.utf8), endpoint: "POST /v2/oauth/token")
    }

    static func session(command: String = "watch", redactedChat: Bool = false) -> RecordingSession {
        RecordingSession(command: command, orders: [RecordedOrder(userID: "u-1", orderID: "o-1")], redactedChat: redactedChat,
                         startedAt: Date(timeIntervalSince1970: 1_790_000_000.5), interval: 2)
    }
}
