import ConnectModels
import Foundation
import Profiles
import Testing

/// A config folder of its own, removed afterwards.
final class ConfigFolder {
    let root: URL
    var environment: [String: String]

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("ordertop-profiles-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("ordertop"), withIntermediateDirectories: true)
        environment = ["XDG_CONFIG_HOME": root.path, "HOME": root.path]
    }

    deinit { try? FileManager.default.removeItem(at: root) }

    var configPath: String { root.appendingPathComponent("ordertop/config.toml").path }

    @discardableResult
    func write(_ text: String, to relative: String = "ordertop/config.toml", mode: Int = 0o600) throws -> String {
        let path = root.appendingPathComponent(relative).path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: path)
        return path
    }

    func resolve(_ selection: ProfileSelection = ProfileSelection()) throws -> ResolvedProfile {
        try ProfileStore.load(environment: environment).resolve(selection, environment: environment)
    }
}

@Suite("Profiles resolved: --profile, default_profile, sandbox; secrets from files and the environment")
struct ProfileResolveTests {
    static let staging = """
        default_profile = "staging"
        [profiles.staging]
        base_url = "https://connect.example.com"
        client_id = "abc"
        client_secret_file = "~/staging.secret"
        theme = "light"
        interval = 2
        slow_interval = 20
        [profiles.prod]
        base_url = "https://prod.example.com"
        client_id = "xyz"
        client_secret_env = "PROD_SECRET"
        """

    @Test("no file: the built-in sandbox with its credentials")
    func noFile() throws {
        let folder = try ConfigFolder()
        let profile = try folder.resolve()
        #expect(profile.name == "sandbox" && profile.baseURL == SandboxDefaults.baseURL)
        #expect(profile.clientID == SandboxDefaults.clientID && profile.clientSecret == SandboxDefaults.clientSecret)
        #expect(profile.warnings.isEmpty)
        #expect(profile.credentials.secretSource == "the built-in sandbox credentials")
    }

    @Test("default_profile, the secret file read and trimmed, every setting carried")
    func defaultProfile() throws {
        let folder = try ConfigFolder()
        try folder.write(Self.staging)
        try folder.write("  st-secret\n", to: "staging.secret")
        let profile = try folder.resolve()
        #expect(profile.name == "staging" && profile.baseURL == "https://connect.example.com")
        #expect(profile.clientID == "abc" && profile.clientSecret == "st-secret")
        #expect(profile.theme == "light" && profile.interval == 2 && profile.slowInterval == 20)
        #expect(profile.credentials.secretSource == "client_secret_file in profile staging")
        #expect(profile.warnings.isEmpty)
    }

    @Test("--profile wins over default_profile, --base-url over base_url, and the secret comes from client_secret_env")
    func selection() throws {
        let folder = try ConfigFolder()
        try folder.write(Self.staging)
        folder.environment["PROD_SECRET"] = "pr-secret"
        let profile = try folder.resolve(ProfileSelection(profile: "prod", baseURL: "http://127.0.0.1:9000"))
        #expect(profile.name == "prod" && profile.baseURL == "http://127.0.0.1:9000")
        #expect(profile.clientSecret == "pr-secret")
        #expect(try folder.resolve(ProfileSelection(profile: "sandbox")).baseURL == SandboxDefaults.baseURL)
    }

    @Test("ORDERTOP_CLIENT_ID and ORDERTOP_CLIENT_SECRET win over the profile's")
    func environmentOverrides() throws {
        let folder = try ConfigFolder()
        try folder.write(Self.staging)
        folder.environment["ORDERTOP_CLIENT_ID"] = "env-id"
        folder.environment["ORDERTOP_CLIENT_SECRET"] = "env-secret"
        let profile = try folder.resolve()
        #expect(profile.clientID == "env-id" && profile.clientSecret == "env-secret")
        #expect(profile.credentials.secretSource == "ORDERTOP_CLIENT_SECRET")
    }

    @Test("bad input at resolution is one line naming the profile and what to fix")
    func resolutionErrors() throws {
        let folder = try ConfigFolder()
        try folder.write(Self.staging)
        let path = folder.root.appendingPathComponent("staging.secret").path
        func expectMessage(_ message: String, _ selection: ProfileSelection = ProfileSelection(), sourceLocation: SourceLocation = #_sourceLocation) {
            #expect(throws: ProfileError(message), sourceLocation: sourceLocation) { try folder.resolve(selection) }
        }
        expectMessage("profile qa is not defined; known profiles: prod, sandbox, staging (add [profiles.qa] to \(folder.configPath))",
                      ProfileSelection(profile: "qa"))
        expectMessage("profile staging: client_secret_file \(path) does not exist: create it holding the client secret (chmod 600), or fix the path")
        try folder.write(" \n", to: "staging.secret")
        expectMessage("profile staging: client_secret_file \(path) is empty: put the client secret in it")
        try folder.write("two words\n", to: "staging.secret")
        expectMessage("profile staging: client_secret_file \(path) holds more than one word: it must hold only the client secret")
        expectMessage("profile prod: client_secret_env names PROD_SECRET, which is not set: export PROD_SECRET or use client_secret_file",
                      ProfileSelection(profile: "prod"))
        folder.environment["PROD_SECRET"] = ""
        expectMessage("profile prod: PROD_SECRET (client_secret_env) is empty: put the client secret in it", ProfileSelection(profile: "prod"))
        expectMessage("--base-url must be an http(s) URL such as https://connect.example.com (got \"localhost\")",
                      ProfileSelection(profile: "prod", baseURL: "localhost"))
        folder.environment["ORDERTOP_CLIENT_SECRET"] = ""
        expectMessage("ORDERTOP_CLIENT_SECRET is empty: put the client secret in it")
    }

    @Test("a profile without base_url, client_id or a secret says which to add")
    func missingFields() throws {
        let folder = try ConfigFolder()
        try folder.write("[profiles.bare]\n")
        let store = try ProfileStore.load(environment: folder.environment)
        #expect(throws: ProfileError("profile bare has no base_url: add base_url = \"https://...\" to [profiles.bare] in \(folder.configPath), or pass --base-url")) {
            try store.resolve(ProfileSelection(profile: "bare"), environment: folder.environment)
        }
        let withURL = ProfileSelection(profile: "bare", baseURL: "https://x.example")
        #expect(throws: ProfileError("profile bare has no client_id: add client_id = \"...\" to [profiles.bare] in \(folder.configPath), or set ORDERTOP_CLIENT_ID")) {
            try store.resolve(withURL, environment: folder.environment)
        }
        #expect(throws: ProfileError("profile bare has no client secret: set client_secret_file or client_secret_env in [profiles.bare], or ORDERTOP_CLIENT_SECRET")) {
            try store.resolve(withURL, environment: folder.environment.merging(["ORDERTOP_CLIENT_ID": "id"]) { $1 })
        }
    }

    @Test("a config or secret file others may read warns with the chmod fix")
    func permissionWarnings() throws {
        let folder = try ConfigFolder()
        let config = try folder.write(Self.staging, mode: 0o644)
        let secret = try folder.write("st-secret", to: "staging.secret", mode: 0o640)
        let profile = try folder.resolve()
        #expect(profile.warnings == [
            "\(config) is open to other users (mode 0644): run chmod 600 \(config)",
            "\(secret) is open to other users (mode 0640): run chmod 600 \(secret)",
        ])
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config)
        try FileManager.default.setAttributes([.posixPermissions: 0o400], ofItemAtPath: secret)
        #expect(try folder.resolve().warnings.isEmpty)
    }

    @Test("the mode check itself: any group or other bit warns")
    func modeBits() {
        #expect(FilePermissions.warning(path: "/f", mode: 0o600) == nil)
        #expect(FilePermissions.warning(path: "/f", mode: 0o400) == nil)
        #expect(FilePermissions.warning(path: "/f", mode: 0o604) == "/f is open to other users (mode 0604): run chmod 600 /f")
        #expect(FilePermissions.warning(path: "/f", mode: 0o620) != nil)
        #expect(FilePermissions.warning(path: "/f", mode: 0o100_644) == "/f is open to other users (mode 0644): run chmod 600 /f")
    }

    @Test("a secret on the command line warns")
    func argvWarning() {
        let warning = FilePermissions.secretInArgumentsWarning(option: "--client-secret")
        #expect(warning.hasPrefix("--client-secret is visible to other users in the process list"))
        #expect(!warning.contains("\n"))
    }

    @Test("description, debugDescription and reflection never show the secret")
    func secretNeverPrinted() throws {
        let folder = try ConfigFolder()
        try folder.write(Self.staging)
        try folder.write("very-secret-42", to: "staging.secret")
        let profile = try folder.resolve()
        var dumped = ""
        dump(profile, to: &dumped)
        for text in [profile.description, profile.debugDescription, String(describing: profile), String(reflecting: profile), "\(profile)",
                     dumped, String(describing: profile.credentials), String(reflecting: profile.credentials)] {
            #expect(!text.contains("very-secret-42"), "\(text)")
        }
        #expect(profile.description.contains("staging") && profile.description.contains("<redacted>"))
    }
}
