import ConnectModels
import Foundation
import TOMLKit

/// One profile as written in config.toml (or the built-in `sandbox`), before its secret is read.
public struct ProfileEntry: Hashable, Sendable {
    public var name: String
    public var baseURL: String?
    public var clientID: String?
    public var clientSecretFile: String?
    public var clientSecretEnv: String?
    public var theme: String?
    /// Seconds between polls once a shopper is assigned.
    public var interval: Double?
    /// Seconds between polls while the order waits for a shopper.
    public var slowInterval: Double?
    /// True for the profile compiled in, which holds the sandbox's own credentials.
    public var isBuiltIn = false

    public init(name: String) { self.name = name }

    /// The built-in `sandbox` profile: the local sandbox and its credentials.
    public static let sandbox: ProfileEntry = {
        var entry = ProfileEntry(name: ClientCredentials.sandbox.profile)
        entry.baseURL = SandboxDefaults.baseURL
        entry.clientID = SandboxDefaults.clientID
        entry.isBuiltIn = true
        return entry
    }()

    static let keys = ["base_url", "client_id", "client_secret_file", "client_secret_env", "theme", "interval", "slow_interval"]

    /// Reads `[profiles.NAME]`; `fail` words a problem with a key as `file:line: profile NAME: ...`.
    static func parse(name: String, table: TOMLTable, fail: (String?, String) -> ProfileError) throws(ProfileError) -> ProfileEntry {
        var entry = ProfileEntry(name: name)
        func text(_ key: String, _ example: String) throws(ProfileError) -> String? {
            guard let value = table[key] else { return nil }
            guard let string = value.string, !string.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw fail(key, "\(key) must be a non-empty string, e.g. \(key) = \"\(example)\"")
            }
            return string.trimmingCharacters(in: .whitespaces)
        }
        func seconds(_ key: String, _ range: ClosedRange<Double>) throws(ProfileError) -> Double? {
            guard let value = table[key] else { return nil }
            guard let number = value.double ?? value.int.map(Double.init), range.contains(number) else {
                throw fail(key, "\(key) must be a number of seconds from \(range.lowerBound.formatted) to \(range.upperBound.formatted), e.g. \(key) = 5")
            }
            return number
        }
        for (key, _) in table where !keys.contains(key) {
            if key == "client_secret" {
                throw fail(key, "client_secret must not be written in the file: put the secret in a file named by client_secret_file (chmod 600), or in an environment variable named by client_secret_env")
            }
            throw fail(key, "unknown key `\(key)`; a profile has \(keys.joined(separator: ", "))")
        }
        entry.baseURL = try text("base_url", "https://connect.example.com")
        if let url = entry.baseURL, let problem = ProfileStore.urlProblem(url) { throw fail("base_url", "base_url \(problem)") }
        entry.clientID = try text("client_id", "abc")
        entry.clientSecretFile = try text("client_secret_file", "~/.config/ordertop/\(name).secret")
        entry.clientSecretEnv = try text("client_secret_env", "STAGING_SECRET")
        if entry.clientSecretFile != nil, entry.clientSecretEnv != nil {
            throw fail("client_secret_env", "set client_secret_file or client_secret_env, not both")
        }
        entry.theme = try text("theme", "light")
        entry.interval = try seconds("interval", 0.05...3600)
        entry.slowInterval = try seconds("slow_interval", 0.05...86_400)
        if let fast = entry.interval, let slow = entry.slowInterval, slow < fast {
            throw fail("slow_interval", "slow_interval (\(slow.formatted) s) must be at least interval (\(fast.formatted) s)")
        }
        return entry
    }
}

extension Double {
    /// `5` rather than `5.0`, `0.5` as is.
    var formatted: String { self == rounded() && abs(self) < 1e15 ? String(Int(self)) : String(self) }
}
