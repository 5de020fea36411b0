import ConnectModels
import Foundation
import TOMLKit

/// The profiles of `$XDG_CONFIG_HOME/ordertop/config.toml` (default `~/.config/ordertop/config.toml`) plus the
/// built-in `sandbox`, which a file may redefine. A missing file is no error: only `sandbox` is known then.
public struct ProfileStore: Hashable, Sendable {
    /// The config file's path, whether or not it exists.
    public var file: String
    /// `default_profile` from the file.
    public var defaultProfile: String?
    /// Every profile by name, the built-in one included.
    public var entries: [String: ProfileEntry]
    /// Problems worth a warning but not an error (a config file other users can read).
    public var warnings: [String] = []

    public init(file: String, defaultProfile: String? = nil, entries: [String: ProfileEntry] = [:]) {
        self.file = file
        self.defaultProfile = defaultProfile
        self.entries = [ProfileEntry.sandbox.name: .sandbox].merging(entries) { _, written in written }
    }

    /// Every profile name, sorted.
    public var names: [String] { entries.keys.sorted() }

    /// The profile used without `--profile`: `default_profile`, else `sandbox`.
    public var defaultName: String { defaultProfile ?? ProfileEntry.sandbox.name }

    /// Where the config file is for this environment.
    public static func configPath(environment: [String: String]) -> String {
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return xdg + "/ordertop/config.toml"
        }
        return home(environment) + "/.config/ordertop/config.toml"
    }

    /// Reads the config file of this environment, if there is one, and checks who may read it.
    public static func load(environment: [String: String], fileManager: FileManager = .default) throws(ProfileError) -> ProfileStore {
        let path = configPath(environment: environment)
        guard fileManager.fileExists(atPath: path) else { return ProfileStore(file: path) }
        guard let data = fileManager.contents(atPath: path) else {
            throw ProfileError(file: path, line: nil, "cannot read the config file: check that it is a readable file")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ProfileError(file: path, line: nil, "the config file is not UTF-8 text")
        }
        var store = try parse(text, file: path)
        if let warning = FilePermissions.warning(path: path, fileManager: fileManager) { store.warnings.append(warning) }
        return store
    }

    /// Parses the text of a config file; `file` is only used in messages.
    public static func parse(_ text: String, file: String) throws(ProfileError) -> ProfileStore {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            let line = error.source.begin.line
            throw ProfileError(file: file, line: line > 0 ? line : nil, "not valid TOML: \(error.description)")
        } catch {
            throw ProfileError(file: file, line: nil, "not valid TOML: \(error)")
        }
        let lines = ConfigLines(text: text)
        var entries: [String: ProfileEntry] = [:]
        var defaultProfile: String?
        for (key, value) in table {
            switch key {
            case "default_profile":
                guard let name = value.string, !name.isEmpty else {
                    throw ProfileError(file: file, line: lines.line([key]), "default_profile must be a profile name, e.g. default_profile = \"staging\"")
                }
                defaultProfile = name
            case "profiles":
                guard let profiles = value.table else {
                    throw ProfileError(file: file, line: lines.line([key]), "profiles must be tables such as [profiles.staging]")
                }
                for (name, body) in profiles {
                    guard let body = body.table else {
                        throw ProfileError(file: file, line: lines.line([key, name]), "profile \(name): must be a table, [profiles.\(name)]")
                    }
                    entries[name] = try ProfileEntry.parse(name: name, table: body) { field, problem in
                        ProfileError(file: file, line: lines.line([key, name] + (field.map { [$0] } ?? [])), "profile \(name): \(problem)")
                    }
                }
            case "client_secret":
                throw ProfileError(file: file, line: lines.line([key]), "client_secret must not be written in the file: use client_secret_file or client_secret_env in a [profiles.NAME] table")
            default:
                throw ProfileError(file: file, line: lines.line([key]), "unknown key `\(key)`; the file has default_profile and [profiles.NAME] tables")
            }
        }
        let store = ProfileStore(file: file, defaultProfile: defaultProfile, entries: entries)
        if let defaultProfile, store.entries[defaultProfile] == nil {
            throw ProfileError(file: file, line: lines.line(["default_profile"]),
                               "default_profile \"\(defaultProfile)\" names no profile; known: \(store.names.joined(separator: ", "))")
        }
        return store
    }

    /// Why `url` is not a base URL, or nil when it is one.
    static func urlProblem(_ url: String) -> String? {
        guard let parsed = URL(string: url), let scheme = parsed.scheme?.lowercased(), ["http", "https"].contains(scheme),
              let host = parsed.host, !host.isEmpty else {
            return "must be an http(s) URL such as https://connect.example.com (got \"\(url.prefix(80))\")"
        }
        return nil
    }

    static func home(_ environment: [String: String]) -> String {
        if let home = environment["HOME"], home.hasPrefix("/") { return home }
        return NSHomeDirectory()
    }
}
