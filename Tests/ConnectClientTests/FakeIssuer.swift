import ConnectClient
import ConnectModels

/// A token endpoint in memory: hands out `tok-1`, `tok-2`, ... with a set lifetime, records every request,
/// fails the requests a test asks it to, and can hold requests until the test lets them go.
actor FakeIssuer: TokenIssuer {
    private(set) var requests: [TokenRequest] = []
    var lifetime: Int? = 1000
    private var failures: [any Error] = []
    private var holding = false
    private var held: [CheckedContinuation<Void, Never>] = []

    init(lifetime: Int? = 1000) { self.lifetime = lifetime }

    var count: Int { requests.count }
    /// The user ids of the assertions asked for, in order.
    var users: [String] { requests.compactMap { $0.assertion.flatMap(TokenRequest.decodeAssertion) } }

    func fail(with errors: [any Error]) { failures += errors }
    func hold() { holding = true }

    func release() {
        holding = false
        for waiter in held { waiter.resume() }
        held = []
    }

    func token(_ request: TokenRequest) async throws -> TokenResponse {
        requests.append(request)
        let number = requests.count
        if holding { await withCheckedContinuation { held.append($0) } }
        if !failures.isEmpty { throw failures.removeFirst() }
        return TokenResponse(accessToken: "tok-\(number)", expiresIn: lifetime, scope: TokenScope.postCheckout)
    }
}
