/// A client id and secret with where they came from, so a rejection can say what to fix. The secret never prints.
public struct ClientCredentials: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var clientID: String
    /// The secret itself; only the token request reads it.
    public let clientSecret: String
    /// The profile the credentials belong to, named in every message about them.
    public var profile: String
    /// Where the secret was read, e.g. "client_secret_file in profile staging" or "ORDERTOP_CLIENT_SECRET".
    public var secretSource: String

    public init(clientID: String, clientSecret: String, profile: String, secretSource: String) {
        (self.clientID, self.clientSecret, self.profile, self.secretSource) = (clientID, clientSecret, profile, secretSource)
    }

    /// The local sandbox's own credentials, as the built-in `sandbox` profile holds them.
    public static let sandbox = ClientCredentials(clientID: SandboxDefaults.clientID, clientSecret: SandboxDefaults.clientSecret,
                                                  profile: "sandbox", secretSource: "the built-in sandbox credentials")

    public var description: String { "ClientCredentials(profile: \(profile), client: \(clientID), secret: <redacted>)" }
    public var debugDescription: String { description }
    public var customMirror: Mirror {
        Mirror(self, children: ["clientID": clientID, "clientSecret": "<redacted>", "profile": profile, "secretSource": secretSource])
    }
}
