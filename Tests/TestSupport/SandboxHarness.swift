import AsyncHTTPClient
import ConnectClient
import ConnectModels
import ConnectSandbox
import Foundation
import NIOCore
import NIOHTTP1

/// A live sandbox on a free loopback port, with clients for each kind of token: what every network test starts from.
public struct TestSandbox: Sendable {
    public let server: SandboxServer
    /// No token.
    public let anonymous: ConnectClient
    /// A client-credentials token.
    public let client: ConnectClient

    public var store: SandboxStore { server.store }

    /// A client holding a user access token for `user`.
    public func user(_ user: String) async throws -> ConnectClient {
        try await anonymous.withUserToken(for: user)
    }

    public func createOrder(user: String = "user-1", type: FulfillmentType = .delivery, items: [NewOrderItem]? = nil,
                     customerName: String? = nil) async throws -> String {
        try await client.createOrder(CreateOrderRequest(userID: user, fulfillmentType: type, items: items, customerName: customerName)).id.value
    }

    /// Creates a shopper and a batch for the order; returns (shopper id, batch id).
    public func assign(_ orderID: String, type: BatchType? = nil, name: String? = "Zelma") async throws -> (String, String) {
        let shopper = try await client.createShopper(CreateShopperRequest(email: "s@example.com", phone: "555", password: "p", displayName: name))
        let batch = try await client.createBatch(CreateBatchRequest(batchType: type, shopperID: shopper.id, orders: [BatchOrderRef(id: FlexibleID(orderID))]))
        return (shopper.id.value, batch.id.value)
    }

    /// A raw request, for what the client hides.
    public func raw(_ method: HTTPMethod, _ path: String, body: String? = nil, headers: [(String, String)] = [],
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

    public func clientToken() async throws -> String {
        try await anonymous.token(.clientCredentials(id: SandboxDefaults.clientID, secret: SandboxDefaults.clientSecret)).accessToken
    }

    public func userToken(_ user: String) async throws -> String {
        try await anonymous.mintUserToken(for: user).accessToken
    }
}

/// Runs `body` against a fresh sandbox and stops it afterwards, even when the body throws.
public func withSandbox(_ configuration: SandboxConfiguration = SandboxConfiguration(),
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

extension ConnectClient {
    /// A client-credentials token from a sandbox with the default credentials.
    public func mintClientToken() async throws -> TokenResponse {
        try await token(.clientCredentials(id: SandboxDefaults.clientID, secret: SandboxDefaults.clientSecret))
    }

    /// A user token for `user` through the `fulfillment_user_assertion` grant, with the default credentials.
    public func mintUserToken(for user: String) async throws -> TokenResponse {
        try await token(.userAssertion(id: SandboxDefaults.clientID, secret: SandboxDefaults.clientSecret, userID: user))
    }

    /// This client holding a client-credentials token.
    public func withClientToken() async throws -> ConnectClient { with(token: try await mintClientToken().bearer) }

    /// This client holding a user token for `user`.
    public func withUserToken(for user: String) async throws -> ConnectClient { with(token: try await mintUserToken(for: user).bearer) }
}
