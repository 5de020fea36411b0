import ConnectModels
import Foundation
import Hummingbird

/// `POST /v2/oauth/token`: the three documented grants.
enum OAuthRoutes {
    static func add(to router: Router<BasicRequestContext>, _ env: RouteContext) {
        router.post("/v2/oauth/token") { request, _ -> Response in
            let data = try await env.rawBody(request)
            let token = try await env.store.issueToken(try parse(data))
            return JSONReply.response(token)
        }
    }

    /// JSON as documented; a form-encoded body also works, as OAuth clients often send one.
    static func parse(_ data: Data) throws -> TokenRequest {
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { throw SandboxError.badRequest("A request body is required", key: "body", code: InstacartErrorCode.parameters) }
        let fields: [String: String]
        if text.hasPrefix("{") {
            fields = try RouteContext.decode(TokenFields.self, from: data).values
        } else {
            var parsed: [String: String] = [:]
            for pair in text.split(separator: "&") {
                let parts = pair.split(separator: "=", maxSplits: 1).map {
                    String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
                }
                if parts.count == 2 { parsed[parts[0]] = parts[1] }
            }
            fields = parsed
        }
        for key in ["client_id", "client_secret"] where (fields[key] ?? "").isEmpty {
            throw SandboxError(.unauthorized, "invalid_client: \(key) is required", code: InstacartErrorCode.validation, key: key)
        }
        guard let grant = fields["grant_type"], !grant.isEmpty else {
            throw SandboxError.badRequest("grant_type is required", key: "grant_type", code: InstacartErrorCode.parameters)
        }
        return TokenRequest(clientID: fields["client_id"]!, clientSecret: fields["client_secret"]!, grantType: GrantType(rawValue: grant),
                            scope: fields["scope"], code: fields["code"], redirectURI: fields["redirect_uri"], assertion: fields["assertion"])
    }

    /// The token body's string fields, each checked for its type.
    struct TokenFields: Decodable {
        var values: [String: String] = [:]
        struct Key: CodingKey {
            var stringValue: String
            var intValue: Int? { nil }
            init(stringValue: String) { self.stringValue = stringValue }
            init?(intValue: Int) { nil }
        }
        init(from decoder: any Decoder) throws {
            let c = try decoder.container(keyedBy: Key.self)
            for name in ["client_id", "client_secret", "grant_type", "scope", "code", "redirect_uri", "assertion"] {
                if let value = try c.decodeIfPresent(String.self, forKey: Key(stringValue: name)) { values[name] = value }
            }
        }
    }
}
