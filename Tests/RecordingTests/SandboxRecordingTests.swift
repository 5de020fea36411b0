import ConnectClient
import ConnectModels
import ConnectSandbox
import Foundation
import Recording
import TestSupport
import Testing

/// What one recorded run against the sandbox left behind, and the secrets and words it must (not) hold.
struct RecordedRun {
    let folder: TemporaryFolder
    let path: String
    let orderID: String
    let secrets: [String]
    let customerMessage: String
    let shopperMessage: String
}

/// Records a user's real calls against a live sandbox: both token grants, the order, its items, the chat and a message.
func recordRun(redactChat: Bool) async throws -> RecordedRun {
    let folder = try TemporaryFolder()
    let path = folder.file("recording.har")
    let customerMessage = "Could you get the oat milk, not the almond one? Merci 👍🏽"
    let shopperMessage = "Hi, this is Zelma, your shopper."
    var run: RecordedRun?
    try await withSandbox { sandbox in
        let orderID = try await sandbox.createOrder(user: "rec-user", customerName: "Sierra")
        let (_, batchID) = try await sandbox.assign(orderID)
        _ = try await sandbox.client.advanceBatch(batchID, to: "picking")
        _ = try await sandbox.client.shopperSays(orderID: orderID, body: shopperMessage)

        let session = RecordingSession(command: "watch", orders: [RecordedOrder(userID: "rec-user", orderID: orderID)],
                                       redactedChat: redactChat, startedAt: Date(), interval: 2)
        let recorder = HARRecorder(path: path, session: session, redactChat: redactChat)
        try await recorder.start()
        let recorded = ConnectClient(baseURL: sandbox.server.baseURL, transport: RecordingTransport(base: HTTPClientTransport(), recorder: recorder))
        let clientToken = try await recorded.mintClientToken()
        let userToken = try await recorded.mintUserToken(for: "rec-user")
        let user = recorded.with(token: userToken.bearer)
        #expect(try await user.order(orderID).id.value == orderID)
        #expect(try await user.items(orderID: orderID).count > 0)
        #expect(try await user.chatMessages(orderID: orderID).chatMessages.map(\.body) == [shopperMessage])
        _ = try await user.sendChatMessage(orderID: orderID, body: customerMessage)
        try await recorder.finish()
        #expect(await recorder.entryCount == 6)
        run = RecordedRun(folder: folder, path: path, orderID: orderID,
                          secrets: [SandboxDefaults.clientSecret, clientToken.accessToken, userToken.accessToken,
                                    "Bearer \(clientToken.accessToken)", "Bearer \(userToken.accessToken)",
                                    TokenRequest.encodeAssertion(userID: "rec-user")],
                          customerMessage: customerMessage, shopperMessage: shopperMessage)
    }
    return try #require(run)
}

@Suite("Recording real exchanges with the sandbox")
struct SandboxRecordingTests {
    @Test("a recorded run is a HAR 1.2 file: every required field, in order, our own fields starting with _")
    func harStructure() async throws {
        let run = try await recordRun(redactChat: false)
        defer { run.folder.remove() }
        let document = try HARFile.load(path: run.path)
        #expect(document.log.entries.count == 6)

        let log = try #require(try rawJSON(run.path)["log"] as? [String: Any])
        #expect(log["version"] as? String == "1.2")
        let creator = try #require(log["creator"] as? [String: Any])
        #expect(creator["name"] as? String == "ordertop")
        #expect(creator["version"] as? String == OrdertopVersion.current)
        #expect(Set(log.keys) == ["version", "creator", "entries", "_ordertop"])
        let session = try #require(log["_ordertop"] as? [String: Any])
        #expect(session["command"] as? String == "watch")
        #expect((session["orders"] as? [[String: Any]])?.first?["order_id"] as? String == run.orderID)
        #expect((session["orders"] as? [[String: Any]])?.first?["user_id"] as? String == "rec-user")
        #expect(session["redacted_chat"] as? Bool == false)
        #expect(session["interval_s"] as? Double == 2)

        let entries = try rawEntries(run.path)
        #expect(entries.count == 6)
        let millisecondDate = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/
        var previous = ""
        for entry in entries {
            for key in ["startedDateTime", "time", "request", "response", "cache", "timings"] {
                #expect(entry[key] != nil, "entry lacks \(key)")
            }
            for key in entry.keys where !["startedDateTime", "time", "request", "response", "cache", "timings"].contains(key) {
                #expect(key.hasPrefix("_"), "\(key) is not HAR and does not start with _")
            }
            let started = try #require(entry["startedDateTime"] as? String)
            #expect(started.wholeMatch(of: millisecondDate) != nil, "\(started)")
            #expect(started >= previous, "entries are in order of their start")
            previous = started
            let request = try #require(entry["request"] as? [String: Any])
            for key in ["method", "url", "httpVersion", "cookies", "headers", "queryString", "headersSize", "bodySize"] {
                #expect(request[key] != nil, "request lacks \(key)")
            }
            #expect(request["httpVersion"] as? String == "HTTP/1.1")
            let response = try #require(entry["response"] as? [String: Any])
            for key in ["status", "statusText", "httpVersion", "cookies", "headers", "content", "redirectURL", "headersSize", "bodySize"] {
                #expect(response[key] != nil, "response lacks \(key)")
            }
            #expect(response["status"] as? Int == 200)
            let content = try #require(response["content"] as? [String: Any])
            #expect(content["size"] is Int && content["mimeType"] is String)
            #expect((entry["cache"] as? [String: Any])?.isEmpty == true)
            let timings = try #require(entry["timings"] as? [String: Double])
            let time = try #require(entry["time"] as? Double)
            #expect(time > 0)
            #expect(abs(timings["send"]! + timings["wait"]! + timings["receive"]! - time) < 0.0005)
            #expect(entry["_endpoint"] is String)
        }
        let endpoints = entries.compactMap { $0["_endpoint"] as? String }
        #expect(endpoints == [
            "POST /v2/oauth/token", "POST /v2/oauth/token", "GET /v2/post_checkout/orders/{order_id}",
            "GET /v2/post_checkout/orders/{order_id}/items", "GET /v2/post_checkout/chat/{order_id}/messages",
            "POST /v2/post_checkout/chat/{order_id}/messages",
        ])
        #expect(entries.map { $0["_order_id"] as? String } == [nil, nil, run.orderID, run.orderID, run.orderID, run.orderID])

        // What a replay needs: the reply decodes as the client would have decoded it.
        let orderEntry = document.log.entries[2]
        #expect(orderEntry.response.header("content-type")?.contains("application/json") == true)
        let order = try ConnectJSON.decoder().decode(Order.self, from: orderEntry.response.content.data)
        #expect(order.id.value == run.orderID)
    }

    @Test("no secret is written: the client secret, the assertion, the minted tokens, the bearer headers")
    func noSecrets() async throws {
        let run = try await recordRun(redactChat: false)
        defer { run.folder.remove() }
        let file = text(of: run.path)
        #expect(file.contains("client_secret"), "the key stays, so a reader sees what was there")
        for secret in run.secrets {
            #expect(!file.contains(secret), "the file holds a secret: \(secret.prefix(12))…")
        }
        #expect(!file.contains("Bearer "))
        let document = try HARFile.load(path: run.path)
        let authorized = document.log.entries.filter { $0.request.headers.first(named: "Authorization") != nil }
        #expect(authorized.count == 4)
        #expect(authorized.allSatisfy { $0.request.headers.first(named: "Authorization") == "[redacted]" })
        let grant = try #require(document.log.entries.first?.request.postData?.text)
        let fields = try #require(try JSONSerialization.jsonObject(with: Data(grant.utf8)) as? [String: String])
        #expect(fields["client_secret"] == "[redacted]")
        #expect(fields["grant_type"] == "client_credentials")
        #expect(fields["client_id"] == SandboxDefaults.clientID)
        let reply = try #require(try JSONSerialization.jsonObject(with: document.log.entries[1].response.content.data) as? [String: Any])
        #expect(reply["access_token"] as? String == "[redacted]")
        #expect(reply["token_type"] as? String == "Bearer")
        // The chat is kept when not asked otherwise.
        #expect(file.contains(run.shopperMessage))
        #expect(document.log.entries[5].request.postData?.text.contains(run.customerMessage) == true)
    }

    @Test("with redactChat the chat bodies are replaced by their length in characters")
    func chatRedacted() async throws {
        let run = try await recordRun(redactChat: true)
        defer { run.folder.remove() }
        let file = text(of: run.path)
        #expect(!file.contains(run.shopperMessage))
        #expect(!file.contains("oat milk"))
        #expect(file.contains("[\(run.shopperMessage.count) characters]"))
        #expect(file.contains("[\(run.customerMessage.count) characters]"))
        #expect(run.customerMessage.count != run.customerMessage.unicodeScalars.count, "the count is of characters, not scalars")
        let session = try #require((try rawJSON(run.path)["log"] as? [String: Any])?["_ordertop"] as? [String: Any])
        #expect(session["redacted_chat"] as? Bool == true)
        for secret in run.secrets { #expect(!file.contains(secret)) }
    }

    @Test("a real recording cut anywhere is reported as cut short, naming the file, in one line")
    func truncatedRecording() async throws {
        let run = try await recordRun(redactChat: false)
        defer { run.folder.remove() }
        let whole = try Data(contentsOf: URL(fileURLWithPath: run.path))
        let cut = run.folder.file("cut.har")
        for length in [1, 40, whole.count / 3, whole.count / 2, whole.count - 4, whole.count - 2] {
            try whole.prefix(length).write(to: URL(fileURLWithPath: cut))
            let error = #expect(throws: HARFileError.self) { try HARFile.load(path: cut) }
            #expect(error == .truncated(path: cut), "cut at \(length) of \(whole.count)")
            #expect(error?.description.contains("cut.har is cut short") == true)
            #expect(error?.description.contains("\n") == false)
        }
    }

    @Test("a reply that never came is recorded with status 0 and the client's reason, and the error is thrown unchanged")
    func droppedResponse() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let path = folder.file("failures.har")
        try await withSandbox { sandbox in
            let orderID = try await sandbox.createOrder(user: "drop-user")
            let recorder = HARRecorder(path: path, session: Exchanges.session(), redactChat: false)
            try await recorder.start()
            let user = try await sandbox.user("drop-user")
            let recorded = user.with(transport: RecordingTransport(base: user.transport, recorder: recorder))
            _ = try await sandbox.client.injectFault(FaultRequest(kind: "drop-response", pathPrefix: "/v2/post_checkout/orders", count: 1))
            let thrown = await #expect(throws: ConnectError.self) { try await recorded.order(orderID) }
            guard case .transport(let endpoint, _, let reason, _) = thrown else {
                Issue.record("expected a transport error, got \(String(describing: thrown))")
                return
            }
            #expect(endpoint == "GET /v2/post_checkout/orders/{order_id}")
            #expect(reason == "the server closed the connection")
            #expect(try await recorded.order(orderID).id.value == orderID, "the next call works and is recorded too")
            try await recorder.finish()

            let entries = try rawEntries(path)
            #expect(entries.count == 2)
            let failed = try #require(entries.first)
            #expect((failed["response"] as? [String: Any])?["status"] as? Int == 0)
            #expect(failed["_error"] as? String == reason)
            #expect(failed["_order_id"] as? String == orderID)
            #expect(entries.last?["_error"] == nil)
            #expect((entries.last?["response"] as? [String: Any])?["status"] as? Int == 200)
        }
    }

    @Test("a server that is not listening: connection refused is recorded as the entry's _error")
    func refused() async throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        let server = try await SandboxServer.start()
        let baseURL = server.baseURL
        await server.stop()
        let http = ConnectClient.makeHTTPClient()
        let recorder = HARRecorder(path: folder.file("refused.har"), session: Exchanges.session(), redactChat: false)
        try await recorder.start()
        let client = ConnectClient(baseURL: baseURL, token: BearerToken("refused-token"), timeout: .seconds(5),
                                   transport: RecordingTransport(base: HTTPClientTransport(http: http), recorder: recorder))
        let thrown = await #expect(throws: ConnectError.self) { try await client.order("o-9") }
        try await http.shutdown()
        try await recorder.finish()
        guard case .transport(_, _, let reason, let mayHaveBeenSent) = thrown else {
            Issue.record("expected a transport error, got \(String(describing: thrown))")
            return
        }
        #expect(reason == "connection refused")
        #expect(!mayHaveBeenSent)
        let entry = try #require(try rawEntries(folder.file("refused.har")).first)
        #expect(entry["_error"] as? String == "connection refused")
        #expect((entry["response"] as? [String: Any])?["status"] as? Int == 0)
        #expect(!text(of: folder.file("refused.har")).contains("refused-token"))
    }
}
