import ConnectClient
import ConnectModels
import ConnectSandbox
import Foundation
import Testing

extension EndToEnd {
    /// `ordertop replay FILE.har` in tmux on recordings the real binary made: the header, the keys, the exit.
    @Suite("ordertop replay in tmux", .serialized, .enabled(if: Tmux.available, "tmux is not installed"))
    struct ReplayTmuxEndToEndTests {
        static func header(_ screen: String) -> String {
            screen.split(separator: "\n", omittingEmptySubsequences: false).first.map(String.init) ?? ""
        }

        /// The `REPLAY HH:MM:SS` of a header, as seconds of the day.
        static func replayClock(_ header: String) -> Int? {
            guard let match = header.firstMatch(of: /REPLAY (\d{2}):(\d{2}):(\d{2})/),
                  let h = Int(match.1), let m = Int(match.2), let s = Int(match.3) else { return nil }
            return h * 3600 + m * 60 + s
        }

        /// Every UTC second of the day from a little before `span` to a little after it.
        static func seconds(around span: ClosedRange<Date>) -> Set<Int> {
            let from = Int(span.lowerBound.timeIntervalSince1970.rounded(.down)) - 2
            let to = Int(span.upperBound.timeIntervalSince1970.rounded(.up)) + 1
            return Set((from...to).map { $0 % 86_400 })
        }

        static func expectSaneTerminal(_ tmux: Tmux, stty: String) throws {
            let modes = Set(try String(contentsOfFile: stty, encoding: .utf8).split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == ";" }).map(String.init))
            #expect(modes.contains("icanon") && modes.contains("echo") && modes.contains("icrnl") && modes.contains("opost"),
                    "the terminal is back in canonical mode with echo: \(modes.sorted())")
            #expect(try tmux.format("#{alternate_on}") == "0", "left the alternate screen")
            #expect(try tmux.format("#{cursor_flag}") == "1", "the cursor is visible")
            #expect(try tmux.format("#{mouse_any_flag}") == "0", "mouse reporting is off")
        }

        /// The shell line that runs `ordertop` with `arguments` in tmux, then saves `stty -a` and says it is done.
        static func command(_ arguments: String, in scene: RecordingScene, stty: String) throws -> String {
            "env TZ=UTC XDG_STATE_HOME=\(scene.dir.path) XDG_CONFIG_HOME=\(scene.dir.path) TERM=tmux-256color \(try Tmux.binary()) \(arguments); "
                + "echo EXIT=$?; stty -a > \(stty); echo STTY-DONE; sleep 60"
        }

        @Test("replay --speed 1: REPLAY and a recorded time in the header; space pauses; n moves the order on; i is refused; q exits 0")
        func replayDashboard() async throws {
            try await RecordingScene.run { scene in
                let har = scene.path("delivery.har")
                let order = try await scene.order(user: "tmux-user")
                let live = try JSONRun(scene.watchJSON(user: "tmux-user", order: order, record: har))
                defer { live.stop() }
                // Brand new lasts 5 recorded seconds, so a replay in real time is still there when space pauses it.
                try await scene.walkToDelivered(order, seenBy: live) {
                    try await poll("5 recorded seconds of brand_new") { () -> Bool? in
                        guard let replies = RecordedHAR.read(har)?.stateReplies(order: order), let first = replies.first,
                              let last = replies.last else { return nil }
                        return last.at.timeIntervalSince(first.at) >= 5 ? true : nil
                    }
                }
                #expect(try await live.waitForExit() == 0, "stderr: \(live.stderr)")
                let span = try #require(RecordedHAR.read(har)?.span)

                let tmux = Tmux()
                defer { tmux.kill() }
                let stty = scene.path("stty.txt")
                try tmux.start(try Self.command("replay \(har) --speed 1", in: scene, stty: stty), width: 160, height: 40)
                let playing = try tmux.waitForScreen("the REPLAY header in brand_new") {
                    Self.replayClock(Self.header($0)) != nil && Self.header($0).contains("Brand new")
                }
                let shown = try #require(Self.replayClock(Self.header(playing)))
                #expect(Self.seconds(around: span).contains(shown), "the header shows the recorded time: \(Self.header(playing))")
                #expect(playing.contains("replay, nothing is sent"), "the hints say so")

                try tmux.keys("Space")
                let paused = try tmux.waitForScreen("(paused)") { Self.header($0).contains("(paused)") }
                #expect(Self.header(paused).contains("Brand new"))
                let pausedAt = try #require(Self.replayClock(Self.header(paused)))

                // n jumps to the next change; the first few may be other replies, so press until the order moves on.
                var moved = paused
                for _ in 0..<20 {
                    try tmux.keys("n")
                    if let screen = try? tmux.waitForScreen("the next change", seconds: 1, { !Self.header($0).contains("Brand new") }) {
                        moved = screen
                        break
                    }
                }
                let movedHeader = Self.header(moved)
                #expect(movedHeader.contains("Acknowledged") && movedHeader.contains("(paused)"), "n moves on and stays paused: \(movedHeader)")
                let movedAt = try #require(Self.replayClock(movedHeader))
                #expect((movedAt - pausedAt + 86_400) % 86_400 >= 4, "the clock jumped over the held seconds: \(pausedAt) -> \(movedAt)")

                try tmux.keys("i")
                try tmux.waitForScreen("the refusal") { $0.contains("Replay: nothing is sent") }

                try tmux.keys("q")
                let after = try tmux.waitForScreen("the shell after exit") { $0.contains("STTY-DONE") }
                #expect(after.contains("EXIT=0"), "\(after)")
                try Self.expectSaneTerminal(tmux, stty: stty)
            }
        }

        @Test("a board's recording replays as a board: ordertop board and REPLAY in the header, both orders on rows, q exits 0")
        func replayBoard() async throws {
            try await RecordingScene.run { scene in
                let har = scene.path("board.har")
                let orders = [try await scene.order(user: "desk-a"), try await scene.order(user: "desk-b")]
                let ordersFile = scene.path("orders.txt")
                try "desk-a \(orders[0])\ndesk-b \(orders[1])\n".write(toFile: ordersFile, atomically: true, encoding: .utf8)
                let live = try JSONRun(["board", "--json", "--orders", ordersFile, "--base-url", scene.server.baseURL, "--interval", "0.1",
                                        "--slow-interval", "0.1", "--max-rps", "100", "--record", har])
                defer { live.stop() }
                for order in orders { try await live.waitForState("brand_new", order: order) }
                _ = try await scene.assign(orders[0])
                try await live.waitForState("acknowledged", order: orders[0])
                // SIGTERM: the recording is written whole on the way out.
                live.process.terminate()
                _ = try await live.waitForExit(seconds: 30)
                let recording = try #require(RecordedHAR.read(har))
                #expect(recording.states(order: orders[0]) == ["brand_new", "acknowledged"])

                let tmux = Tmux()
                defer { tmux.kill() }
                let stty = scene.path("stty.txt")
                try tmux.start(try Self.command("replay \(har) --speed 1", in: scene, stty: stty), width: 140, height: 30)
                let board = try tmux.waitForScreen("the board with both orders") { screen in
                    orders.allSatisfy { screen.contains(String($0.suffix(7))) } && Self.header(screen).contains("2 orders")
                }
                let header = Self.header(board)
                #expect(header.contains("ordertop board") && Self.replayClock(header) != nil, "\(header)")
                #expect(Self.seconds(around: try #require(recording.span)).contains(try #require(Self.replayClock(header))))
                #expect(!board.contains("Timeline"), "a board, not one order's dashboard")
                // The bottom line has the hints, which say nothing is sent, until the recording has been played; it
                // stops before the orders end, and then the line says so (the recorded time stands still from there).
                #expect(board.contains("replay, nothing is sent") || board.contains("The recording ends here"), "\(board)")
                try tmux.waitForScreen("the end of the recording") { $0.contains("The recording ends here") }

                try tmux.keys("q")
                let after = try tmux.waitForScreen("the shell after exit") { $0.contains("STTY-DONE") }
                #expect(after.contains("EXIT=0"), "\(after)")
                try Self.expectSaneTerminal(tmux, stty: stty)
            }
        }
    }
}
