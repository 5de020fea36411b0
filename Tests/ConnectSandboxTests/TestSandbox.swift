import AsyncHTTPClient
import ConnectClient
import ConnectModels
import ConnectSandbox
import Foundation
import NIOCore
import NIOHTTP1
import Testing

/// A live sandbox on a free loopback port, with clients for each kind of token.
struct TestSandbox {
    let server: SandboxServer
    /// No token.
    let anonymous: ConnectClient
    /// A client-credentials token.
    let client: ConnectClient

    var store: SandboxStore { server.store }

    /// A client holding a user access token for `user`.
    func user(_ user: String) async throws -> ConnectClient {
        let token = try await anonymous.token(.userAssertion(id: "sandbox-client", secret: "sandbox-secret", userID: user))
        return anonymous.with(token: token.bearer)
    }

    func createOrder(user: String = "user-1", type: FulfillmentType = .delivery, items: [NewOrderItem]? = nil,
                     customerName: String? = nil) async throws -> String {
        try await client.createOrder(CreateOrderRequest(userID: user, fulfillmentType: type, items: items, customerName: customerName)).id.value
    }

    /// Creates a shopper and a batch for the order; returns (shopper id, batch id).
    func assign(_ orderID: String, type: BatchType? = nil, name: String? = "Zelma") async throws -> (String, String) {
        let shopper = try await client.createShopper(CreateShopperRequest(email: "s@example.com", phone: "555", password: "p", displayName: name))
        let batch = try await client.createBatch(CreateBatchRequest(batchType: type, shopperID: shopper.id, orders: [BatchOrderRef(id: FlexibleID(orderID))]))
        return (shopper.id.value, batch.id.value)
    }

    /// A raw request, for what the client hides.
    func raw(_ method: HTTPMethod, _ path: String, body: String? = nil, headers: [(String, String)] = [],
             token: String? = nil) async throws -> (status: Int, headers: HTTPHeaders, body: Data) {
        var request = HTTPClientRequest(url: server.baseURL + path)
        request.method = method
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let data = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), response.headers, Data(data.readableBytesView))
    }

    func clientToken() async throws -> String {
        try await anonymous.token(.clientCredentials(id: "sandbox-client", secret: "sandbox-secret")).accessToken
    }

    func userToken(_ user: String) async throws -> String {
        try await anonymous.token(.userAssertion(id: "sandbox-client", secret: "sandbox-secret", userID: user)).accessToken
    }
}

/// Runs `body` against a fresh sandbox and stops it afterwards, even when the body throws.
func withSandbox(_ configuration: SandboxConfiguration = SandboxConfiguration(),
                 _ body: (TestSandbox) async throws -> Void) async throws {
    let server = try await SandboxServer.start(configuration)
    do {
        let anonymous = ConnectClient(baseURL: server.baseURL)
        let token = try await anonymous.token(.clientCredentials(id: configuration.clientID, secret: configuration.clientSecret))
        try await body(TestSandbox(server: server, anonymous: anonymous, client: anonymous.with(token: token.bearer)))
    } catch {
        await server.stop()
        throw error
    }
    await server.stop()
}

/// Runs `call` and returns the ConnectError it throws; records an issue when it succeeds.
func connectError<T>(_ call: () async throws -> T, sourceLocation: SourceLocation = #_sourceLocation) async -> ConnectError? {
    do {
        _ = try await call()
        Issue.record("expected a ConnectError", sourceLocation: sourceLocation)
        return nil
    } catch let error as ConnectError {
        return error
    } catch {
        Issue.record("expected a ConnectError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The error body of an HTTP error.
extension ConnectError {
    var body: InstacartErrorBody? {
        if case .http(_, _, let body, _) = self { return body }
        return nil
    }
}

func json(_ data: Data) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
}

func errorKey(_ data: Data) -> String? {
    (json(data)["meta"] as? [String: Any])?["key"] as? String
}
