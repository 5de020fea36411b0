import ConnectClient
import ConnectModels
@testable import ConnectSandbox
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

extension EndToEnd {
    /// `--record FILE.har` on the real binary against a real sandbox, and `ordertop replay FILE.har --json` on what it wrote.
    @Suite("--record and ordertop replay from the command line", .serialized)
    struct ReplayEndToEndTests {
        /// A replay that ran to its end: its exit status, its output, and stdout as checked JSON objects.
        struct Replayed {
            var code: Int32
            var stderr: String
            var objects: [[String: Any]]
        }

        /// `ordertop replay FILE --json --speed X`, run to its end. Every stdout line must be a JSON object with
        /// `type`, `order_id` and an ISO 8601 `time`, or this throws.
        static func replayJSON(_ har: String, speed: String) async throws -> Replayed {
            let run = try JSONRun(["replay", har, "--json", "--speed", speed])
            defer { run.stop() }
            let code = try await run.waitForExit(seconds: 90)
            return Replayed(code: code, stderr: run.stderr, objects: try run.objects(complete: true))
        }

        static func times(_ objects: [[String: Any]]) -> [Date] {
            objects.compactMap { ($0["time"] as? String).flatMap(RecordedHAR.date) }
        }

        @Test("SIGKILL mid-run leaves a file replay accepts: every line JSON, the states those recorded, replay_end last")
        func killedRecording() async throws {
            try await RecordingScene.run { scene in
                let har = scene.path("killed.har")
                let order = try await scene.order(user: "kill-user")
                let live = try JSONRun(scene.watchJSON(user: "kill-user", order: order, record: har))
                defer { live.stop() }
                try await live.waitForState("brand_new", order: order)
                let batch = try await scene.assign(order)
                try await live.waitForState("acknowledged", order: order)
                _ = try await scene.admin.advanceBatch(batch)
                try await live.waitForState("picking", order: order)
                // The file is rewritten every 2 s: wait until what is on disk holds a change of state, then kill.
                try await poll("a recording on disk with a change of state") {
                    (RecordedHAR.read(har)?.states(order: order).count ?? 0) >= 2 ? true : nil
                }
                #expect(kill(live.process.processIdentifier, SIGKILL) == 0)
                _ = try await live.waitForExit(seconds: 10)
                #expect(live.process.terminationReason == .uncaughtSignal && live.process.terminationStatus == SIGKILL)

                let recording = try #require(RecordedHAR.read(har), "after SIGKILL the file is one whole JSON document")
                let walked = ["brand_new", "acknowledged", "picking"]
                let recorded = recording.states(order: order)
                #expect(recorded.count >= 2 && walked.starts(with: recorded), "recorded: \(recorded)")

                let replay = try await Self.replayJSON(har, speed: "50")
                #expect(replay.code == 0, "stderr: \(replay.stderr)")
                #expect(replay.stderr.isEmpty, "\(replay.stderr)")
                #expect(replay.objects.allSatisfy { $0["order_id"] as? String == order })
                let states = JSONRun.states(replay.objects, order: order)
                #expect(walked.starts(with: states), "the replay shows states the sandbox went through, in its order: \(states)")
                #expect(states == recorded, "every state the file holds, no more: \(states) vs \(recorded)")
                #expect(replay.objects.last?["type"] as? String == "replay_end", "the recording ended before the order did")
                #expect(!replay.objects.contains { $0["type"] as? String == "finished" })
                // Each line carries the recorded moment, not the replay's own.
                let span = try #require(recording.span)
                let times = Self.times(replay.objects)
                #expect(times.count == replay.objects.count && times == times.sorted())
                #expect(times.allSatisfy { $0 >= span.lowerBound.addingTimeInterval(-0.002) && $0 <= span.upperBound.addingTimeInterval(0.002) },
                        "times within the recording's \(span): \(replay.objects.compactMap { $0["time"] as? String })")
            }
        }

        @Test("record a delivery with watch --json --record, then replay --json: the same states, on the recorded times")
        func recordThenReplay() async throws {
            try await RecordingScene.run { scene in
                let har = scene.path("delivery.har")
                let order = try await scene.order(user: "replay-user")
                let live = try JSONRun(scene.watchJSON(user: "replay-user", order: order, record: har))
                defer { live.stop() }
                try await scene.walkToDelivered(order, seenBy: live)
                #expect(try await live.waitForExit() == 0, "stderr: \(live.stderr)")
                let seen = try live.objects(complete: true)
                let liveStates = JSONRun.states(seen, order: order)
                #expect(liveStates == EndToEnd.JSONEndToEndTests.deliveryStates)

                let replay = try await Self.replayJSON(har, speed: "20")
                #expect(replay.code == 0, "stderr: \(replay.stderr)")
                #expect(replay.stderr.isEmpty, "\(replay.stderr)")
                #expect(JSONRun.states(replay.objects, order: order) == liveStates)
                #expect(replay.objects.allSatisfy { $0["order_id"] as? String == order && $0["user_id"] as? String == "replay-user" })
                #expect(Set(replay.objects.compactMap { $0["type"] as? String }).isSuperset(of: ["order", "items", "handling", "finished"]))
                #expect(replay.objects.last?["type"] as? String == "finished" && replay.objects.last?["state"] as? String == "delivered")
                #expect(!replay.objects.contains { $0["type"] as? String == "replay_end" }, "the order ended before the recording")

                // The lines carry recorded times: inside the recording, though the replay ran after it. (Not each the
                // moment it was seen live: a tracker that falls behind the replay's clock prints later ones.)
                let span = try #require(RecordedHAR.read(har)?.span)
                let times = Self.times(replay.objects)
                #expect(times.count == replay.objects.count && times == times.sorted())
                #expect(times.allSatisfy { $0 >= span.lowerBound.addingTimeInterval(-0.002) && $0 <= span.upperBound.addingTimeInterval(0.002) },
                        "times within the recording's \(span): \(replay.objects.compactMap { $0["time"] as? String })")
            }
        }

        @Test("a recording holds no secret: no client secret, no Bearer value, no token the sandbox issued; mode 0600")
        func noSecrets() async throws {
            try await RecordingScene.run { scene in
                let (watchHAR, boardHAR) = (scene.path("watch.har"), scene.path("board.har"))
                let chat = "Gate kumquat-7731, leaving it by the door"
                var orders: [String] = []
                for user in ["secret-user-1", "secret-user-2"] {
                    let order = try await scene.order(user: user)
                    let batch = try await scene.assign(order)
                    _ = try await scene.admin.advanceBatch(batch)
                    _ = try await scene.admin.shopperSays(orderID: order, body: chat)
                    _ = try await scene.admin.advanceBatch(batch, to: "completed")
                    orders.append(order)
                }
                let watch = try JSONRun(scene.watchJSON(user: "secret-user-1", order: orders[0], record: watchHAR, extra: ["--redact-chat"]))
                defer { watch.stop() }
                #expect(try await watch.waitForExit() == 0, "stderr: \(watch.stderr)")
                let ordersFile = scene.path("orders.txt")
                try "secret-user-1 \(orders[0])\nsecret-user-2 \(orders[1])\n".write(toFile: ordersFile, atomically: true, encoding: .utf8)
                let board = try JSONRun(["board", "--json", "--orders", ordersFile, "--base-url", scene.server.baseURL, "--interval", "0.1",
                                         "--slow-interval", "0.1", "--max-rps", "100", "--record", boardHAR])
                defer { board.stop() }
                #expect(try await board.waitForExit() == 0, "stderr: \(board.stderr)")

                // Each mint gives a new token, so a fixed string proves nothing: look for every token the sandbox issued.
                let anonymous = ConnectClient(baseURL: scene.server.baseURL)
                let first = try await anonymous.mintUserToken(for: "secret-user-1").accessToken
                let second = try await anonymous.mintUserToken(for: "secret-user-1").accessToken
                #expect(first != second, "tokens differ per call")
                let issued = Array(await scene.server.store.tokens.keys)
                #expect(issued.count >= 6, "the admin's, the two above, watch's one and board's two: \(issued.count)")

                for path in [watchHAR, boardHAR] {
                    let name = URL(fileURLWithPath: path).lastPathComponent
                    let recording = try #require(RecordedHAR.read(path), "\(name) is a whole HAR")
                    let text = ([recording.text] + recording.bodies).joined(separator: "\n")
                    #expect(!text.contains(SandboxDefaults.clientSecret), "\(name) holds the client secret")
                    #expect(!text.contains("Bearer "), "\(name) holds a Bearer value")
                    let leaked = issued.filter { text.contains($0) }
                    #expect(leaked.isEmpty, "\(name) holds \(leaked.count) of the sandbox's \(issued.count) tokens")
                    // Not vacuous: the token calls and the authorised calls are in the file, their secrets replaced.
                    let accessTokens = text.matches(of: /access_token\\?"\s*:\s*\\?"([^"\\]*)/).map { String($0.1) }
                    #expect(!accessTokens.isEmpty && accessTokens.allSatisfy { $0 == "[redacted]" }, "\(name): \(accessTokens)")
                    let secrets = text.matches(of: /client_secret\\?"\s*:\s*\\?"([^"\\]*)/).map { String($0.1) }
                        + text.matches(of: /client_secret=([^&"\\\s]*)/).map { $0.1 == "%5Bredacted%5D" ? "[redacted]" : String($0.1) }
                    #expect(!secrets.isEmpty && secrets.allSatisfy { $0 == "[redacted]" }, "\(name): \(secrets)")
                    let authorizations = recording.entries.flatMap { entry in
                        (((entry["request"] as? [String: Any])?["headers"] as? [[String: Any]]) ?? [])
                            .filter { ($0["name"] as? String)?.lowercased() == "authorization" }.compactMap { $0["value"] as? String }
                    }
                    #expect(!authorizations.isEmpty && authorizations.allSatisfy { $0 == "[redacted]" }, "\(name): \(authorizations)")
                    let attributes = try FileManager.default.attributesOfItem(atPath: path)
                    #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(name) mode \(String(describing: attributes[.posixPermissions]))")
                }
                #expect(!(try #require(RecordedHAR.read(watchHAR))).text.contains("kumquat-7731"), "--redact-chat leaves the chat out")
                #expect(try #require(RecordedHAR.read(boardHAR)).bodies.contains { $0.contains("kumquat-7731") },
                        "without --redact-chat the chat is kept, so the check above can fail")
            }
        }

        @Test("replay on a bad file: exit 2, one error: line naming the file, nothing on stdout; bad flags are refused")
        func badInput() async throws {
            try await RecordingScene.run { scene in
                let good = scene.path("good.har")
                _ = try await scene.recordDeliveredOrder(user: "bad-user", to: good)
                // The whole recording replays, so what fails below fails for the damage done to it.
                let whole = try await Self.replayJSON(good, speed: "50")
                #expect(whole.code == 0 && whole.objects.last?["type"] as? String == "finished", "stderr: \(whole.stderr)")

                let data = try Data(contentsOf: URL(fileURLWithPath: good))
                try data.prefix(data.count / 2).write(to: URL(fileURLWithPath: scene.path("cut.har")))
                try Data("this is not JSON\n".utf8).write(to: URL(fileURLWithPath: scene.path("notes.har")))
                try Data(#"{"orders": [{"id": "1"}]}"#.utf8).write(to: URL(fileURLWithPath: scene.path("other.json")))
                try FileManager.default.createDirectory(atPath: scene.path("folder.har"), withIntermediateDirectories: false)
                var root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
                var log = try #require(root["log"] as? [String: Any])
                let entries = try #require(log["entries"] as? [[String: Any]])
                log["entries"] = entries.filter { !(URLComponents(string: RecordedHAR.url($0))?.path ?? "").hasPrefix("/v2/post_checkout/") }
                #expect((log["entries"] as? [Any])?.isEmpty == false, "the token call is left")
                root["log"] = log
                try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: scene.path("tokens-only.har")))
                log["entries"] = []
                root["log"] = log
                try JSONSerialization.data(withJSONObject: root).write(to: URL(fileURLWithPath: scene.path("no-entries.har")))

                let cases: [(name: String, says: String)] = [
                    ("missing.har", "no such file"), ("folder.har", "directory"), ("notes.har", "not JSON"), ("other.json", "not a HAR file"),
                    ("cut.har", "cut short"), ("tokens-only.har", "no Connect requests"), ("no-entries.har", "no requests"),
                ]
                for (name, says) in cases {
                    for mode: [String] in [[], ["--json"], ["--plain"]] {
                        let run = try JSONRun(["replay", scene.path(name)] + mode)
                        defer { run.stop() }
                        let code = try run.waitForExitNow()
                        let lines = run.stderr.split(separator: "\n", omittingEmptySubsequences: true)
                        #expect(code == 2, "\(name) \(mode): exit \(code), stderr: \(run.stderr)")
                        #expect(lines.count == 1 && lines[0].hasPrefix("error:") && lines[0].contains(name) && lines[0].contains(says),
                                "\(name) \(mode): \(run.stderr)")
                        #expect(run.stdout.isEmpty, "\(name) \(mode): \(run.stdout)")
                    }
                }

                let refused: [(arguments: [String], says: String)] = [
                    (["replay", good, "--plain", "--json"], "--plain and --json cannot be used together"),
                    (["replay", good, "--speed", "0"], "--speed must be between"),
                    (["watch", "--user", "u", "--order", "o", "--base-url", scene.server.baseURL, "--redact-chat"], "add --record"),
                ]
                for (arguments, says) in refused {
                    let run = try JSONRun(arguments)
                    defer { run.stop() }
                    let code = try run.waitForExitNow()
                    #expect(code != 0, "\(arguments): exit \(code)")
                    #expect(run.stderr.contains(says), "\(arguments): \(run.stderr)")
                    #expect(run.stdout.isEmpty, "\(arguments): \(run.stdout)")
                }
            }
        }
    }
}
