import ConnectClient
import ConnectModels
import ConnectSandbox
import Foundation
import TestSupport

/// A live sandbox with one order in picking for a user, a private tmux and a state folder, all cleaned up
/// afterwards: what the tests of `ordertop watch` in tmux start from.
struct PickingOrderScene {
    let binary: String
    let server: SandboxServer
    let tmux: Tmux
    let stateDir: URL
    let admin: ConnectClient
    let order: String
    let shopper: FlexibleID
    /// The user's access token, for ORDERTOP_TOKEN.
    let token: String

    static func run(user: String, _ body: (PickingOrderScene) async throws -> Void) async throws {
        let binary = try Tmux.binary()
        let server = try await SandboxServer.start(SandboxConfiguration(port: 0))
        let tmux = Tmux()
        let stateDir = FileManager.default.temporaryDirectory.appendingPathComponent("ordertop-e2e-\(UUID().uuidString)")
        defer {
            tmux.kill()
            try? FileManager.default.removeItem(at: stateDir)
        }
        do {
            let anonymous = ConnectClient(baseURL: server.baseURL)
            let admin = try await anonymous.withClientToken()
            let token = try await anonymous.mintUserToken(for: user).accessToken
            let order = try await admin.createOrder(CreateOrderRequest(userID: user, customerName: "Sierra")).id.value
            let shopper = try await admin.createShopper(CreateShopperRequest(displayName: "Zelma")).id
            let batch = try await admin.createBatch(CreateBatchRequest(shopperID: shopper, orders: [BatchOrderRef(id: FlexibleID(order))]))
            _ = try await admin.advanceBatch(batch.id.value) // picking: the chat is open
            try FileManager.default.createDirectory(at: stateDir, withIntermediateDirectories: true)
            try await body(PickingOrderScene(binary: binary, server: server, tmux: tmux, stateDir: stateDir, admin: admin,
                                             order: order, shopper: shopper, token: token))
        } catch {
            await server.stop()
            throw error
        }
        await server.stop()
    }
}
