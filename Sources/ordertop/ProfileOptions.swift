import ArgumentParser
import ConnectClient
import ConnectModels
import Foundation
import Profiles

/// `--profile` and `--base-url`: which server, credentials and settings a command uses.
struct ProfileOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A profile from $XDG_CONFIG_HOME/ordertop/config.toml (default: its default_profile, else the built-in sandbox).", valueName: "name"))
    var profile: String?

    @Option(name: .long, help: ArgumentHelp("The Connect server's base URL; overrides the profile's.", valueName: "url"))
    var baseURL: String?

    var selection: ProfileSelection { ProfileSelection(profile: profile, baseURL: baseURL) }

    /// The profiles of this environment's config file; a bad file ends the command with its one line.
    static func store(environment: [String: String]) throws -> ProfileStore {
        do {
            return try ProfileStore.load(environment: environment)
        } catch {
            throw CommandFailure.config(error.message)
        }
    }

    /// The selected profile's settings, without reading its secret (for a command that was handed a token).
    func settings(environment: [String: String]) throws -> ProfileSettings {
        do {
            let settings = try Self.store(environment: environment).settings(selection)
            CommandFailure.warn(settings.warnings)
            return settings
        } catch let error as ProfileError {
            throw CommandFailure.config(error.message)
        }
    }

    /// The selected profile with its credentials.
    func resolve(environment: [String: String]) throws -> ResolvedProfile {
        do {
            let profile = try Self.store(environment: environment).resolve(selection, environment: environment)
            CommandFailure.warn(profile.warnings)
            return profile
        } catch let error as ProfileError {
            throw CommandFailure.config(error.message)
        }
    }

    /// A source that mints `userID`'s token with the profile's credentials. The first token is asked for at
    /// once, so rejected credentials end the command with one line instead of a dashboard full of errors; a
    /// server that cannot be reached yet is left to the tracker, which retries.
    /// `refused` hears why, before the exit, when the token endpoint refuses the credentials or the user.
    static func mintingSource(client: ConnectClient, profile: ResolvedProfile, userID: String,
                              refused: (String) -> Void = { _ in }) async throws -> MintedSource<ConnectClient> {
        let broker = TokenBroker(issuer: client, credentials: profile.credentials)
        do {
            _ = try await broker.token(for: userID)
        } catch let error as TokenBrokerError {
            refused(error.description)
            throw CommandFailure.tokenRejected(error.description)
        } catch {
            // Not reachable, or busy: the tracker shows it and tries again.
        }
        return MintedSource(base: client, broker: broker, userID: userID)
    }
}

extension TokenOptions {
    /// True when a token was handed in: it is used as it is, and wins over minting one.
    func isGiven(environment: [String: String]) -> Bool {
        token != nil || tokenFile != nil || environment["ORDERTOP_TOKEN"] != nil
    }
}

/// A failure worded as one line: `error: ...` on stderr, then a non-zero exit.
enum CommandFailure {
    /// A bad config file, profile or secret: exit 2.
    static func config(_ message: String) -> ExitCode { fail(message, code: 2) }

    /// The token endpoint refused the credentials or the user: exit 3, as for a rejected token.
    static func tokenRejected(_ message: String) -> ExitCode { fail(message, code: 3) }

    static func fail(_ message: String, code: Int32) -> ExitCode {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        return ExitCode(code)
    }

    static func warn(_ warnings: [String]) {
        for warning in warnings { FileHandle.standardError.write(Data("warning: \(warning)\n".utf8)) }
    }
}
