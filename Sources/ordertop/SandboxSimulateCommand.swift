import ArgumentParser
import ConnectClient
import ConnectModels
import ConnectSandbox
import Foundation
import TerminalUI

/// `ordertop sandbox simulate`: many orders worked by scripted shoppers at once, for `ordertop board`.
struct SandboxSimulateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "simulate",
        abstract: "Drive many orders with scripted shoppers, for `ordertop board`.",
        discussion: """
            Places N orders, each for a user of its own, on a running sandbox (--base-url, default \(SandboxClientOptions.defaultBaseURL)) \
            or on one started in this process (--serve). As soon as they exist it writes one `USER_ID ORDER_ID` line per order to \
            --orders-file, or to stdout. Then a scripted shopper starts on each, staggered, mixing delivery, pickup and last-mile \
            flows; deliveries and pickups get replacements the shopper asks about in the chat. It runs until every order has \
            ended, or Ctrl-C or SIGTERM. With --serve the sandbox keeps serving after that, until Ctrl-C.
            Progress goes to stdout when the orders go to a file, and to stderr when they go to stdout.
            """)

    // Unconditional parsing, so that `--speed -1` reaches the check below and gets its one-line error.
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("How many orders to place.", valueName: "n"))
    var orders: Int = 10

    @Option(name: .long, parsing: .unconditional,
            help: ArgumentHelp("How much faster than real time the shoppers work; 1 takes about 3 minutes an order.", valueName: "x"))
    var speed: Double = 1

    @Option(name: .long, help: ArgumentHelp("The same seed gives the same flows, customers, shoppers and steps.", valueName: "n"))
    var seed: UInt64?

    @Option(name: .customLong("orders-file"), help: ArgumentHelp("Write the USER_ID ORDER_ID lines here, not to stdout.", valueName: "file"))
    var ordersFile: String?

    @Flag(name: .long, help: "Start a sandbox in this process (on --port) instead of using a running one; --base-url is then ignored.")
    var serve = false

    @Option(name: .long, help: ArgumentHelp("With --serve: the port on 127.0.0.1; 0 picks a free one.", valueName: "port"))
    var port: Int = SandboxDefaults.port

    @Flag(name: .long, help: "Print every shopper step, not only starts, ends and failures.")
    var verbose = false

    @OptionGroup var sandbox: SandboxClientOptions

    /// What is wrong with the arguments, in one line; nil when they are fine.
    var problem: String? {
        if orders < 1 { return "--orders must be at least 1, not \(orders)" }
        if orders > 10_000 { return "--orders must be at most 10000, not \(orders)" }
        if !(speed.isFinite && speed > 0) { return "--speed must be a number greater than 0, such as 1 (about 3 minutes an order) or 50" }
        if serve, !(0...65_535).contains(port) { return "--port must be between 0 and 65535 (0 picks a free port)" }
        return nil
    }

    func run() async throws {
        if let problem { SimulationReport.fail(problem, code: ExitCode.validationFailure) }
        let ordersOut: FileHandle
        do {
            ordersOut = try ordersFile.map(SimulationReport.create) ?? .standardOutput
        } catch {
            SimulationReport.fail("\(error)", code: .failure)
        }
        // Listening from the start, so Ctrl-C while the orders are placed still stops cleanly afterwards.
        let signal = Task { await ExitSignal.next() }
        let report = SimulationReport(progress: ordersFile == nil ? .standardError : .standardOutput, verbose: verbose)
        let seed = seed ?? UInt64.random(in: 1...99_999)

        var server: SandboxServer?
        if serve {
            do {
                server = try await SandboxServer.start(SandboxConfiguration(port: port, clientID: sandbox.clientID,
                                                                            clientSecret: sandbox.clientSecret, seed: seed))
            } catch {
                SimulationReport.fail("cannot start the sandbox: \(error)", code: .failure)
            }
        }
        let baseURL = server?.baseURL ?? sandbox.baseURL
        let http = ConnectClient.makeHTTPClient()
        let simulation: LoadSimulation
        do {
            simulation = try await LoadSimulation.start(baseURL: baseURL, clientID: sandbox.clientID, clientSecret: sandbox.clientSecret,
                                                        orders: orders, speed: speed, seed: seed, httpClient: http)
        } catch {
            try? await http.shutdown()
            await server?.stop()
            SimulationReport.fail(SimulationReport.explain(error, baseURL: baseURL, serving: serve), code: .failure)
        }
        SimulationReport.write(simulation.orders.map(\.ordersFileLine), to: ordersOut, closing: ordersFile != nil)
        report.banner(simulation: simulation, baseURL: baseURL, seed: seed, explicitSeed: self.seed != nil, serving: server != nil,
                      ordersFile: ordersFile)

        let outcome = await report.follow(simulation, until: signal)
        var code: Int32 = 0
        switch outcome {
        case .signal(let name):
            report.line("\(name): stopping the shoppers\(server == nil ? "" : " and the sandbox").")
            await simulation.stop()
        case .finished(let failures):
            let states = await simulation.states()
            report.line(SimulationReport.summary(states: states, failures: failures))
            if failures > 0 || states.contains(where: { $0?.isFinal != true }) { code = 1 }
            if let server {
                report.line("The sandbox keeps serving at \(server.baseURL) until Ctrl-C or SIGTERM.")
                report.line("\(await signal.value): stopping the sandbox.")
            }
        }
        try? await http.shutdown()
        await server?.stop()
        if code != 0 { throw ExitCode(code) }
    }
}
