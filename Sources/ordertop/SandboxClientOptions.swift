import ArgumentParser
import ConnectAPI
import Foundation

/// Where the sandbox is and how to get a client token for it.
struct SandboxClientOptions: ParsableArguments {
    static let defaultBaseURL = "http://127.0.0.1:7878"

    @Option(help: "The sandbox's base URL.") var baseURL = SandboxClientOptions.defaultBaseURL
    @Option(help: "Client id for the client-credentials token.") var clientID = "sandbox-client"
    @Option(help: "Client secret for the client-credentials token.") var clientSecret = "sandbox-secret"

    /// A client with a fresh client-credentials token.
    func authorizedClient() async throws -> ConnectClient {
        let client = ConnectClient(baseURL: baseURL)
        let token = try await client.token(.clientCredentials(id: clientID, secret: clientSecret))
        return client.with(token: token.bearer)
    }

    /// Runs a call, prints its reply as JSON, and turns failures into messages people can act on.
    func run<T: Encodable>(_ call: (ConnectClient) async throws -> T) async throws {
        do {
            let client = try await authorizedClient()
            SandboxOutput.print(try await call(client))
        } catch {
            SandboxOutput.fail(error, baseURL: baseURL)
        }
    }
}

/// Printing for the sandbox client subcommands.
enum SandboxOutput {
    static func print<T: Encodable>(_ value: T) {
        let encoder = ConnectJSON.encoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        FileHandle.standardOutput.write(data + Data("\n".utf8))
    }

    /// Writes what went wrong and what to do to stderr, then exits with status 1.
    static func fail(_ error: any Error, baseURL: String) -> Never {
        let message: String
        switch error {
        case ConnectError.transport(_, let base, let reason, _):
            message = "cannot reach \(base): \(reason). Is `ordertop sandbox serve` running?"
        case let error as ConnectError:
            message = error.description
        default:
            message = "\(error)"
        }
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        exit(1)
    }
}
