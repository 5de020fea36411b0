import ConnectModels
import Foundation

/// The token endpoint refused to mint a user token, worded as one line that names the profile and what to fix.
/// Never contains the secret. Failures worth retrying (no connection, 429, 5xx) stay `ConnectError`s.
public enum TokenBrokerError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// 401 `invalid_client`: the client id or secret is wrong.
    case credentialsRejected(profile: String, secretSource: String, status: Int)
    /// 400 `invalid_grant` (or another refusal) for this user's assertion.
    case userRejected(profile: String, userID: String, status: Int, reason: String)
    /// The endpoint answered 2xx without an access token.
    case emptyToken(profile: String)

    public var description: String {
        switch self {
        case .credentialsRejected(let profile, let source, let status):
            "profile \(profile): the client id or secret was rejected (HTTP \(status)): check client_id and \(source)"
        case .userRejected(let profile, let userID, let status, let reason):
            "profile \(profile): no token for user \(userID) (HTTP \(status)\(reason.isEmpty ? "" : ": \(reason)")): check the user id"
        case .emptyToken(let profile):
            "profile \(profile): the token endpoint answered without an access token: is base_url a Connect server?"
        }
    }

    public var errorDescription: String? { description }

    /// The broker's error for a failed token request, or nil when the failure is worth retrying as it is.
    static func classify(_ error: ConnectError, credentials: ClientCredentials, userID: String) -> TokenBrokerError? {
        guard case .http(_, let status, let body, _) = error else { return nil }
        switch status {
        case 401:
            return .credentialsRejected(profile: credentials.profile, secretSource: credentials.secretSource, status: status)
        case 400, 403, 404, 422:
            // The server's words may quote what it was sent; the secret must not come back out through them.
            var reason = body?.summary ?? ""
            if !credentials.clientSecret.isEmpty {
                reason = reason.replacingOccurrences(of: credentials.clientSecret, with: "<redacted>")
            }
            if body?.key == "client_id" || body?.key == "client_secret" {
                return .credentialsRejected(profile: credentials.profile, secretSource: credentials.secretSource, status: status)
            }
            return .userRejected(profile: credentials.profile, userID: userID, status: status, reason: String(reason.prefix(200)))
        default:
            return nil
        }
    }
}
