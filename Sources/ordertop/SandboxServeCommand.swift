import ArgumentParser
import ConnectModels
import ConnectSandbox
import Foundation
import TerminalUI

/// `ordertop sandbox serve`: runs the development server until SIGINT or SIGTERM.
struct SandboxServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Run the local Instacart development server.",
        discussion: """
            Prints its base URL and client credentials, one per line (base_url=, client_id=, client_secret=), \
            then serves until Ctrl-C. State lives in memory and is gone when it stops.
            """)

    @Option(help: "The address to listen on.") var host = SandboxDefaults.host
    @Option(help: "The port to listen on; 0 picks a free one.") var port = SandboxDefaults.port
    @Option(help: "The client id the token endpoint accepts.") var clientID = SandboxDefaults.clientID
    @Option(help: "The client secret the token endpoint accepts.") var clientSecret = SandboxDefaults.clientSecret
    @Option(help: "Seed for ids: the same seed gives the same ids.") var seed: UInt64?
    @Option(help: ArgumentHelp("Append one JSON line per request to this file.", valueName: "file")) var accessLog: String?

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
    }

    func run() async throws {
        let server: SandboxServer
        do {
            server = try await SandboxServer.start(SandboxConfiguration(
                host: host, port: port, clientID: clientID, clientSecret: clientSecret, seed: seed, accessLogPath: accessLog))
        } catch {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode.failure
        }
        let banner = "base_url=\(server.baseURL)\nclient_id=\(clientID)\nclient_secret=\(clientSecret)\n"
        FileHandle.standardOutput.write(Data(banner.utf8))
        _ = await ExitSignal.next(of: [.interrupt, .terminate])
        await server.stop()
    }
}
