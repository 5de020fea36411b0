import ConnectClient
import ConnectModels
import ConnectSandbox
import Foundation
import TestSupport
import Testing

extension EndToEnd {
    /// The real `ordertop board` in tmux against a sandbox: rows, a filter, drilling in and out, quitting.
    @Suite("ordertop board in tmux", .serialized, .enabled(if: Tmux.available, "tmux is not installed"))
    struct BoardEndToEndTests {
        @Test("rows appear, a filter narrows them, Enter drills in and shows the address, Esc comes back, q quits cleanly")
        func boardSession() async throws {
            let binary = try Tmux.binary()
            let server = try await SandboxServer.start(SandboxConfiguration(port: 0))
            let tmux = Tmux()
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ordertop-board-\(UUID().uuidString)")
            defer {
                tmux.kill()
                try? FileManager.default.removeItem(at: dir)
            }
            do {
                let admin = try await ConnectClient(baseURL: server.baseURL).withClientToken()
                var lines = ["# three customers", "not-a-valid line here"]
                var ids: [String] = []
                for n in 1...3 {
                    let order = try await admin.createOrder(CreateOrderRequest(userID: "desk-user-\(n)", customerName: "Customer \(n)")).id.value
                    ids.append(order)
                    lines.append("desk-user-\(n) \(order)")
                }
                // One order in picking, with a shopper's question: it needs a person, so it comes first.
                let shopper = try await admin.createShopper(CreateShopperRequest(displayName: "Zelma")).id
                let batch = try await admin.createBatch(CreateBatchRequest(shopperID: shopper, orders: [BatchOrderRef(id: FlexibleID(ids[2]))]))
                _ = try await admin.advanceBatch(batch.id.value)
                _ = try await admin.shopperSays(orderID: ids[2], body: "Is Skyr OK instead of Greek yogurt?")
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                let file = dir.appendingPathComponent("orders.txt")
                try lines.joined(separator: "\n").write(to: file, atomically: true, encoding: .utf8)
                let stty = dir.appendingPathComponent("stty.txt").path
                let command = "env XDG_STATE_HOME=\(dir.path) XDG_CONFIG_HOME=\(dir.path) TERM=tmux-256color \(binary) board --base-url \(server.baseURL) --orders \(file.path) --interval 0.3; echo EXIT=$?; stty -a > \(stty); echo STTY-DONE; sleep 60"
                try tmux.start(command, width: 120, height: 30)

                func rows(_ screen: String) -> [Substring] {
                    screen.split(separator: "\n").filter { line in ids.contains { line.contains(String($0.suffix(7))) } }
                }
                // The order with an unread question needs a person, so it comes first once its chat is read.
                let board = try tmux.waitForScreen("three rows, the question first") { screen in
                    screen.contains("3 orders") && screen.contains("1 need") && rows(screen).count == 3
                        && rows(screen).first?.contains(String(ids[2].suffix(7))) == true
                }
                #expect(board.contains("orders.txt:2:"), "the bad line is reported with its number")

                // A filter narrows the rows.
                try tmux.keys("/")
                try tmux.type(String(ids[0].suffix(7)))
                try tmux.keys("Enter")
                let filtered = try tmux.waitForScreen("one row left") { $0.contains("1 shown") || $0.contains("filter:") }
                #expect(!filtered.contains(String(ids[1].suffix(7))) && filtered.contains(String(ids[0].suffix(7))))

                // Enter opens that order's dashboard with its address; Esc comes back to the board.
                try tmux.keys("Enter")
                let dashboard = try tmux.waitForScreen("the order's dashboard") { $0.contains("501 Belt Line Rd") && $0.contains("Timeline") }
                #expect(dashboard.contains(ids[0]))
                try tmux.keys("Escape")
                try tmux.waitForScreen("the board again") { $0.contains("sort: attention") && !$0.contains("Timeline") }

                try tmux.keys("q")
                let after = try tmux.waitForScreen("the shell after exit") { $0.contains("STTY-DONE") }
                #expect(after.contains("EXIT=0"))
                let modes = try String(contentsOfFile: stty, encoding: .utf8)
                #expect(modes.contains(" icanon") && modes.contains(" echo"), "the terminal is sane again")
                #expect(try tmux.format("#{alternate_on}") == "0")
            } catch {
                await server.stop()
                throw error
            }
            await server.stop()
        }

        @Test("--orders - follows orders piped in line by line while the keys still come from the terminal")
        func ordersFromAPipe() async throws {
            let binary = try Tmux.binary()
            let server = try await SandboxServer.start(SandboxConfiguration(port: 0))
            let tmux = Tmux()
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ordertop-pipe-\(UUID().uuidString)")
            defer {
                tmux.kill()
                try? FileManager.default.removeItem(at: dir)
            }
            do {
                let admin = try await ConnectClient(baseURL: server.baseURL).withClientToken()
                var ids: [String] = []
                for n in 1...2 {
                    ids.append(try await admin.createOrder(CreateOrderRequest(userID: "pipe-user-\(n)")).id.value)
                }
                try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
                // The second order comes 2 s after the first, on a pipe that stays open for a while, as from a simulator.
                let feed = "echo pipe-user-1 \(ids[0]); sleep 2; echo pipe-user-2 \(ids[1]); sleep 30"
                let command = "(\(feed)) | env XDG_STATE_HOME=\(dir.path) XDG_CONFIG_HOME=\(dir.path) TERM=tmux-256color \(binary) board --base-url \(server.baseURL) --orders - --interval 0.3; echo EXIT=$?; sleep 60"
                try tmux.start(command, width: 120, height: 20)
                // On a busy machine the board may start after both lines are in the pipe, so "2 orders" can come first.
                try tmux.waitForScreen("the first order") { $0.contains("1 order") || $0.contains("2 orders") }
                try tmux.waitForScreen("the second order, while the pipe is still open") { $0.contains("2 orders") }
                try tmux.keys("Enter")
                try tmux.waitForScreen("keys reach the board: a dashboard") { $0.contains("501 Belt Line Rd") }
                try tmux.keys("Escape", "q")
                // The shell still waits for the feeding side of the pipe; the board itself ends at once.
                var running = true
                for _ in 0..<100 where running {
                    // Only the ordertop process itself: the shells around it carry the same words.
                    running = !(try Shell.output("ps -eo comm=,args= | awk '$1 == \"ordertop\"' | grep -F -- '\(server.baseURL)' || true")).isEmpty
                    if running { try await Task.sleep(for: .milliseconds(100)) }
                }
                #expect(!running, "q ended the board")
            } catch {
                await server.stop()
                throw error
            }
            await server.stop()
        }
    }
}
