import ConnectClient
import ConnectModels
import ConnectSandbox
import Foundation
import Testing

extension EndToEnd {
    /// `ordertop sandbox simulate`, the built binary against a sandbox started here; no tmux needed.
    @Suite("ordertop sandbox simulate", .serialized)
    struct SimulateEndToEndTests {
        static func temporaryFile() -> String {
            FileManager.default.temporaryDirectory.appendingPathComponent("ordertop-sim-\(UUID().uuidString.prefix(8)).txt").path
        }

        @Test("3 orders at speed 200: the file has 3 USER_ID ORDER_ID lines, every order is delivered, exit 0")
        func threeOrders() async throws {
            let binary = try Tmux.binary()
            let server = try await SandboxServer.start(SandboxConfiguration(port: 0))
            let file = Self.temporaryFile()
            defer { try? FileManager.default.removeItem(atPath: file) }
            do {
                let out = try Shell.output("timeout 120 \(binary) sandbox simulate --orders 3 --speed 200 --seed 4 --orders-file \(file) "
                                           + "--base-url \(server.baseURL); echo EXIT=$?")
                #expect(out.contains("EXIT=0"), "\(out)")
                #expect(out.contains("Every order has ended: 3 delivered."), "\(out)")
                let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
                #expect(lines.count == 3)
                var users: Set<String> = []
                for line in lines {
                    let fields = line.split(separator: " ").map(String.init)
                    try #require(fields.count == 2, "a bad line: \(line)")
                    users.insert(fields[0])
                    let customer = try await ConnectClient(baseURL: server.baseURL).withUserToken(for: fields[0])
                    #expect(try await customer.order(fields[1]).workflowState == .delivered, "\(line)")
                }
                #expect(users.count == 3)
            } catch {
                await server.stop()
                throw error
            }
            await server.stop()
        }

        @Test("bad input gets one error line and a non-zero exit", arguments: [
            ("--orders 0", "--orders must be at least 1"),
            ("--orders 2 --speed -1", "--speed must be a number greater than 0"),
            ("--orders 2 --orders-file /nonexistent-dir/orders.txt", "cannot write the orders file /nonexistent-dir/orders.txt"),
            ("--orders 2 --base-url http://127.0.0.1:9", "cannot reach http://127.0.0.1:9"),
        ])
        func badInput(arguments: String, message: String) throws {
            let binary = try Tmux.binary()
            let out = try Shell.output("timeout 30 \(binary) sandbox simulate \(arguments) 2>&1; echo EXIT=$?")
            let lines = out.split(separator: "\n").map(String.init)
            #expect(lines.count == 2, "\(out)")
            #expect(lines.first?.hasPrefix("error: \(message)") == true, "\(out)")
            #expect(lines.last != "EXIT=0" && lines.last?.hasPrefix("EXIT=") == true)
        }

        @Test("SIGTERM mid-run stops the shoppers and the in-process sandbox cleanly, exit 0")
        func sigterm() throws {
            let binary = try Tmux.binary()
            let file = Self.temporaryFile()
            defer { try? FileManager.default.removeItem(atPath: file) }
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = ["sandbox", "simulate", "--serve", "--port", "0", "--orders", "4", "--speed", "1", "--orders-file", file]
            let out = Pipe()
            process.standardOutput = out
            process.standardError = out
            process.standardInput = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, ((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: "\n").count < 4 {
                usleep(50_000)
            }
            #expect(((try? String(contentsOfFile: file, encoding: .utf8)) ?? "").split(separator: "\n").count == 4)
            usleep(300_000)
            process.terminate()
            let stopDeadline = Date().addingTimeInterval(15)
            while process.isRunning, Date() < stopDeadline { usleep(50_000) }
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                Issue.record("still running 15 s after SIGTERM")
            }
            process.waitUntilExit()
            let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(process.terminationStatus == 0, "\(text)")
            #expect(text.contains("SIGTERM: stopping the shoppers and the sandbox."), "\(text)")
        }
    }
}
