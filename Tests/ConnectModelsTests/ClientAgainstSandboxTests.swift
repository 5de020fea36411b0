import ConnectClient
import ConnectModels
import ConnectSandbox
import Foundation
import TestSupport
import Testing

/// The client's own behaviour against a live sandbox: errors are typed and never carry the token.
@Suite struct ClientAgainstSandboxTests {
    @Test func tokenNeverAppearsInErrors() async throws {
        let server = try await SandboxServer.start()
        let anonymous = ConnectClient(baseURL: server.baseURL)
        let token = try await anonymous.mintUserToken(for: "u1")
        let client = anonymous.with(token: token.bearer)
        var errors: [ConnectError] = []
        do { _ = try await client.order("missing") } catch let error as ConnectError { errors.append(error) }
        do { _ = try await client.createShopper(CreateShopperRequest()) } catch let error as ConnectError { errors.append(error) }
        await server.injectFault(Fault(pathPrefix: "/", kind: .garbage))
        do { _ = try await client.order("missing") } catch let error as ConnectError { errors.append(error) }
        await server.injectFault(Fault(pathPrefix: "/", kind: .closeConnection))
        do { _ = try await client.order("missing") } catch let error as ConnectError { errors.append(error) }
        await server.stop()
        // AsyncHTTPClient retries refused connections until the deadline, so keep the deadline short.
        do { _ = try await ConnectClient(baseURL: server.baseURL, token: token.bearer, timeout: .seconds(1)).order("missing") } catch let error as ConnectError { errors.append(error) }
        #expect(errors.count == 5)
        for error in errors {
            #expect(!error.description.contains(token.accessToken))
            #expect(!String(reflecting: error).contains(token.accessToken))
        }
        #expect(errors.map(\.status) == [404, 403, nil, nil, nil])
        #expect(!"\(token.bearer)".contains(token.accessToken))
        #expect(!String(reflecting: client).contains(token.accessToken))
    }

    @Test func retryAfterAndTransientness() async throws {
        let server = try await SandboxServer.start()
        let client = ConnectClient(baseURL: server.baseURL)
        await server.injectFault(Fault(pathPrefix: "/v2/oauth", kind: .status(429, retryAfter: 3)))
        do {
            _ = try await client.token(.clientCredentials(id: SandboxDefaults.clientID, secret: SandboxDefaults.clientSecret))
            Issue.record("expected 429")
        } catch let error as ConnectError {
            guard case .http(_, 429, _, let retryAfter) = error else { Issue.record("wrong error \(error)"); await server.stop(); return }
            #expect(retryAfter == .seconds(3))
            #expect(error.isTransient)
        }
        #expect(try await client.token(.clientCredentials(id: SandboxDefaults.clientID, secret: SandboxDefaults.clientSecret)).expiresIn == 86_400)
        await server.stop()
    }
}
