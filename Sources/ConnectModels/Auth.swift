import Foundation

/// The OAuth grants the Connect token endpoint accepts.
public enum GrantType: TolerantEnum {
    case clientCredentials, fulfillmentUserAssertion, authorizationCode
    case unknown(String)

    public static let spellings: [(GrantType, String)] = [
        (.clientCredentials, "client_credentials"), (.fulfillmentUserAssertion, "fulfillment_user_assertion"),
        (.authorizationCode, "authorization_code"),
    ]
}

/// The scopes tokens are issued for.
public enum TokenScope {
    public static let fulfillment = "connect:fulfillment"
    public static let postCheckout = "connect:post_checkout"
    public static let accountLinking = "account_linking"
}

/// The body of `POST /v2/oauth/token`.
public struct TokenRequest: Codable, Hashable, Sendable, CustomStringConvertible {
    public var clientID: String
    public var clientSecret: String
    public var grantType: GrantType
    public var scope: String?
    public var code: String?
    public var redirectURI: String?
    public var assertion: String?

    enum CodingKeys: String, CodingKey {
        case scope, code, assertion, clientID = "client_id", clientSecret = "client_secret", grantType = "grant_type"
        case redirectURI = "redirect_uri"
    }

    public init(clientID: String, clientSecret: String, grantType: GrantType, scope: String? = nil, code: String? = nil,
                redirectURI: String? = nil, assertion: String? = nil) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.grantType = grantType
        self.scope = scope
        self.code = code
        self.redirectURI = redirectURI
        self.assertion = assertion
    }

    /// A client-credentials grant, for fulfillment and Sandbox API calls.
    public static func clientCredentials(id: String, secret: String) -> TokenRequest {
        TokenRequest(clientID: id, clientSecret: secret, grantType: .clientCredentials, scope: TokenScope.fulfillment)
    }

    /// A user-assertion grant: the order status page's token for one Connect user.
    public static func userAssertion(id: String, secret: String, userID: String) -> TokenRequest {
        TokenRequest(clientID: id, clientSecret: secret, grantType: .fulfillmentUserAssertion, scope: TokenScope.postCheckout,
                     assertion: encodeAssertion(userID: userID))
    }

    /// An authorization-code grant: the account-linking token.
    public static func authorizationCode(id: String, secret: String, code: String, redirectURI: String) -> TokenRequest {
        TokenRequest(clientID: id, clientSecret: secret, grantType: .authorizationCode, scope: TokenScope.accountLinking,
                     code: code, redirectURI: redirectURI)
    }

    /// The documented assertion: base64 of `{"user_id":"..."}`.
    public static func encodeAssertion(userID: String) -> String {
        let json = try! JSONEncoder().encode(["user_id": userID])
        return json.base64EncodedString()
    }

    /// Reads the user id back out of an assertion, or nil when it is not one.
    public static func decodeAssertion(_ assertion: String) -> String? {
        var text = assertion.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while text.count % 4 != 0 { text += "=" }
        guard let data = Data(base64Encoded: text),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        if let s = object["user_id"] as? String, !s.isEmpty { return s }
        if let n = object["user_id"] as? Int { return String(n) }
        return nil
    }

    /// Never shows the secret.
    public var description: String { "TokenRequest(grant: \(grantType), client: \(clientID), secret: <redacted>)" }
}

/// The reply of `POST /v2/oauth/token`.
public struct TokenResponse: Codable, Hashable, Sendable, CustomStringConvertible {
    public var accessToken: String
    public var tokenType: String
    public var expiresIn: Int?
    public var scope: String?
    public var createdAt: Int?

    enum CodingKeys: String, CodingKey {
        case scope, accessToken = "access_token", tokenType = "token_type", expiresIn = "expires_in"
        case createdAt = "created_at"
    }

    public init(accessToken: String, tokenType: String = "Bearer", expiresIn: Int? = 86400, scope: String? = nil, createdAt: Int? = nil) {
        self.accessToken = accessToken
        self.tokenType = tokenType
        self.expiresIn = expiresIn
        self.scope = scope
        self.createdAt = createdAt
    }

    /// The token as a credential that never prints itself.
    public var bearer: BearerToken { BearerToken(accessToken) }
    public var description: String { "TokenResponse(type: \(tokenType), scope: \(scope ?? "-"), token: <redacted>)" }
}

/// An access token. Its description never shows the secret, so it cannot leak into logs or errors.
public struct BearerToken: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The secret itself; only the HTTP layer reads it.
    public let secret: String
    public init(_ secret: String) { self.secret = secret.trimmingCharacters(in: .whitespacesAndNewlines) }
    public var description: String { "<redacted token>" }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["secret": "<redacted>"]) }
}
