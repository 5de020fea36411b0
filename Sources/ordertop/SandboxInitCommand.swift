import ArgumentParser
import ConnectClient
import ConnectModels
import Foundation

/// `ordertop sandbox init`: the custom widgets' session init, cookies and all.
struct SandboxInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Establish a custom-widget user session (POST /idp/v1/init) and print its status and cookies.")

    @OptionGroup var options: SandboxClientOptions
    @Option(help: "A cookie to send, as NAME=VALUE; repeat for more.") var cookie: [String] = []

    /// What `init` prints.
    struct Reply: Encodable {
        var status: Int
        var established: Bool
        var cookies: [String]
    }

    func validate() throws {
        for c in cookie where !c.contains("=") || c.contains(";") || c.contains(where: { $0.isNewline }) {
            throw ValidationError("--cookie takes NAME=VALUE, not \"\(c)\"")
        }
    }

    func run() async throws {
        let session = await options.run(authorized: false, print: { (session: WidgetSession) in
            SandboxOutput.print(Reply(status: session.status, established: session.isEstablished, cookies: session.cookies))
        }) { client in try await client.initWidgetSession(cookies: cookie) }
        if !session.isEstablished { throw ExitCode(1) }
    }
}
