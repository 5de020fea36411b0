import AppRuntime
import ArgumentParser
import Board
import ConnectClient
import ConnectModels
import CursesTerminal
import Dashboard
import Foundation
import OrderFeed
import OrderTracking
import Profiles
import Recording
import TerminalUI

/// `ordertop board`: many live orders on one screen, attention first, with Enter into any order's dashboard.
struct BoardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "board",
        abstract: "Follow many orders on one screen, those that need a person first; Enter opens one.",
        discussion: """
            Orders come from --orders FILE: lines of USER_ID ORDER_ID (# starts a comment), or CSV with a \
            user_id,order_id header; - reads standard input; the o key adds one while the board runs. Tokens \
            are minted per user with the profile's client credentials (the built-in sandbox profile by default).
            """)

    @Option(name: .long, help: ArgumentHelp("The orders to follow, or - for standard input.", valueName: "file"))
    var orders: String

    @OptionGroup var profileOptions: ProfileOptions

    @Option(name: .long, help: ArgumentHelp("Minutes in one state after which an order needs attention.", valueName: "minutes"))
    var stuckAfter: Double = BoardSettings.defaultStuckAfter / 60

    @Flag(name: .long, help: "Ring the terminal bell when an order newly needs attention.")
    var bell = false

    @Flag(name: .long, help: "Also send a desktop notification (OSC 9) when an order newly needs attention.")
    var notify = false

    @Flag(name: .long, help: "Watch only: no chat sending and no replacement decisions.")
    var readonly = false

    @Flag(name: .long, help: "Print one line per change, each starting with the order id, instead of the board.")
    var plain = false

    @Flag(name: .long, help: "Print one JSON object per change instead of the board (README: \"Scripting with --json\").")
    var json = false

    @Option(name: .long, help: ArgumentHelp("Seconds between polls of an order once a shopper is assigned.", valueName: "seconds"))
    var interval: Double?

    @Option(name: .long, help: ArgumentHelp("Seconds between polls of an order that waits for a shopper.", valueName: "seconds"))
    var slowInterval: Double?

    @Option(name: .long, help: ArgumentHelp("Requests per second for the whole board, token requests included.", valueName: "n"))
    var maxRps: Double = 10

    @OptionGroup var ui: DashboardOptions

    @OptionGroup var recording: RecordOptions

    func validate() throws {
        if plain && json { throw ValidationError("--plain and --json cannot be used together: --plain prints text for people, --json JSON for scripts") }
        guard stuckAfter.isFinite, stuckAfter > 0, stuckAfter <= 24 * 60 else {
            throw ValidationError("--stuck-after must be between 0 and 1440 minutes")
        }
        if let interval, !(interval.isFinite && interval >= 0.05 && interval <= 3600) {
            throw ValidationError("--interval must be between 0.05 and 3600 seconds")
        }
        if let slowInterval, !(slowInterval.isFinite && slowInterval >= (interval ?? 0.05) && slowInterval <= 86_400) {
            throw ValidationError("--slow-interval must be at least --interval and at most 86400 seconds")
        }
        guard maxRps.isFinite, maxRps >= 0.1, maxRps <= 1000 else {
            throw ValidationError("--max-rps must be between 0.1 and 1000 requests per second")
        }
    }

    func run() async throws {
        let environment = ProcessInfo.processInfo.environment
        let arriving = try OrdersInput.open(orders, needsTerminal: !plain && !json)
        let profile = try profileOptions.resolve(environment: environment)
        let recorder = try await recording.start(command: "board", orders: [], interval: interval ?? profile.interval ?? 5)
        let http = ConnectClient.makeHTTPClient()
        let client = ConnectClient(baseURL: profile.baseURL, httpClient: http, userAgent: OrdertopVersion.userAgent("board"),
                                   transport: recorder?.transport(over: HTTPClientTransport(http: http)))
        // One budget for every order and every token request, so the board never asks more than --max-rps.
        let budget = RequestBudget(maxRequestsPerSecond: maxRps)
        let broker = TokenBroker(issuer: client, credentials: profile.credentials, acquire: { try await budget.acquire(.urgent) })
        let normal = interval ?? profile.interval ?? 5
        let configuration = TrackerConfiguration(normalInterval: .milliseconds(Int64(normal * 1000)),
                                                 slowInterval: .milliseconds(Int64((slowInterval ?? profile.slowInterval ?? max(30, normal)) * 1000)))
        let stateDirectory = OutboxStore.defaultDirectory(environment: environment)
        let registry = TrackerRegistry { ref in
            if let recorder { Task { await recorder.noteOrders([RecordedOrder(userID: ref.userID, orderID: ref.orderID)]) } }
            // The token first, then the budget: a call waits for its turn only once it can go at once, so it reaches
            // the server when the budget says, not a token request later.
            return OrderTracker(client: MintedSource(base: BudgetedSource(client, budget: budget), broker: broker, userID: ref.userID),
                         orderID: ref.orderID,
                         configuration: configuration, outboxStore: OutboxStore(directory: stateDirectory, orderID: ref.orderID))
        }
        let outcome: Int32
        do {
            if plain || json {
                let lines: any EventLines = json ? JSONLines() : PlainBoardLines()
                outcome = await LineBoard.run(registry: registry, arriving: arriving, lines: lines, output: StandardOutputLines().write)
            } else {
                try FileLogHandler.bootstrap(path: ui.logFile ?? FileLogHandler.defaultPath(environment: environment))
                let settings = BoardSettings(stuckAfter: stuckAfter * 60, bell: bell, notify: notify, readonly: readonly)
                outcome = try await Self.screen(registry: registry, arriving: arriving, settings: settings, ui: ui,
                                                theme: ui.theme ?? profile.theme, environment: environment,
                                                cycle: Self.cycle(registry: registry, budget: budget, configuration: configuration))
            }
        } catch {
            // The HTTP client must be shut down before it goes away, also when the board cannot start.
            await recorder?.close()
            try? await http.shutdown()
            throw error
        }
        await recorder?.close()
        try? await http.shutdown()
        if outcome != 0 { throw ExitCode(outcome) }
    }

    /// The header's "each order every ~N s": the orders' plans under the budget's current pace.
    static func cycle(registry: TrackerRegistry, budget: RequestBudget, configuration: TrackerConfiguration)
        -> @Sendable () async -> String {
        {
            var plans: [PollPlan] = []
            for tracker in registry.all { plans.append(await tracker.currentPlan) }
            let stats = await budget.stats()
            let estimate = RefreshCycle.estimate(plans: plans, configuration: configuration, rate: stats.currentRate)
            let text = estimate.map { "\($0)" } ?? ""
            return stats.isSlowed ? text + " (slowed by the server)" : text
        }
    }

    /// The board on curses.
    @MainActor
    static func screen(registry: TrackerRegistry, arriving: AsyncStream<OrdersFile.Contents>, settings: BoardSettings, ui: DashboardOptions,
                       theme: String?, environment: [String: String],
                       cycle: @escaping @Sendable () async -> String) async throws -> Int32 {
        let outcome = try await ScreenRunner.run(theme: theme, options: ui, environment: environment) { themes, name, warnings in
            DeskProgram(registry: registry, arriving: arriving, settings: settings,
                        themes: themes, themeName: name, startupWarnings: warnings, cycle: cycle)
        }
        if case .signalled(let signal) = outcome { return signal.exitCode }
        return 0
    }
}
