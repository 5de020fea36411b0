import ArgumentParser

/// `ordertop watch`: follow one order.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "watch", abstract: "Watch one order.")
    func run() async throws {
        throw ValidationError("`ordertop watch` is not built yet.")
    }
}
