import ArgumentParser
import ConnectModels

/// The `ordertop` command: a terminal dashboard for a live Instacart Connect order.
@main
struct Ordertop: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ordertop",
        abstract: "A terminal dashboard for a live Instacart Connect order, with a local development server.",
        discussion: "With no subcommand, ordertop runs the demo.",
        version: OrdertopVersion.current,
        subcommands: [DemoCommand.self, WatchCommand.self, BoardCommand.self, ReplayCommand.self, ProfilesCommand.self, SandboxCommand.self, ThemesCommand.self],
        defaultSubcommand: DemoCommand.self
    )
}
