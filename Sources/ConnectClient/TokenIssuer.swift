import ConnectModels

/// Whatever answers `POST /v2/oauth/token`: a `ConnectClient`, or a fake in tests.
public protocol TokenIssuer: Sendable {
    func token(_ request: TokenRequest) async throws -> TokenResponse
}

extension ConnectClient: TokenIssuer {}
