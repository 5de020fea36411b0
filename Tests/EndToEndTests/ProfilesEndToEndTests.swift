import ConnectClient
import ConnectModels
import ConnectSandbox
import Foundation
import Testing

extension EndToEnd {
    /// `ordertop watch --user` minting its own token, and `ordertop profiles`, run as a person would (no tmux).
    @Suite("profiles and minted tokens from the command line", .serialized)
    struct ProfilesEndToEndTests {
        /// An empty config folder, so a real one on this machine plays no part; removed afterwards.
        final class Home {
            let root = FileManager.default.temporaryDirectory.appendingPathComponent("ordertop-e2e-home-\(UUID().uuidString)")
            init() throws { try FileManager.default.createDirectory(at: root.appendingPathComponent("ordertop"), withIntermediateDirectories: true) }
            deinit { try? FileManager.default.removeItem(at: root) }
            /// `env` arguments that isolate the command from the caller's config, state and token.
            var env: String { "env -u ORDERTOP_TOKEN -u ORDERTOP_CLIENT_ID -u ORDERTOP_CLIENT_SECRET XDG_CONFIG_HOME=\(root.path) XDG_STATE_HOME=\(root.path)" }
        }

        @Test("watch --plain --user mints the user's token with the sandbox's credentials and prints the order")
        func plainWithMintedToken() async throws {
            let binary = try Tmux.binary()
            let home = try Home()
            let server = try await SandboxServer.start(SandboxConfiguration(port: 0))
            do {
                let admin = try await ConnectClient(baseURL: server.baseURL).withClientToken()
                let order = try await admin.createOrder(CreateOrderRequest(userID: "minted-user", customerName: "Sierra")).id.value
                let shopper = try await admin.createShopper(CreateShopperRequest()).id
                let batch = try await admin.createBatch(CreateBatchRequest(shopperID: shopper, orders: [BatchOrderRef(id: FlexibleID(order))]))
                _ = try await admin.advanceBatch(batch.id.value, to: "completed")
                let out = try Shell.output("\(home.env) timeout 30 \(binary) watch --plain --user minted-user --order \(order) --base-url \(server.baseURL) --interval 0.1; echo EXIT=$?")
                #expect(out.contains("order \(order) delivery: Delivered"), "\(out)")
                #expect(out.contains("handling 501 Belt Line Rd"))
                #expect(out.contains("finished: Delivered"))
                #expect(out.contains("EXIT=0"))
                #expect(!out.contains(SandboxDefaults.clientSecret))

                // Another user's order stays out of reach of this user's minted token.
                let theirs = try Shell.output("\(home.env) timeout 30 \(binary) watch --plain --user someone-else --order \(order) --base-url \(server.baseURL) --interval 0.1; echo EXIT=$?")
                #expect(theirs.contains("error: order \(order) not found") && theirs.contains("EXIT=4"), "\(theirs)")
            } catch {
                await server.stop()
                throw error
            }
            await server.stop()
        }

        @Test("a rejected secret, an unknown profile and an inline secret are one line each and a non-zero exit")
        func badCredentials() async throws {
            let binary = try Tmux.binary()
            let home = try Home()
            let server = try await SandboxServer.start(SandboxConfiguration(port: 0))
            do {
                let rejected = try Shell.output("\(home.env) ORDERTOP_CLIENT_SECRET=wrong-secret-123 timeout 30 \(binary) watch --plain --user u --order o --base-url \(server.baseURL); echo EXIT=$?")
                #expect(rejected == "error: profile sandbox: the client id or secret was rejected (HTTP 401): check client_id and ORDERTOP_CLIENT_SECRET\nEXIT=3\n")

                let unknown = try Shell.output("\(home.env) \(binary) watch --plain --user u --order o --profile nope; echo EXIT=$?")
                #expect(unknown == "error: profile nope is not defined; known profiles: sandbox (add [profiles.nope] to \(home.root.path)/ordertop/config.toml)\nEXIT=2\n")

                let config = home.root.appendingPathComponent("ordertop/config.toml")
                try "[profiles.staging]\nbase_url = \"\(server.baseURL)\"\nclient_secret = \"hunter2\"\n".write(to: config, atomically: true, encoding: .utf8)
                let inline = try Shell.output("\(home.env) \(binary) watch --plain --user u --order o --profile staging; echo EXIT=$?")
                #expect(inline.hasPrefix("error: \(config.path):3: profile staging: client_secret must not be written in the file"))
                #expect(inline.hasSuffix("\nEXIT=2\n") && inline.split(separator: "\n").count == 2)
                #expect(!inline.contains("hunter2"))
            } catch {
                await server.stop()
                throw error
            }
            await server.stop()
        }

        @Test("ordertop profiles lists names and base URLs, marks the default, warns about an open file, never shows a secret")
        func listProfiles() throws {
            let binary = try Tmux.binary()
            let home = try Home()
            let config = home.root.appendingPathComponent("ordertop/config.toml")
            let secret = home.root.appendingPathComponent("staging.secret")
            try "very-secret-77".write(to: secret, atomically: true, encoding: .utf8)
            try """
                default_profile = "staging"
                [profiles.staging]
                base_url = "https://connect.example.com"
                client_id = "abc"
                client_secret_file = "\(secret.path)"
                """.write(to: config, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: config.path)
            let out = try Shell.output("\(home.env) \(binary) profiles; echo EXIT=$?")
            #expect(out.contains("  sandbox  http://127.0.0.1:7878  (built in)"), "\(out)")
            #expect(out.contains("* staging  https://connect.example.com"))
            #expect(out.contains("warning: \(config.path) is open to other users (mode 0644): run chmod 600 \(config.path)"))
            #expect(out.contains("EXIT=0"))
            #expect(!out.contains("very-secret-77"))
        }
    }
}
