import ConnectClient
import ConnectModels
import ConnectSandbox
import Foundation
import Testing

extension EndToEnd {
    /// The `ordertop sandbox` client subcommands, run as a person would, against a real sandbox.
    @Suite("ordertop sandbox subcommands", .serialized)
    struct SandboxCLIEndToEndTests {
        /// Runs `ordertop sandbox ARGS --base-url URL` and returns its JSON reply, or nil when it printed none.
        static func json(_ binary: String, _ base: String, _ args: String) throws -> [String: Any]? {
            let out = try Shell.output("\(binary) sandbox \(args) --base-url \(base) 2>/dev/null")
            return try JSONSerialization.jsonObject(with: Data(out.utf8)) as? [String: Any]
        }

        @Test("the tutorial flow: create an order, a shopper and a batch, advance, speak, pick, move, deliver")
        func tutorial() async throws {
            let binary = try Tmux.binary()
            let server = try await SandboxServer.start(SandboxConfiguration(port: 0))
            do {
                let base = server.baseURL
                let order = try #require(try Self.json(binary, base, "create-order --user cli-user --customer-name Sierra")?["id"] as? String)
                let shopper = try #require(try Self.json(binary, base, "create-shopper --name Zelma")?["id"] as? Int)
                let batch = try #require(try Self.json(binary, base, "batch --shopper \(shopper) --order \(order)"))
                #expect(batch["workflow_state"] as? String == "acknowledged")
                let batchID = try #require(batch["id"] as? Int)
                #expect(try Self.json(binary, base, "advance \(batchID) --to picking")?["workflow_state"] as? String == "picking")
                _ = try Self.json(binary, base, "say \(order) 'Hi, this is Zelma'")
                _ = try Self.json(binary, base, "item --shopper \(shopper) --order \(order) 1 --status found")
                _ = try Self.json(binary, base, "item --shopper \(shopper) --order \(order) 2 --status replaced --replacement Plantains")
                let conversation = try #require(try Self.json(binary, base, "messages \(order)"))
                #expect((conversation["chat_messages"] as? [[String: Any]])?.first?["body"] as? String == "Hi, this is Zelma")
                #expect(try Self.json(binary, base, "advance \(batchID) --to delivering")?["workflow_state"] as? String == "delivering")
                _ = try Self.json(binary, base, "move \(order) --latitude 38.7 --longitude -89.98")

                let token = try Shell.output("\(binary) sandbox token --user cli-user --raw --base-url \(base)").trimmingCharacters(in: .whitespacesAndNewlines)
                let user = ConnectClient(baseURL: base, token: BearerToken(token))
                #expect(try await user.location(orderID: order).coordinates == Coordinates(latitude: 38.7, longitude: -89.98))
                let items = try await user.items(orderID: order)
                #expect(items[0].status == .found)
                #expect(items[1].status == .replaced && items[1].replacement?.name == "Plantains" && items[1].replacementStatus == .pending)
                #expect(try Self.json(binary, base, "advance \(batchID)")?["workflow_state"] as? String == "completed")
                #expect(try await user.order(order).workflowState == .delivered)
            } catch {
                await server.stop()
                throw error
            }
            await server.stop()
        }

        @Test("account linking and the widget session from the command line")
        func linkingAndInit() async throws {
            let binary = try Tmux.binary()
            let server = try await SandboxServer.start(SandboxConfiguration(port: 0))
            do {
                let base = server.baseURL
                let notLinked = try Shell.output("\(binary) sandbox link-status connect-7 --base-url \(base) 2>&1; echo EXIT=$?")
                #expect(notLinked.contains("User Not Linked") && notLinked.contains("EXIT=1"))
                let account = try #require(try Self.json(binary, base, "user --instacart-plus")?["id"])
                let status = try #require(try Self.json(binary, base, "link connect-7 --instacart-user \(account)"))
                #expect(status["instacartplus_member"] as? Bool == true)
                #expect(try Self.json(binary, base, "link-status connect-7")?["instacartplus_member"] as? Bool == true)

                let session = try #require(try Self.json(binary, base, "init"))
                #expect(session["status"] as? Int == 200)
                let cookie = try #require((session["cookies"] as? [String])?.first)
                #expect(try Self.json(binary, base, "init --cookie \(cookie)")?["status"] as? Int == 200, "a known session is kept")
                let refused = try Shell.output("\(binary) sandbox init --cookie _instacart_session=forged --base-url \(base); echo EXIT=$?")
                #expect(refused.contains("403") && refused.contains("EXIT=1"))
            } catch {
                await server.stop()
                throw error
            }
            await server.stop()
        }

        @Test("a sandbox that is not running gets a message that says what to do")
        func notRunning() throws {
            let binary = try Tmux.binary()
            let out = try Shell.output("\(binary) sandbox create-shopper --base-url http://127.0.0.1:9 2>&1; echo EXIT=$?")
            #expect(out.contains("Is `ordertop sandbox serve` running?"))
            #expect(out.contains("EXIT=1"))
        }
    }
}
