import ArgumentParser
import ConnectModels
import ConnectSandbox
import Foundation
import TerminalUI
import ConnectClient
import Recording
import Logging
import OrderTracking

/// `ordertop demo`: the sandbox, a scripted shopper and the dashboard in one process.
struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Run a scripted order against an in-process sandbox and watch it.",
        discussion: """
            Starts the sandbox on 127.0.0.1, places a demo order, and lets a scripted shopper work it from brand_new to delivered.
            With --headless it prints the base URL, the order id and a user token instead of opening the dashboard, so that
            `ordertop watch`, curl or a web page can follow the same order from elsewhere.
            """
    )

    @Option(name: .long, help: ArgumentHelp("The flow to play: delivery, pickup or last-mile.", valueName: "kind"))
    var scenario: String = DemoScenarioKind.delivery.rawValue

    @Option(name: .long, help: ArgumentHelp("How much faster than real time the shopper works; 1 takes about 3 minutes.", valueName: "x"))
    var speed: Double = 1

    @Option(name: .long, help: ArgumentHelp("Makes the run repeatable: the same seed gives the same shopper, steps and ids.", valueName: "n"))
    var seed: UInt64?

    @Option(name: .long, help: ArgumentHelp("The sandbox's port on 127.0.0.1; 0 picks a free one.", valueName: "port"))
    var port: Int = 0

    @Flag(name: .long, help: "No dashboard: print the base URL, order id and token, then one line per shopper event.")
    var headless = false

    @Option(name: .long, help: ArgumentHelp("How many orders: 1 opens the order's dashboard, more open the board with scripted shoppers on every order.", valueName: "n"))
    var orders: Int = 1

    @OptionGroup var ui: DashboardOptions

    @OptionGroup var recording: RecordOptions

    var kind: DemoScenarioKind? {
        DemoScenarioKind(rawValue: scenario.lowercased().replacingOccurrences(of: "_", with: "-"))
    }

    func validate() throws {
        guard kind != nil else {
            throw ValidationError("--scenario must be one of \(DemoScenarioKind.allCases.map(\.rawValue).joined(separator: ", ")), not \"\(scenario)\"")
        }
        guard speed.isFinite, speed > 0 else {
            throw ValidationError("--speed must be a number greater than 0, such as 1 (about 3 minutes) or 50")
        }
        guard (0...65_535).contains(port) else {
            throw ValidationError("--port must be between 0 and 65535 (0 picks a free port)")
        }
        guard (1...2000).contains(orders) else { throw ValidationError("--orders must be between 1 and 2000") }
        if headless, recording.record != nil {
            throw ValidationError("--record keeps what the dashboard or the board asks, and --headless opens neither; drop one of them")
        }
        if orders > 1, headless {
            throw ValidationError("--headless shows one order; for many without a screen use `ordertop sandbox simulate --serve --orders N`")
        }
    }

    func run() async throws {
        let kind = kind ?? .delivery
        let seed = seed ?? UInt64.random(in: 1...99_999)
        let out = DemoOutput()
        let environment = ProcessInfo.processInfo.environment
        if orders > 1 {
            try await DemoDesk.run(orders: orders, speed: speed, seed: seed, port: port, ui: ui, recording: recording)
            return
        }
        if !headless {
            // The dashboard owns the terminal: the in-process sandbox and the shopper log to a file instead.
            try FileLogHandler.bootstrap(path: ui.logFile ?? FileLogHandler.defaultPath(environment: environment))
        }
        let session: DemoSession
        do {
            session = try await DemoSession.start(scenario: kind, speed: speed, seed: seed, port: port)
        } catch {
            throw DemoFailure("cannot start the demo: \(error)")
        }
        if !headless {
            try await runDashboard(session: session, environment: environment)
            return
        }
        out.line(DemoHeadless.banner(session: session, kind: kind, speed: speed, explicitSeed: self.seed != nil))
        let code = await DemoHeadless.follow(session: session, out: out)
        await session.stop()
        if code != 0 { throw ExitCode(code) }
    }

    /// Opens the dashboard on the demo order; the shopper's progress goes to the log file.
    private func runDashboard(session: DemoSession, environment: [String: String]) async throws {
        let logger = Logger(label: "ordertop.demo")
        logger.info("demo started: \(session.baseURL), order \(session.orderID), seed \(session.seed)")
        let drain = Task.detached {
            for await event in session.shopper.events where event.isNoteworthy { logger.info("\(event.description)") }
        }
        // Poll in step with the timeline, so that even a fast demo shows every state.
        let interval = min(1.0, max(0.1, 1.0 / speed))
        let configuration = TrackerConfiguration(normalInterval: .milliseconds(Int64(interval * 1000)),
                                                 slowInterval: .milliseconds(Int64(interval * 2000)))
        let store = OutboxStore(directory: OutboxStore.defaultDirectory(environment: environment), orderID: session.orderID)
        let recorder: HARRecorder?
        do {
            recorder = try await recording.start(command: "demo", orders: [RecordedOrder(userID: session.order.userID, orderID: session.orderID)],
                                                 interval: interval)
        } catch {
            await session.stop()
            drain.cancel()
            throw error
        }
        var client = session.userClient
        if let recorder { client = client.with(transport: recorder.transport(over: HTTPClientTransport())) }
        let tracker = OrderTracker(client: client, orderID: session.orderID, configuration: configuration, outboxStore: store)
        do {
            try await DashboardRunner.run(tracker: tracker, options: ui, environment: environment, demo: session.controls)
        } catch {
            await recorder?.close()
            await session.stop()
            drain.cancel()
            throw error
        }
        await recorder?.close()
        await session.stop()
        drain.cancel()
    }
}

/// A message for people when the demo cannot start, without a stack of type names.
struct DemoFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Writes lines straight to stdout, so they show at once even when stdout is a pipe or a file.
struct DemoOutput: Sendable {
    func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }
}

/// The headless demo: what to print, and following the shopper until it is done and then until a signal.
enum DemoHeadless {
    static func banner(session: DemoSession, kind: DemoScenarioKind, speed: Double, explicitSeed: Bool) -> String {
        let speedText = speed == speed.rounded() ? String(Int(speed)) : String(speed)
        let seconds = session.shopper.scenario.duration.secondsDouble / speed
        let length = seconds < 90 ? String(format: "%.0f s", seconds.rounded(.up)) : String(format: "%.1f min", seconds / 60)
        return """
            ordertop demo: \(kind.rawValue) scenario at speed \(speedText), seed \(session.seed)\(explicitSeed ? "" : " (repeat it with --seed \(session.seed))")
              sandbox:  \(session.baseURL)
              order:    \(session.orderID) (customer \(session.order.customerName), user id \(session.order.userID))
              token:    \(session.userToken.secret)
              shopper:  \(session.shopper.scenario.shopperName), \(session.shopper.scenario.steps.count) steps, about \(length)
            Watch it from another terminal:
              \(session.watchCommandLine)
            """
    }

    /// Prints the shopper's events until the scenario is done, then serves until Ctrl-C or SIGTERM. Returns the exit code.
    static func follow(session: DemoSession, out: DemoOutput) async -> Int32 {
        let start = ContinuousClock.now
        let signal = Task { await ExitSignal.next() }
        let printer = Task {
            var failures = 0
            for await event in session.shopper.events where event.isNoteworthy {
                if case .failed = event { failures += 1 }
                let elapsed = (ContinuousClock.now - start).secondsDouble
                out.line(String(format: "[%6.1fs] ", elapsed) + event.description)
            }
            return failures
        }
        // Whichever comes first: the scenario ends (nil), or someone presses Ctrl-C (the signal).
        let (firsts, first) = AsyncStream<ExitSignal?>.makeStream()
        Task { _ = await printer.value; first.yield(nil) }
        Task { first.yield(await signal.value) }
        var iterator = firsts.makeAsyncIterator()
        let outcome = await iterator.next() ?? nil
        if let signal = outcome {
            out.line("\(signal): stopping the shopper and the sandbox.")
            return 0
        }
        let failures = await printer.value
        let state = (try? await session.userClient.order(session.orderID).workflowState)?.rawValue ?? "unknown (the order could not be read)"
        out.line("Scenario done: the order is \(state)\(failures > 0 ? ", with \(failures) failed step(s) above" : "").")
        out.line("The sandbox keeps serving at \(session.baseURL) until Ctrl-C or SIGTERM.")
        out.line("\(await signal.value): stopping the sandbox.")
        return 0
    }
}
