import Clocks
import ConnectClient
import ConnectModels
import TestSupport
import Testing

@Suite("MintedSource: a user's calls with the broker's token, one retry after a 401")
struct MintedSourceTests {
    let credentials = ClientCredentials(clientID: "abc", clientSecret: "s3cret-value", profile: "staging", secretSource: "ORDERTOP_CLIENT_SECRET")

    @Test("a 401 invalidates the token and the call is retried once with a fresh one")
    func retriesAfter401() async throws {
        let issuer = FakeIssuer()
        let fake = FakeOrderSource(state: .picking, token: "tok-1")
        let source = MintedSource(base: fake, broker: TokenBroker(issuer: issuer, credentials: credentials, clock: TestClock()), userID: "u1")
        #expect(try await source.order("o").workflowState == .picking)
        #expect(try await source.items(orderID: "o").isEmpty)
        #expect(await issuer.count == 1, "the token is reused across calls")

        fake.backend.acceptTokens(["tok-2"])
        #expect(try await source.order("o").workflowState == .picking)
        #expect(await issuer.count == 2)
        #expect(fake.backend.count(.order) == 3, "one refused call and its retry")
    }

    @Test("a second 401 with a fresh token is thrown, after exactly one retry")
    func secondRejectionThrown() async throws {
        let issuer = FakeIssuer()
        let fake = FakeOrderSource(token: "never-issued")
        let source = MintedSource(base: fake, broker: TokenBroker(issuer: issuer, credentials: credentials, clock: TestClock()), userID: "u1")
        let error = await #expect(throws: ConnectError.self) { try await source.sendChatMessage(orderID: "o", body: "hi", imageURL: nil) }
        #expect(error?.status == 401)
        #expect(fake.backend.count(.send) == 2)
        #expect(await issuer.count == 2)
    }

    @Test("a refusal from the token endpoint is a ConnectError carrying the broker's one line")
    func tokenRefusal() async throws {
        let issuer = FakeIssuer()
        await issuer.fail(with: [ConnectError.http(endpoint: "POST /v2/oauth/token", status: 401, body: nil, retryAfter: nil)])
        let fake = FakeOrderSource()
        let source = MintedSource(base: fake, broker: TokenBroker(issuer: issuer, credentials: credentials, clock: TestClock()), userID: "u1")
        let error = await #expect(throws: ConnectError.self) { try await source.order("o") }
        #expect(error == .invalidRequest("profile staging: the client id or secret was rejected (HTTP 401): check client_id and ORDERTOP_CLIENT_SECRET"))
        #expect(fake.backend.count(.order) == 0)
    }

    @Test("against the sandbox: a minted token reads the user's order, and a revoked one is replaced")
    func sandbox() async throws {
        try await withSandbox { sandbox in
            let order = try await sandbox.createOrder(user: "broker-user", customerName: "Sierra")
            let issuer = CountingIssuer(base: sandbox.anonymous)
            let broker = TokenBroker(issuer: issuer, credentials: .sandbox)
            let source = MintedSource(base: sandbox.anonymous, broker: broker, userID: "broker-user")
            #expect(try await source.order(order).id.value == order)
            #expect(try await source.items(orderID: order).count > 0)
            #expect(await issuer.counter.value == 1)

            _ = try await sandbox.client.injectFault(FaultRequest(kind: "status", pathPrefix: "/v2/post_checkout/orders", status: 401, count: 1))
            #expect(try await source.order(order).id.value == order, "the 401 was answered by minting again")
            #expect(await issuer.counter.value == 2)
        }
    }
}

/// The sandbox's token endpoint, counted.
struct CountingIssuer: TokenIssuer {
    let base: ConnectClient
    let counter = Counter()

    func token(_ request: TokenRequest) async throws -> TokenResponse {
        await counter.bump()
        return try await base.token(request)
    }
}
