import ArgumentParser
import ConnectClient
import ConnectModels
import Dashboard
import Foundation
import OrderTracking
import Profiles
import Recording
import TerminalUI
import EventLines

/// `ordertop watch`: follow one order in the dashboard, or as lines of text with `--plain`.
struct WatchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Watch one order: a live dashboard, or one line per change with --plain or --json.",
        discussion: """
            With --user, the user token is minted with the profile's client credentials (the built-in sandbox \
            profile by default) and renewed before it expires or when it is rejected:
              ordertop watch --user USER_ID --order ORDER_ID [--profile NAME]
            A token from ORDERTOP_TOKEN or --token-file is used as it is, and wins over --user. \
            Profiles: ordertop profiles, and README "Profiles and credentials".
            """
    )

    @Option(name: .long, help: ArgumentHelp("The order id to watch.", valueName: "id"))
    var order: String

    @Option(name: .long, help: ArgumentHelp("The Connect user whose token is minted with the profile's credentials.", valueName: "id"))
    var user: String?

    @OptionGroup var profileOptions: ProfileOptions

    @OptionGroup var tokenOptions: TokenOptions

    @Option(name: .long, help: ArgumentHelp("Seconds between polls once a shopper is assigned (default: the profile's, else 5).", valueName: "seconds"))
    var interval: Double?

    @Option(name: .long, help: ArgumentHelp("Seconds between polls while the order waits for a shopper (default: the profile's, else 30).", valueName: "seconds"))
    var slowInterval: Double?

    @Flag(name: .long, help: "Print one line per change instead of the dashboard, and exit when the order ends.")
    var plain = false

    @Flag(name: .long, help: "Print one JSON object per change instead of the dashboard, and exit when the order ends (README: \"Scripting with --json\").")
    var json = false

    @OptionGroup var ui: DashboardOptions

    @OptionGroup var recording: RecordOptions

    func validate() throws {
        if plain && json { throw ValidationError("--plain and --json cannot be used together: --plain prints text for people, --json JSON for scripts") }
        if let interval, !(interval.isFinite && interval >= 0.05 && interval <= 3600) {
            throw ValidationError("--interval must be between 0.05 and 3600 seconds")
        }
        if let slowInterval, !(slowInterval.isFinite && slowInterval >= (interval ?? 0.05) && slowInterval <= 86_400) {
            throw ValidationError("--slow-interval must be at least --interval and at most 86400 seconds")
        }
        guard !order.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--order is empty") }
        if let user, user.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--user is empty") }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        var token: BearerToken?
        var minting: (profile: ResolvedProfile, user: String)?
        let settings: ProfileSettings
        if let user, !tokenOptions.isGiven(environment: environment) {
            let profile = try profileOptions.resolve(environment: environment)
            (settings, minting) = (profile.settings, (profile, user))
        } else if tokenOptions.isGiven(environment: environment) {
            token = try tokenOptions.resolve(environment: environment)
            settings = try profileOptions.settings(environment: environment)
        } else {
            throw ValidationError("""
                no user token: pass --user USER_ID to mint one with the profile's client credentials, or set ORDERTOP_TOKEN or pass --token-file FILE
                """)
        }
        let recorder = try await recording.start(command: "watch", orders: [RecordedOrder(userID: minting?.user, orderID: order)],
                                                 interval: interval ?? settings.interval ?? 5)
        let http = ConnectClient.makeHTTPClient()
        let client = ConnectClient(baseURL: settings.baseURL, token: token, httpClient: http,
                                   transport: recorder?.transport(over: HTTPClientTransport(http: http)))
        let output = StandardOutputLines()
        do {
            let source: any OrderDataSource = if let minting {
                try await ProfileOptions.mintingSource(client: client, profile: minting.profile, userID: minting.user) { reason in
                    // A script reading --json learns of a refused token from stdout too, as it does once watching.
                    guard json else { return }
                    output.write(JSONEventFormatter().error(orderID: order, userID: minting.user, reason: LineEnd.tokenRejected.reason,
                                                            message: reason, at: Date()))
                }
            } else {
                client
            }
            try await watch(source: source, userID: minting?.user, output: output, settings: settings, environment: environment)
        } catch {
            await recorder?.close()
            try? await http.shutdown()
            throw error
        }
        await recorder?.close()
        try? await http.shutdown()
    }

    /// `userID` is the user whose token is minted here: a token of one's own wins over --user, so then it is not known.
    private func watch(source: any OrderDataSource, userID: String?, output: StandardOutputLines, settings: ProfileSettings,
                       environment: [String: String]) async throws {
        let fast = interval ?? settings.interval ?? 5
        let slow = slowInterval ?? settings.slowInterval ?? max(30, fast)
        guard slow >= fast else { throw ValidationError("the slow interval (\(slow) s) must be at least the interval (\(fast) s)") }
        let configuration = TrackerConfiguration(normalInterval: .milliseconds(Int64(fast * 1000)),
                                                 slowInterval: .milliseconds(Int64(slow * 1000)))
        let store = OutboxStore(directory: OutboxStore.defaultDirectory(environment: environment), orderID: order)
        let tracker = OrderTracker(client: source, orderID: order, configuration: configuration, outboxStore: store)
        if plain || json {
            let lines: any EventLines = json ? JSONLines() : PlainWatchLines()
            let code = await LineWatcher.run(tracker: tracker, lines: lines, userID: userID, output: output.write)
            if code != 0 { throw ExitCode(code) }
            return
        }
        try FileLogHandler.bootstrap(path: ui.logFile ?? FileLogHandler.defaultPath(environment: environment))
        var ui = ui
        if ui.theme == nil { ui.theme = settings.theme }
        let options = tokenOptions
        // A minted token renews itself, so `r` has nothing to reload then.
        var reload: (@Sendable () -> BearerToken?)?
        if source is ConnectClient { reload = { try? options.resolve(environment: environment, quiet: true) } }
        try await DashboardRunner.run(tracker: tracker, options: ui, environment: environment, demo: nil, reloadToken: reload)
    }
}
