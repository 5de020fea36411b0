import Clocks
@testable import ConnectClient
import ConnectModels
import Testing

@Suite("TokenBroker: one cached token per user, refreshed before expiry and after a 401")
struct TokenBrokerTests {
    let credentials = ClientCredentials(clientID: "abc", clientSecret: "s3cret-value", profile: "staging",
                                        secretSource: "client_secret_file in profile staging")

    @Test("one token per user: asking again reuses it, another user gets their own")
    func onePerUser() async throws {
        let issuer = FakeIssuer()
        let broker = TokenBroker(issuer: issuer, credentials: credentials, clock: TestClock())
        let first = try await broker.token(for: "u1")
        #expect(try await broker.token(for: "u1") == first)
        let other = try await broker.token(for: "u2")
        #expect(other != first)
        #expect(await issuer.count == 2)
        #expect(await issuer.users == ["u1", "u2"])
        let request = try #require(await issuer.requests.first)
        #expect(request.grantType == .fulfillmentUserAssertion && request.clientID == "abc" && request.clientSecret == "s3cret-value")
    }

    @Test("refreshed a margin before expires_in runs out, not before", arguments: [
        (1000, 940), // a tenth would be 100 s: the margin stops at 60 s
        (100, 90),   // a tenth: 10 s
    ])
    func refreshedBeforeExpiry(lifetime: Int, refreshAt: Int) async throws {
        let clock = TestClock<Duration>()
        let issuer = FakeIssuer(lifetime: lifetime)
        let broker = TokenBroker(issuer: issuer, credentials: credentials, clock: clock)
        let first = try await broker.token(for: "u1")
        await clock.advance(by: .seconds(refreshAt - 1))
        #expect(try await broker.token(for: "u1") == first)
        #expect(await issuer.count == 1)
        await clock.advance(by: .seconds(1))
        let second = try await broker.token(for: "u1")
        #expect(second != first)
        #expect(await issuer.count == 2)
        #expect(try await broker.token(for: "u1") == second, "the new token is cached in turn")
    }

    @Test("the refresh margin is a tenth of the lifetime, at most a minute")
    func margin() {
        #expect(TokenBroker.refreshMargin(lifetime: .seconds(86_400)) == .seconds(60))
        #expect(TokenBroker.refreshMargin(lifetime: .seconds(300)) == .seconds(30))
        #expect(TokenBroker.refreshMargin(lifetime: .zero) == .zero)
    }

    @Test("without expires_in the documented day is assumed")
    func missingLifetime() async throws {
        let clock = TestClock<Duration>()
        let issuer = FakeIssuer(lifetime: nil)
        let broker = TokenBroker(issuer: issuer, credentials: credentials, clock: clock)
        _ = try await broker.token(for: "u1")
        await clock.advance(by: .seconds(86_400 - 61))
        _ = try await broker.token(for: "u1")
        #expect(await issuer.count == 1)
        await clock.advance(by: .seconds(1))
        _ = try await broker.token(for: "u1")
        #expect(await issuer.count == 2)
    }

    @Test("after a 401 the next ask mints a new token; a stale rejection does not throw away the new one")
    func invalidate() async throws {
        let issuer = FakeIssuer()
        let broker = TokenBroker(issuer: issuer, credentials: credentials, clock: TestClock())
        let first = try await broker.token(for: "u1")
        await broker.invalidate(user: "u1", rejected: first)
        let second = try await broker.token(for: "u1")
        #expect(second != first)
        await broker.invalidate(user: "u1", rejected: first)
        #expect(try await broker.token(for: "u1") == second)
        await broker.invalidate(user: "u1")
        #expect(try await broker.token(for: "u1") != second)
        #expect(await issuer.count == 3)
    }

    @Test("concurrent asks for one user share one request")
    func concurrentAsksShareOneMint() async throws {
        let issuer = FakeIssuer()
        await issuer.hold()
        let broker = TokenBroker(issuer: issuer, credentials: credentials, clock: TestClock())
        let asks = 8
        let tokens = try await withThrowingTaskGroup(of: BearerToken.self) { group in
            for _ in 0..<asks { group.addTask { try await broker.token(for: "u1") } }
            // Every ask must be waiting on the one mint before it is let go.
            var waited = 0
            while await broker.joinedMints < asks - 1, waited < 10_000 {
                await Task.yield()
                waited += 1
            }
            await issuer.release()
            return try await group.reduce(into: [BearerToken]()) { $0.append($1) }
        }
        #expect(await broker.joinedMints == asks - 1)
        #expect(tokens.count == asks && Set(tokens).count == 1)
        #expect(await issuer.count == 1)
    }

    @Test("a rejected secret is one line naming the profile and what to fix, never the secret")
    func rejectedSecret() async throws {
        let issuer = FakeIssuer()
        await issuer.fail(with: [ConnectError.http(endpoint: "POST /v2/oauth/token", status: 401,
                                                   body: InstacartErrorBody(message: "invalid_client: wrong secret s3cret-value", code: 1001, key: "client_id"),
                                                   retryAfter: nil)])
        let broker = TokenBroker(issuer: issuer, credentials: credentials, clock: TestClock())
        let error = await #expect(throws: TokenBrokerError.self) { try await broker.token(for: "u1") }
        let message = try #require(error).description
        #expect(message == "profile staging: the client id or secret was rejected (HTTP 401): check client_id and client_secret_file in profile staging")
        #expect(!message.contains("s3cret"))
        #expect(!message.contains("\n"))
    }

    @Test("a refused assertion names the user; the secret is cut out of the server's words")
    func rejectedUser() async throws {
        let issuer = FakeIssuer()
        await issuer.fail(with: [ConnectError.http(endpoint: "POST /v2/oauth/token", status: 400,
                                                   body: InstacartErrorBody(message: "invalid_grant: bad s3cret-value", code: 1001, key: "assertion"),
                                                   retryAfter: nil)])
        let broker = TokenBroker(issuer: issuer, credentials: credentials, clock: TestClock())
        let error = await #expect(throws: TokenBrokerError.self) { try await broker.token(for: "u9") }
        #expect(error?.description == "profile staging: no token for user u9 (HTTP 400: invalid_grant: bad <redacted> (assertion)): check the user id")
    }

    @Test("a failure worth retrying stays a ConnectError and is not cached")
    func transientFailure() async throws {
        let issuer = FakeIssuer()
        let unavailable = ConnectError.http(endpoint: "POST /v2/oauth/token", status: 503, body: nil, retryAfter: nil)
        await issuer.fail(with: [unavailable])
        let broker = TokenBroker(issuer: issuer, credentials: credentials, clock: TestClock())
        await #expect(throws: unavailable) { try await broker.token(for: "u1") }
        #expect(try await broker.token(for: "u1").secret == "tok-2")
    }

    @Test("every token request first passes the budget hook; a refusing hook sends nothing")
    func budgetHook() async throws {
        let issuer = FakeIssuer()
        let counter = Counter()
        let broker = TokenBroker(issuer: issuer, credentials: credentials, clock: TestClock(), acquire: { await counter.bump() })
        _ = try await broker.token(for: "u1")
        _ = try await broker.token(for: "u1")
        _ = try await broker.token(for: "u2")
        #expect(await counter.value == 2)

        struct OverBudget: Error {}
        let refusing = TokenBroker(issuer: issuer, credentials: credentials, clock: TestClock(), acquire: { throw OverBudget() })
        await #expect(throws: OverBudget.self) { try await refusing.token(for: "u3") }
        #expect(await issuer.count == 2)
    }
}

/// A count shared with a `@Sendable` hook.
actor Counter {
    private(set) var value = 0
    func bump() { value += 1 }
}
