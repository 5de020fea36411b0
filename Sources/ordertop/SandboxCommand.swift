import ArgumentParser

/// `ordertop sandbox`: the local development server and a client to drive it.
struct SandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sandbox",
        abstract: "Run or drive the local Instacart development server.",
        discussion: """
            `serve` runs the server. The other subcommands talk to a running one (default \(SandboxClientOptions.defaultBaseURL)), \
            fetch a client-credentials token by themselves, and print the JSON reply.
            Tutorial: create-order, create-shopper, batch, advance, say, item, move, advance ... until delivered.
            Account linking: user, link, link-status. Custom widgets: init. Many orders at once, for `ordertop board`: simulate.
            """,
        subcommands: [
            SandboxServeCommand.self, SandboxTokenCommand.self, SandboxCreateOrderCommand.self, SandboxCreateShopperCommand.self,
            SandboxBatchCommand.self, SandboxAdvanceCommand.self, SandboxItemCommand.self, SandboxSayCommand.self,
            SandboxMessagesCommand.self, SandboxMoveCommand.self, SandboxCancelCommand.self, SandboxFaultCommand.self,
            SandboxUserCommand.self, SandboxLinkCommand.self, SandboxLinkStatusCommand.self, SandboxInitCommand.self,
            SandboxSimulateCommand.self,
        ])
}
