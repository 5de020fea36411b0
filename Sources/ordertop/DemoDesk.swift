import ArgumentParser
import ConnectModels
import ConnectSandbox
import Foundation

/// `ordertop demo --orders N`: the sandbox in this process, N scripted shoppers, and the board on their orders.
enum DemoDesk {
    static func run(orders count: Int, speed: Double, seed: UInt64, port: Int, ui: DashboardOptions,
                    recording: RecordOptions) async throws {
        let server: SandboxServer
        do {
            server = try await SandboxServer.start(SandboxConfiguration(host: SandboxDefaults.host, port: port, seed: seed))
        } catch {
            throw DemoFailure("cannot start the sandbox: \(error)")
        }
        let simulation: LoadSimulation
        do {
            simulation = try await LoadSimulation.start(baseURL: server.baseURL, clientID: server.configuration.clientID,
                                                        clientSecret: server.configuration.clientSecret, orders: count,
                                                        speed: speed, seed: seed)
        } catch {
            await server.stop()
            throw DemoFailure("cannot start the demo orders: \(error)")
        }
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("ordertop-demo-\(UUID().uuidString).txt")
        // The board reads the orders as a person's file would be read, so the demo shows the real path.
        let lines = simulation.orders.map(\.ordersFileLine).joined(separator: "\n") + "\n"
        guard FileManager.default.createFile(atPath: file.path, contents: Data(lines.utf8), attributes: [.posixPermissions: 0o600]) else {
            await finish(simulation, server, file)
            throw DemoFailure("cannot write the demo's orders to \(file.path)")
        }
        // Poll in step with the timeline, so that even a fast demo shows every state.
        let interval = min(1.0, max(0.1, 1.0 / speed))
        var arguments = ["--orders", file.path, "--profile", "sandbox", "--base-url", server.baseURL,
                         "--interval", String(interval), "--slow-interval", String(interval * 2), "--max-rps", "50"]
        if let theme = ui.theme { arguments += ["--theme", theme] }
        if ui.noMouse { arguments.append("--no-mouse") }
        if let logFile = ui.logFile { arguments += ["--log-file", logFile] }
        if let record = recording.record { arguments += ["--record", record] }
        if recording.redactChat { arguments.append("--redact-chat") }
        do {
            let board = try BoardCommand.parse(arguments)
            try await board.run()
        } catch {
            await finish(simulation, server, file)
            throw error
        }
        await finish(simulation, server, file)
    }

    private static func finish(_ simulation: LoadSimulation, _ server: SandboxServer, _ file: URL) async {
        await simulation.stop()
        await server.stop()
        try? FileManager.default.removeItem(at: file)
    }
}
