import ConnectModels
import Foundation

extension ProfileStore {
    /// The selected profile's settings: `--profile`, else `default_profile`, else `sandbox`; `--base-url` wins.
    public func settings(_ selection: ProfileSelection) throws(ProfileError) -> ProfileSettings {
        let entry = try entry(selection)
        let baseURL: String
        if let override = selection.baseURL {
            if let problem = Self.urlProblem(override) { throw ProfileError("--base-url \(problem)") }
            baseURL = override
        } else if let written = entry.baseURL {
            baseURL = written
        } else {
            throw ProfileError("profile \(entry.name) has no base_url: add base_url = \"https://...\" to [profiles.\(entry.name)] in \(file), or pass --base-url")
        }
        return ProfileSettings(name: entry.name, baseURL: baseURL, theme: entry.theme, interval: entry.interval,
                               slowInterval: entry.slowInterval, warnings: warnings)
    }

    /// The selected profile with its credentials read: `ORDERTOP_CLIENT_ID` and `ORDERTOP_CLIENT_SECRET` win over
    /// the profile's; a secret file other users can read adds a warning.
    public func resolve(_ selection: ProfileSelection, environment: [String: String],
                        fileManager: FileManager = .default) throws(ProfileError) -> ResolvedProfile {
        var settings = try settings(selection)
        let entry = try entry(selection)
        let name = entry.name
        let clientID: String
        if let id = environment["ORDERTOP_CLIENT_ID"] {
            guard !id.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ProfileError("ORDERTOP_CLIENT_ID is set but empty: unset it or set it to the client id")
            }
            clientID = id.trimmingCharacters(in: .whitespaces)
        } else if let id = entry.clientID {
            clientID = id
        } else {
            throw ProfileError("profile \(name) has no client_id: add client_id = \"...\" to [profiles.\(name)] in \(file), or set ORDERTOP_CLIENT_ID")
        }
        let (secret, source) = try secret(for: entry, environment: environment, fileManager: fileManager, warnings: &settings.warnings)
        return ResolvedProfile(settings: settings,
                               credentials: ClientCredentials(clientID: clientID, clientSecret: secret, profile: name, secretSource: source))
    }

    private func entry(_ selection: ProfileSelection) throws(ProfileError) -> ProfileEntry {
        let name = selection.profile ?? defaultName
        guard let entry = entries[name] else {
            throw ProfileError("profile \(name) is not defined; known profiles: \(names.joined(separator: ", ")) (add [profiles.\(name)] to \(file))")
        }
        return entry
    }

    /// The secret and where it came from, for messages.
    private func secret(for entry: ProfileEntry, environment: [String: String], fileManager: FileManager,
                        warnings: inout [String]) throws(ProfileError) -> (String, String) {
        let name = entry.name
        if let secret = environment["ORDERTOP_CLIENT_SECRET"] {
            return (try nonEmpty(secret, "ORDERTOP_CLIENT_SECRET"), "ORDERTOP_CLIENT_SECRET")
        }
        if let written = entry.clientSecretFile {
            let path = expand(written, environment: environment)
            guard fileManager.fileExists(atPath: path) else {
                throw ProfileError("profile \(name): client_secret_file \(path) does not exist: create it holding the client secret (chmod 600), or fix the path")
            }
            guard let data = fileManager.contents(atPath: path), data.count <= 16_384, let text = String(data: data, encoding: .utf8) else {
                throw ProfileError("profile \(name): cannot read client_secret_file \(path) as a text file: check its owner and that it holds only the secret")
            }
            if let warning = FilePermissions.warning(path: path, fileManager: fileManager) { warnings.append(warning) }
            let secret = try nonEmpty(text, "profile \(name): client_secret_file \(path)")
            return (secret, "client_secret_file in profile \(name)")
        }
        if let variable = entry.clientSecretEnv {
            guard let value = environment[variable] else {
                throw ProfileError("profile \(name): client_secret_env names \(variable), which is not set: export \(variable) or use client_secret_file")
            }
            return (try nonEmpty(value, "profile \(name): \(variable) (client_secret_env)"), "\(variable) (client_secret_env in profile \(name))")
        }
        if entry.isBuiltIn { return (ClientCredentials.sandbox.clientSecret, ClientCredentials.sandbox.secretSource) }
        throw ProfileError("profile \(name) has no client secret: set client_secret_file or client_secret_env in [profiles.\(name)], or ORDERTOP_CLIENT_SECRET")
    }

    /// The secret without surrounding blanks; `source` names where it was read, for the message.
    private func nonEmpty(_ raw: String, _ source: String) throws(ProfileError) -> String {
        let secret = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !secret.isEmpty else { throw ProfileError("\(source) is empty: put the client secret in it") }
        guard !secret.contains(where: { $0.isWhitespace || $0.isNewline }) else {
            throw ProfileError("\(source) holds more than one word: it must hold only the client secret")
        }
        return secret
    }

    /// `~` is the home directory; a relative path is relative to the config file's folder.
    private func expand(_ path: String, environment: [String: String]) -> String {
        if path == "~" { return Self.home(environment) }
        if path.hasPrefix("~/") { return Self.home(environment) + path.dropFirst() }
        if path.hasPrefix("/") { return path }
        return (file as NSString).deletingLastPathComponent + "/" + path
    }
}
