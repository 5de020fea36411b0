import ArgumentParser

/// `ordertop demo`: the sandbox, a scripted shopper and the dashboard in one process.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "demo", abstract: "Run a scripted order against an in-process sandbox and watch it.")
    func run() async throws {
        throw ValidationError("`ordertop demo` is not built yet.")
    }
}
