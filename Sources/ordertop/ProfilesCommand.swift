import ArgumentParser
import Foundation
import Profiles

/// `ordertop profiles`: the profiles this machine knows, with their base URLs; never a secret.
struct ProfilesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "profiles",
        abstract: "List the profiles of $XDG_CONFIG_HOME/ordertop/config.toml and their base URLs.",
        discussion: "The default profile is marked with *. Secrets are never shown."
    )

    func run() throws {
        let store = try ProfileOptions.store(environment: ProcessInfo.processInfo.environment)
        CommandFailure.warn(store.warnings)
        let width = store.names.map(\.count).max() ?? 0
        var lines = store.names.map { name -> String in
            let entry = store.entries[name]
            let marker = name == store.defaultName ? "*" : " "
            let padded = name.padding(toLength: width, withPad: " ", startingAt: 0)
            let source = entry?.isBuiltIn == true ? "  (built in)" : ""
            return "\(marker) \(padded)  \(entry?.baseURL ?? "(no base_url)")\(source)"
        }
        let exists = FileManager.default.fileExists(atPath: store.file)
        lines.append("config: \(store.file)\(exists ? "" : " (not found)")")
        print(lines.joined(separator: "\n"))
    }
}
