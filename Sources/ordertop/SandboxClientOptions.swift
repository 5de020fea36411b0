import ArgumentParser
import ConnectClient
import ConnectModels
import Foundation

/// Where the sandbox is and how to get a client token for it.
struct SandboxClientOptions: ParsableArguments {
    static let defaultBaseURL = SandboxDefaults.baseURL

    @Option(help: "The sandbox's base URL.") var baseURL = SandboxClientOptions.defaultBaseURL
    @Option(help: "Client id for the client-credentials token.") var clientID = SandboxDefaults.clientID
    @Option(help: "Client secret for the client-credentials token.") var clientSecret = SandboxDefaults.clientSecret

    /// Runs a call with a client (holding a fresh client-credentials token when `authorized`), prints its
    /// reply, and turns failures into messages people can act on. The HTTP client fails fast, so a sandbox
    /// that is not running is reported at once, and it is shut down before anything is printed.
    @discardableResult
    func run<T>(authorized: Bool = true, print: (T) -> Void, _ call: (ConnectClient) async throws -> T) async -> T {
        let http = ConnectClient.makeHTTPClient()
        let outcome: Result<T, any Error>
        do {
            var client = ConnectClient(baseURL: baseURL, httpClient: http)
            if authorized {
                client = client.with(token: try await client.token(.clientCredentials(id: clientID, secret: clientSecret)).bearer)
            }
            outcome = .success(try await call(client))
        } catch {
            outcome = .failure(error)
        }
        try? await http.shutdown()
        switch outcome {
        case .success(let value):
            print(value)
            return value
        case .failure(let error):
            SandboxOutput.fail(error, baseURL: baseURL)
        }
    }

    /// The same, printing the reply as JSON.
    func run<T: Encodable>(authorized: Bool = true, _ call: (ConnectClient) async throws -> T) async {
        await run(authorized: authorized, print: { SandboxOutput.print($0) }, call)
    }
}

/// A sandbox subcommand that is one authorized client call, its reply printed as JSON.
protocol SandboxCallCommand: AsyncParsableCommand {
    associatedtype Reply: Encodable
    var options: SandboxClientOptions { get }
    /// The call this command makes.
    func call(_ client: ConnectClient) async throws -> Reply
}

extension SandboxCallCommand {
    func run() async throws {
        await options.run { client in try await call(client) }
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
