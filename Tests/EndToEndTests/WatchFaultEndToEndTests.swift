import ConnectClient
import ConnectModels
import ConnectSandbox
import Foundation
import TestSupport
import Testing

extension EndToEnd {
    /// Messages typed into the real binary while the sandbox drops replies and answers 503.
    @Suite("ordertop watch in tmux, faulty server", .serialized, .enabled(if: Tmux.available, "tmux is not installed"))
    struct WatchFaultEndToEndTests {
        @Test("messages typed while replies are dropped and 503s come each reach the server exactly once, none stays queued")
        func exactlyOnceUnderFaults() async throws {
            try await PickingOrderScene.run(user: "fault-user") { scene in
                let (binary, server, tmux, stateDir) = (scene.binary, scene.server, scene.tmux, scene.stateDir)
                let (order, token) = (scene.order, scene.token)
                let command = "env ORDERTOP_TOKEN=\(token) XDG_STATE_HOME=\(stateDir.path) TERM=tmux-256color \(binary) watch --base-url \(server.baseURL) --order \(order) --interval 0.3; echo EXIT=$?; sleep 60"
                try tmux.start(command, width: 120, height: 40)
                try tmux.waitForScreen("the dashboard") { $0.contains("Picking") && $0.contains("Still shopping") }

                // Replies carried out but never answered, and refusals, on every path the watcher uses.
                let chat = "/v2/post_checkout/chat/\(order)/messages"
                await server.injectFault(Fault(pathPrefix: chat, method: "POST", kind: .dropResponse, count: 2))
                await server.injectFault(Fault(pathPrefix: chat, method: "POST", kind: .status(503), count: 2))
                await server.injectFault(Fault(pathPrefix: chat, method: "GET", kind: .status(503), count: 2))
                await server.injectFault(Fault(pathPrefix: "/v2/post_checkout/orders/\(order)", method: "GET", kind: .status(503), count: 2))
                let bodies = (1...4).map { "Message \($0): yes to the swap, thanks" }
                for body in bodies {
                    try tmux.keys("i")
                    try tmux.type(body)
                    try tmux.waitForScreen("the typed text") { $0.contains(body) }
                    try tmux.keys("Enter")
                    try tmux.keys("Escape")
                }
                var counts: [String: Int] = [:]
                for _ in 0..<300 {
                    let messages = await server.store.messages(orderID: order).map(\.body)
                    counts = Dictionary(bodies.map { b in (b, messages.filter { $0 == b }.count) }, uniquingKeysWith: +)
                    if counts.values.allSatisfy({ $0 >= 1 }) { break }
                    try await Task.sleep(for: .milliseconds(100))
                }
                #expect(counts.values.allSatisfy { $0 == 1 }, "each message reached the server exactly once: \(counts)")
                let settled = try tmux.waitForScreen("no message left queued or sending") { screen in
                    !screen.contains("[queued") && !screen.contains("[sending")
                }
                #expect(!settled.contains("failed:"))
                #expect(await server.store.pendingFaults().isEmpty, "every fault was met")
                // A little later still nothing went twice: the watcher's retries found the dropped ones on the server.
                let messages = await server.store.messages(orderID: order).map(\.body)
                #expect(bodies.allSatisfy { b in messages.filter { $0 == b }.count == 1 })
                try tmux.keys("q")
                try tmux.waitForScreen("the shell after exit") { $0.contains("EXIT=0") }
            }
        }
    }
}
