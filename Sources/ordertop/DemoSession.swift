import AppRuntime
import ConnectClient
import ConnectModels
import ConnectSandbox
import Foundation

/// A running demo: the sandbox in this process, a demo order with its customer's token, and the scripted shopper working it.
/// Both `ordertop demo --headless` and the dashboard path start one of these.
final class DemoSession: Sendable {
    let server: SandboxServer
    let order: ScenarioOrder
    let shopper: ScriptedShopper
    let seed: UInt64

    var baseURL: String { server.baseURL }
    var orderID: String { order.orderID }
    var userToken: BearerToken { order.userToken }
    /// A client with the customer's token: what a dashboard (an `OrderTracker`) polls with.
    var userClient: ConnectClient { order.userClient }

    /// What the dashboard's `space` and `n` keys do.
    var controls: DemoControls {
        let shopper = shopper
        return DemoControls(togglePause: { await shopper.togglePause() }, nextStep: { await shopper.skipToNextStep() })
    }

    /// The line to paste into another terminal to watch the same order.
    var watchCommandLine: String {
        "ORDERTOP_TOKEN=\(userToken.secret) ordertop watch --base-url \(baseURL) --order \(orderID)"
    }

    private init(server: SandboxServer, order: ScenarioOrder, shopper: ScriptedShopper, seed: UInt64) {
        self.server = server
        self.order = order
        self.shopper = shopper
        self.seed = seed
    }

    /// Starts the sandbox on `host:port` (0 = a free port), creates the customer and order, gets the user token through
    /// the documented `fulfillment_user_assertion` grant, and starts the shopper. Its events are buffered until read.
    static func start(scenario: DemoScenarioKind, speed: Double, seed: UInt64, port: Int, host: String = "127.0.0.1",
                      clock: any Clock<Duration> = ContinuousClock()) async throws -> DemoSession {
        let server = try await SandboxServer.start(SandboxConfiguration(host: host, port: port, seed: seed))
        do {
            let order = try await ScenarioSetup.createOrder(baseURL: server.baseURL, clientID: server.configuration.clientID,
                                                            clientSecret: server.configuration.clientSecret, kind: scenario, seed: seed)
            let shopper = order.makeShopper(seed: seed, clock: clock, speed: speed)
            await shopper.start()
            return DemoSession(server: server, order: order, shopper: shopper, seed: seed)
        } catch {
            await server.stop()
            throw error
        }
    }

    /// Stops the shopper and the sandbox.
    func stop() async {
        await shopper.stop()
        await server.stop()
    }
}
