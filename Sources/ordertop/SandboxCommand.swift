import ArgumentParser

/// `ordertop sandbox`: the local development server and a client to drive it.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sandbox", abstract: "Run or drive the local Instacart development server.", subcommands: [])
}
