import ConnectModels

/// What the command line asks for: `--profile NAME` and `--base-url URL`, each optional.
public struct ProfileSelection: Hashable, Sendable {
    public var profile: String?
    public var baseURL: String?

    public init(profile: String? = nil, baseURL: String? = nil) {
        self.profile = profile
        self.baseURL = baseURL
    }
}

/// A profile's settings that need no secret: enough for a command that was handed a token.
public struct ProfileSettings: Hashable, Sendable {
    public var name: String
    /// The profile's `base_url`, or `--base-url` when given.
    public var baseURL: String
    public var theme: String?
    /// Seconds between polls once a shopper is assigned, when the profile sets it.
    public var interval: Double?
    /// Seconds between polls while the order waits for a shopper, when the profile sets it.
    public var slowInterval: Double?
    /// Lines to show on stderr before starting, without a "warning:" prefix.
    public var warnings: [String]
}

/// A profile ready to use: its settings and its client credentials. Its descriptions never show the secret.
public struct ResolvedProfile: Hashable, Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    public var settings: ProfileSettings
    public var credentials: ClientCredentials

    public init(settings: ProfileSettings, credentials: ClientCredentials) {
        self.settings = settings
        self.credentials = credentials
    }

    public var name: String { settings.name }
    public var baseURL: String { settings.baseURL }
    public var clientID: String { credentials.clientID }
    public var clientSecret: String { credentials.clientSecret }
    public var theme: String? { settings.theme }
    public var interval: Double? { settings.interval }
    public var slowInterval: Double? { settings.slowInterval }
    public var warnings: [String] { settings.warnings }

    public var description: String {
        "ResolvedProfile(\(name), base_url: \(baseURL), client_id: \(clientID), secret: <redacted> from \(credentials.secretSource))"
    }
    public var debugDescription: String { description }
    public var customMirror: Mirror { Mirror(self, children: ["settings": settings, "credentials": credentials]) }
}
