import ConnectModels

/// Mints user tokens with the `fulfillment_user_assertion` grant and keeps one per user in memory: asks for the
/// same user share one request, a token is replaced shortly before `expires_in` runs out, and after a 401
/// `invalidate(user:rejected:)` makes the next ask mint a fresh one.
public actor TokenBroker {
    /// A cached token and when (on the broker's clock, since it started) it is due for a new one.
    private struct Minted: Sendable {
        var token: BearerToken
        var refreshAt: Duration
    }

    private enum Entry {
        case ready(Minted)
        case minting(Task<Minted, any Error>, id: Int)
    }

    /// Assumed when the endpoint leaves `expires_in` out: the documented lifetime of a user token.
    public static let defaultLifetime: Duration = .seconds(86_400)

    public nonisolated let credentials: ClientCredentials
    private let issuer: any TokenIssuer
    private let elapsed: @Sendable () -> Duration
    private let acquire: (@Sendable () async throws -> Void)?
    private var entries: [String: Entry] = [:]
    private var nextMintID = 0
    /// Asks that joined a mint already under way instead of sending their own, for tests.
    private(set) var joinedMints = 0

    /// `acquire` runs before every token request, so minting can count against a shared request budget.
    public init(issuer: any TokenIssuer, credentials: ClientCredentials, clock: any Clock<Duration> = ContinuousClock(),
                acquire: (@Sendable () async throws -> Void)? = nil) {
        self.issuer = issuer
        self.credentials = credentials
        self.elapsed = Self.stopwatch(clock)
        self.acquire = acquire
    }

    /// How long before the end of its life a token is replaced: a tenth of the lifetime, at most a minute.
    public static func refreshMargin(lifetime: Duration) -> Duration {
        min(lifetime / 10, .seconds(60))
    }

    /// The user's token: the cached one while it is fresh, else one minted now (shared by concurrent asks).
    /// Throws `TokenBrokerError` when the endpoint refuses, or the `ConnectError` of a failure worth retrying.
    public func token(for userID: String) async throws -> BearerToken {
        switch entries[userID] {
        case .ready(let minted) where elapsed() < minted.refreshAt:
            return minted.token
        case .minting(let task, _):
            joinedMints += 1
            return try await task.value.token
        default:
            break
        }
        nextMintID += 1
        let id = nextMintID
        let (issuer, credentials, elapsed, acquire) = (issuer, credentials, elapsed, acquire)
        // Unstructured, so one asker being cancelled does not fail the others waiting on the same mint.
        let task = Task<Minted, any Error> {
            try await Self.mint(userID: userID, issuer: issuer, credentials: credentials, elapsed: elapsed, acquire: acquire)
        }
        entries[userID] = .minting(task, id: id)
        do {
            let minted = try await task.value
            if case .minting(_, id)? = entries[userID] { entries[userID] = .ready(minted) }
            return minted.token
        } catch {
            if case .minting(_, id)? = entries[userID] { entries[userID] = nil }
            throw error
        }
    }

    /// Forgets the user's token so the next ask mints a new one. With `rejected`, only when that is still the
    /// cached token: many requests failing with the same token then cause one new mint, not one each.
    public func invalidate(user userID: String, rejected: BearerToken? = nil) {
        guard case .ready(let minted)? = entries[userID] else { return }
        if let rejected, rejected != minted.token { return }
        entries[userID] = nil
    }

    /// Forgets every token, e.g. when the credentials change.
    public func invalidateAll() {
        entries = entries.filter { if case .minting = $0.value { true } else { false } }
    }

    /// The users with a token cached or being minted, for diagnostics.
    public var cachedUsers: Set<String> { Set(entries.keys) }

    private static func mint(userID: String, issuer: any TokenIssuer, credentials: ClientCredentials,
                             elapsed: @Sendable () -> Duration, acquire: (@Sendable () async throws -> Void)?) async throws -> Minted {
        try await acquire?()
        // Measured before the request, so the refresh comes early rather than late.
        let requestedAt = elapsed()
        let response: TokenResponse
        do {
            response = try await issuer.token(.userAssertion(id: credentials.clientID, secret: credentials.clientSecret, userID: userID))
        } catch let error as ConnectError {
            throw TokenBrokerError.classify(error, credentials: credentials, userID: userID) ?? error
        }
        let token = response.bearer
        guard !token.secret.isEmpty else { throw TokenBrokerError.emptyToken(profile: credentials.profile) }
        let lifetime = response.expiresIn.map { Duration.seconds(max(0, $0)) } ?? defaultLifetime
        return Minted(token: token, refreshAt: requestedAt + lifetime - refreshMargin(lifetime: lifetime))
    }

    /// Time since now on `clock`, whatever its instant type.
    private static func stopwatch<C: Clock<Duration>>(_ clock: C) -> @Sendable () -> Duration {
        let start = clock.now
        return { start.duration(to: clock.now) }
    }
}
