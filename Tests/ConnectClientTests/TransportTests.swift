import ConnectClient
import ConnectModels
import Foundation
import Recording
import TestSupport
import Testing

/// A transport in memory: keeps every request and answers from a script.
actor ScriptedTransport: ConnectTransport {
    enum Answer: Sendable {
        case reply(IncomingReply)
        case failure(any Error)
    }

    private var answers: [Answer]
    private(set) var requests: [OutgoingRequest] = []

    init(_ answers: [Answer]) { self.answers = answers }

    func execute(_ request: OutgoingRequest) async throws -> IncomingReply {
        requests.append(request)
        switch answers.isEmpty ? .reply(IncomingReply(status: 500)) : answers.removeFirst() {
        case .reply(let reply): return reply
        case .failure(let error): throw error
        }
    }
}

/// An error as AsyncHTTPClient might describe a refused connection.
struct SocketFailure: Error, CustomStringConvertible {
    var description: String { "connect(descriptor:addr:size:): Connection refused (errno: 111)" }
}

@Suite("The transport seam: what ConnectClient hands a transport and what it makes of the answer")
struct TransportTests {
    static let orderJSON = Data(#"{"id":"o 1","workflow_state":"picking"}"#.utf8)

    @Test("a request carries method, URL, endpoint template, order id, headers, body and limits")
    func outgoingRequest() async throws {
        let transport = ScriptedTransport([
            .reply(IncomingReply(status: 200, headers: [HARNameValue(name: "Content-Type", value: "application/json")], body: Self.orderJSON)),
            .reply(IncomingReply(status: 200, body: Data(#"{"id":"m1","type":"CHAT"}"#.utf8))),
        ])
        var client = ConnectClient(baseURL: "http://127.0.0.1:9/", token: BearerToken("tok-secret"), retailerID: "r-7",
                                   timeout: .seconds(3), userAgent: "ordertop/test", transport: transport)
        client.maxResponseBytes = 4096
        #expect(try await client.order("o 1").workflowState == .picking)
        _ = try await client.sendChatMessage(orderID: "o 1", body: "Hello")

        let requests = await transport.requests
        #expect(requests.count == 2)
        let get = try #require(requests.first)
        #expect(get.method == "GET")
        #expect(get.url == "http://127.0.0.1:9/v2/post_checkout/orders/o%201")
        #expect(get.endpoint == "GET /v2/post_checkout/orders/{order_id}")
        #expect(get.orderID == "o 1")
        #expect(get.header("authorization") == "Bearer tok-secret")
        #expect(get.header("Accept") == "application/json")
        #expect(get.header("User-Agent") == "ordertop/test")
        #expect(get.header("X-Retailer-Id") == "r-7")
        #expect(get.body == nil)
        #expect(get.timeout == .seconds(3))
        #expect(get.maxResponseBytes == 4096)
        #expect(get.baseURL == "http://127.0.0.1:9")
        let post = requests[1]
        #expect(post.endpoint == "POST /v2/post_checkout/chat/{order_id}/messages")
        #expect(post.header("Content-Type") == "application/json")
        let sent = try #require(post.body)
        let body = try #require(try JSONSerialization.jsonObject(with: sent) as? [String: String])
        #expect(body["body"] == "Hello")
    }

    @Test("with(token:) keeps the transport; the token request goes out unauthorized with no order id")
    func tokenKeepsTransport() async throws {
        let transport = ScriptedTransport([
            .reply(IncomingReply(status: 200, body: Data(#"{"access_token":"t2","token_type":"Bearer"}"#.utf8))),
            .reply(IncomingReply(status: 200, body: Self.orderJSON)),
        ])
        let anonymous = ConnectClient(baseURL: "http://127.0.0.1:9", transport: transport)
        let token = try await anonymous.mintUserToken(for: "u-1")
        let user = anonymous.with(token: token.bearer)
        _ = try await user.order("o 1")
        #expect(await transport.requests.map(\.endpoint) == ["POST /v2/oauth/token", "GET /v2/post_checkout/orders/{order_id}"])
        let requests = await transport.requests
        #expect(requests[0].header("Authorization") == nil)
        #expect(requests[0].orderID == nil)
        #expect(requests[1].header("Authorization") == "Bearer t2")
    }

    @Test("a ConnectError from the transport comes out unchanged; any other error becomes a transport error in words")
    func errorsPassThrough() async throws {
        let replayed = ConnectError.transport(endpoint: "GET /v2/post_checkout/orders/{order_id}", baseURL: "recording.har",
                                              reason: "the recording has no more replies", mayHaveBeenSent: false)
        let transport = ScriptedTransport([.failure(replayed), .failure(SocketFailure())])
        let client = ConnectClient(baseURL: "http://127.0.0.1:9", transport: transport)
        await #expect(throws: replayed) { try await client.order("o") }
        await #expect(throws: ConnectError.transport(endpoint: "GET /v2/post_checkout/orders/{order_id}/items", baseURL: "http://127.0.0.1:9",
                                                     reason: "connection refused", mayHaveBeenSent: false)) {
            try await client.items(orderID: "o")
        }
    }

    @Test("error statuses, Retry-After from the reply's headers, empty bodies and garbage keep their meaning")
    func replies() async throws {
        let transport = ScriptedTransport([
            .reply(IncomingReply(status: 429, headers: [HARNameValue(name: "retry-after", value: "7")],
                                 body: Data(#"{"error":{"message":"Too many requests","code":9999}}"#.utf8))),
            .reply(IncomingReply(status: 200, body: Data("  \n".utf8))),
            .reply(IncomingReply(status: 200, body: Data("<html>".utf8))),
        ])
        let client = ConnectClient(baseURL: "http://127.0.0.1:9", transport: transport)
        await #expect(throws: ConnectError.http(endpoint: "GET /v2/post_checkout/orders/{order_id}", status: 429,
                                                body: InstacartErrorBody(message: "Too many requests", code: 9999), retryAfter: .seconds(7))) {
            try await client.order("o")
        }
        #expect(try await client.location(orderID: "o").coordinates == nil, "an empty body is the documented empty reply")
        let garbage = await #expect(throws: ConnectError.self) { try await client.order("o") }
        if case .decoding(let endpoint, _, _) = garbage { #expect(endpoint == "GET /v2/post_checkout/orders/{order_id}") } else {
            Issue.record("expected a decoding error, got \(String(describing: garbage))")
        }
    }

    @Test("the widget session sends its cookies and reads every Set-Cookie through the transport")
    func widgetCookies() async throws {
        let transport = ScriptedTransport([
            .reply(IncomingReply(status: 200, headers: [HARNameValue(name: "Set-Cookie", value: "a=1; Path=/"), HARNameValue(name: "set-cookie", value: "b=2")])),
        ])
        let client = ConnectClient(baseURL: "http://127.0.0.1:9", transport: transport)
        let session = try await client.initWidgetSession(storefront: "http://127.0.0.1:8/", cookies: ["x=9", "y=8"])
        #expect(session.cookies == ["a=1", "b=2"])
        let request = await transport.requests.first
        #expect(request?.url == "http://127.0.0.1:8/idp/v1/init")
        #expect(request?.header("Cookie") == "x=9; y=8")
        #expect(request?.baseURL == "http://127.0.0.1:8")
    }

    @Test("RecordingTransport returns what its base returned, rethrows what it threw, and records both")
    func recordingTransport() async throws {
        let folder = NSTemporaryDirectory() + "ordertop-transport-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/t.har"
        let recorder = HARRecorder(path: path, session: RecordingSession(command: "watch", orders: [], redactedChat: false, startedAt: Date()),
                                   redactChat: false)
        try await recorder.start()
        let base = ScriptedTransport([
            .reply(IncomingReply(status: 404, statusText: "Not Found", body: Data(#"{"error":{"message":"Order not found","code":4000}}"#.utf8))),
            .failure(SocketFailure()),
        ])
        let client = ConnectClient(baseURL: "http://127.0.0.1:9", token: BearerToken("tok-secret"),
                                   transport: RecordingTransport(base: base, recorder: recorder))
        let notFound = await #expect(throws: ConnectError.self) { try await client.order("o-1") }
        #expect(notFound?.status == 404)
        await #expect(throws: ConnectError.transport(endpoint: "GET /v2/post_checkout/orders/{order_id}/items", baseURL: "http://127.0.0.1:9",
                                                     reason: "connection refused", mayHaveBeenSent: false)) {
            try await client.items(orderID: "o-1")
        }
        try await recorder.finish()
        let entries = try HARFile.load(path: path).log.entries
        #expect(entries.map(\.response.status) == [404, 0])
        #expect(entries.map(\.response.statusText) == ["Not Found", ""])
        #expect(entries.map(\.error) == [nil, "connection refused"])
        #expect(entries.map(\.orderID) == ["o-1", "o-1"])
        #expect(entries[0].response.content.text?.contains("Order not found") == true)
        #expect(entries.allSatisfy { $0.request.header("Authorization") == "[redacted]" })
    }
}

@Suite("HTTPClientTransport against the sandbox")
struct HTTPTransportTests {
    @Test("a reply over maxResponseBytes is a transport error that says so")
    func sizeLimit() async throws {
        try await withSandbox { sandbox in
            let orderID = try await sandbox.createOrder(user: "big-user")
            var user = try await sandbox.user("big-user")
            user.maxResponseBytes = 64
            // The body is collected with a limit; NIO's NIOTooManyBytesError is named in words.
            await #expect(throws: ConnectError.transport(endpoint: "GET /v2/post_checkout/orders/{order_id}/items", baseURL: sandbox.server.baseURL,
                                                         reason: "the reply was too large", mayHaveBeenSent: true)) {
                try await user.items(orderID: orderID)
            }
            user.maxResponseBytes = 1 << 20
            #expect(try await user.items(orderID: orderID).count > 0)
        }
    }
}
