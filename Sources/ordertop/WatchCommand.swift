import ArgumentParser
import ConnectClient
import ConnectModels
import Dashboard
import Foundation
import OrderTracking

/// `ordertop watch`: follow one order in the dashboard, or as lines of text with `--plain`.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch one order: a live dashboard, or one line per change with --plain.",
        discussion: """
            The user token comes from ORDERTOP_TOKEN or --token-file. Against a local sandbox:
              export ORDERTOP_TOKEN=$(ordertop sandbox token --user USER_ID --raw)
              ordertop watch --order ORDER_ID
            """
    )

    @Option(name: .long, help: ArgumentHelp("The Connect server's base URL.", valueName: "url"))
    var baseURL: String = SandboxDefaults.baseURL

    @Option(name: .long, help: ArgumentHelp("The order id to watch.", valueName: "id"))
    var order: String

    @OptionGroup var tokenOptions: TokenOptions

    @Option(name: .long, help: ArgumentHelp("Seconds between polls once a shopper is assigned.", valueName: "seconds"))
    var interval: Double = 5

    @Option(name: .long, help: ArgumentHelp("Seconds between polls while the order waits for a shopper.", valueName: "seconds"))
    var slowInterval: Double = 30

    @Flag(name: .long, help: "Print one line per change instead of the dashboard, and exit when the order ends.")
    var plain = false

    @OptionGroup var ui: DashboardOptions

    func validate() throws {
        guard interval.isFinite, interval >= 0.05, interval <= 3600 else {
            throw ValidationError("--interval must be between 0.05 and 3600 seconds")
        }
        guard slowInterval.isFinite, slowInterval >= interval, slowInterval <= 86_400 else {
            throw ValidationError("--slow-interval must be at least --interval and at most 86400 seconds")
        }
        guard let url = URL(string: baseURL), let scheme = url.scheme, ["http", "https"].contains(scheme.lowercased()), url.host != nil else {
            throw ValidationError("--base-url must be an http(s) URL such as \(SandboxDefaults.baseURL)")
        }
        guard !order.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--order is empty") }
    }

    func run() async throws {
        let token = try tokenOptions.resolve()
        let environment = ProcessInfo.processInfo.environment
        let http = ConnectClient.makeHTTPClient()
        let client = ConnectClient(baseURL: baseURL, token: token, httpClient: http)
        do {
            try await watch(client: client, environment: environment)
        } catch {
            try? await http.shutdown()
            throw error
        }
        try? await http.shutdown()
    }

    private func watch(client: ConnectClient, environment: [String: String]) async throws {
        let configuration = TrackerConfiguration(normalInterval: .milliseconds(Int64(interval * 1000)),
                                                 slowInterval: .milliseconds(Int64(slowInterval * 1000)))
        let store = OutboxStore(directory: OutboxStore.defaultDirectory(environment: environment), orderID: order)
        let tracker = OrderTracker(client: client, orderID: order, configuration: configuration, outboxStore: store)
        if plain {
            let code = await PlainWatcher.run(tracker: tracker)
            if code != 0 { throw ExitCode(code) }
            return
        }
        try FileLogHandler.bootstrap(path: ui.logFile ?? FileLogHandler.defaultPath(environment: environment))
        let options = tokenOptions
        try await DashboardRunner.run(tracker: tracker, options: ui, environment: environment, demo: nil,
                                      reloadToken: { try? options.resolve(environment: environment, quiet: true) })
    }
}
