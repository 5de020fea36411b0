import ConnectClient
import ConnectModels
import ConnectSandbox
import Foundation
import TestSupport
import Testing

extension EndToEnd {
    /// The real `ordertop watch` binary in tmux against a real sandbox: read the panes, type, resize, SIGTERM.
    @Suite("ordertop watch in tmux", .serialized, .enabled(if: Tmux.available, "tmux is not installed"))
    struct WatchEndToEndTests {
        @Test("panes show the order, a typed reply reaches the server, resize relays out, SIGTERM restores the terminal")
        func watchSession() async throws {
            try await PickingOrderScene.run(user: "e2e-user") { scene in
                let (binary, server, tmux, stateDir) = (scene.binary, scene.server, scene.tmux, scene.stateDir)
                let (admin, order, shopper, token) = (scene.admin, scene.order, scene.shopper, scene.token)
                _ = try await admin.shopperSays(orderID: order, body: "Hi, this is Zelma, your shopper.")
                _ = try await admin.updateShopperItem(shopperID: shopper.value, orderID: order, lineNum: "1", ShopperItemUpdate(status: .found))

                let sttyFile = stateDir.appendingPathComponent("stty.txt").path
                let command = "env ORDERTOP_TOKEN=\(token) XDG_STATE_HOME=\(stateDir.path) TERM=tmux-256color \(binary) watch --base-url \(server.baseURL) --order \(order) --interval 0.2; echo EXIT=$?; stty -a > \(sttyFile); echo STTY-DONE; sleep 60"
                try tmux.start(command, width: 120, height: 40)

                // The panes, read off the screen.
                let first = try tmux.waitForScreen("the dashboard with the shopper's message") {
                    $0.contains("Picking") && $0.contains("Hi, this is Zelma") && $0.contains("Found (1)")
                }
                #expect(first.contains("501 Belt Line Rd"), "handling pane")
                #expect(first.contains("Still shopping (14)"), "items pane")
                #expect(first.split(separator: "\n").contains { $0.contains("Timeline") && $0.contains("Handling") },
                        "at 120 columns the panes stand side by side")

                // A reply typed as a person would.
                try tmux.keys("i")
                try tmux.type("On my way to the door, thanks! é 香")
                try tmux.waitForScreen("the typed text") { $0.contains("thanks! é 香") }
                try tmux.keys("Enter")
                var received = false
                for _ in 0..<100 where !received {
                    received = await server.store.messages(orderID: order).contains { $0.body == "On my way to the door, thanks! é 香" }
                    if !received { try await Task.sleep(for: .milliseconds(100)) }
                }
                #expect(received, "the server received the reply")
                try tmux.waitForScreen("the reply as sent") { $0.contains("Message sent") || $0.contains("Sierra") }
                try tmux.keys("Escape")

                // Narrow: the panes stack.
                try tmux.resize(width: 70, height: 40)
                let narrow = try tmux.waitForScreen("the stacked layout") { screen in
                    let lines = screen.split(separator: "\n")
                    return lines.first.map { $0.count <= 70 } == true && !lines.contains { $0.contains("Timeline") && $0.contains("Handling") }
                        && screen.contains("Items")
                }
                #expect(narrow.split(separator: "\n").allSatisfy { $0.count <= 70 })
                try tmux.resize(width: 30, height: 8)
                try tmux.waitForScreen("the too-small message") { $0.contains("too small") }
                try tmux.resize(width: 120, height: 40)
                try tmux.waitForScreen("the wide layout again") { $0.split(separator: "\n").contains { $0.contains("Timeline") && $0.contains("Handling") } }

                // SIGTERM: the process exits with 128+15 and leaves the terminal sane.
                let shellPID = try tmux.format("#{pane_pid}")
                let child = try Shell.output("pgrep -P \(shellPID) -f 'ordertop watch'").trimmingCharacters(in: .whitespacesAndNewlines)
                #expect(!child.isEmpty, "found the ordertop process")
                _ = try Shell.output("kill -TERM \(child)")
                let after = try tmux.waitForScreen("the shell after exit") { $0.contains("STTY-DONE") }
                #expect(after.contains("EXIT=143"))
                let modes = Set(try String(contentsOfFile: sttyFile, encoding: .utf8).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
                #expect(modes.contains("icanon") && modes.contains("echo") && modes.contains("icrnl") && modes.contains("opost"),
                        "the terminal is back in canonical mode with echo: \(modes.sorted())")
                #expect(try tmux.format("#{alternate_on}") == "0", "left the alternate screen")
                #expect(try tmux.format("#{cursor_flag}") == "1", "the cursor is visible")
                #expect(try tmux.format("#{mouse_any_flag}") == "0", "mouse reporting is off")
            }
        }

        @Test("without a terminal, watch says so and suggests --plain")
        func noTerminal() throws {
            let binary = try Tmux.binary()
            let out = try Shell.output("ORDERTOP_TOKEN=t \(binary) watch --order x --base-url http://127.0.0.1:9 </dev/null 2>&1 | cat; echo EXIT=$?")
            #expect(out.contains("--plain"))
            #expect(!out.contains("Fatal error"))
        }

        @Test("--plain prints one line per change and exits at the end state")
        func plain() async throws {
            let binary = try Tmux.binary()
            let server = try await SandboxServer.start(SandboxConfiguration(port: 0))
            do {
                let anonymous = ConnectClient(baseURL: server.baseURL)
                let admin = try await anonymous.withClientToken()
                let token = try await anonymous.mintUserToken(for: "plain-user").accessToken
                let order = try await admin.createOrder(CreateOrderRequest(userID: "plain-user")).id.value
                let shopper = try await admin.createShopper(CreateShopperRequest()).id
                let batch = try await admin.createBatch(CreateBatchRequest(shopperID: shopper, orders: [BatchOrderRef(id: FlexibleID(order))]))
                _ = try await admin.advanceBatch(batch.id.value, to: "completed")
                let tokenFile = FileManager.default.temporaryDirectory.appendingPathComponent("tok-\(UUID().uuidString)")
                try token.write(to: tokenFile, atomically: true, encoding: .utf8)
                defer { try? FileManager.default.removeItem(at: tokenFile) }
                let out = try Shell.output("timeout 30 \(binary) watch --plain --base-url \(server.baseURL) --order \(order) --token-file \(tokenFile.path) --interval 0.1; echo EXIT=$?")
                #expect(out.contains("order \(order) delivery: Delivered"))
                #expect(out.contains("handling 501 Belt Line Rd"))
                #expect(out.contains("finished: Delivered"))
                #expect(out.contains("EXIT=0"))
            } catch {
                await server.stop()
                throw error
            }
            await server.stop()
        }

        @Test("--plain on a missing order, or another user's, prints one error line and exits 4")
        func plainMissingOrder() async throws {
            let binary = try Tmux.binary()
            let server = try await SandboxServer.start(SandboxConfiguration(port: 0))
            do {
                let anonymous = ConnectClient(baseURL: server.baseURL)
                let admin = try await anonymous.withClientToken()
                let theirs = try await admin.createOrder(CreateOrderRequest(userID: "someone-else")).id.value
                let token = try await anonymous.mintUserToken(for: "plain-user").accessToken
                for order in ["nope", theirs] {
                    let out = try Shell.output("ORDERTOP_TOKEN=\(token) timeout 20 \(binary) watch --plain --base-url \(server.baseURL) --order \(order) --interval 0.1; echo EXIT=$?")
                    #expect(out.contains("EXIT=4"), "\(out)")
                    #expect(out.split(separator: "\n").filter { $0.hasPrefix("error:") }.count == 1)
                    #expect(out.contains("error: order \(order) not found"))
                }
            } catch {
                await server.stop()
                throw error
            }
            await server.stop()
        }
    }
}

/// Runs a shell command and returns its output.
enum Shell {
    static func output(_ command: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let out = Pipe()
        process.standardOutput = out
        process.standardError = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
