import ConnectClient
import ConnectModels
import Foundation

// The step runner: each scripted action as sandbox calls, with one retry for failures that may pass.
extension ScriptedShopper {
    func perform(_ index: Int) async {
        let step = scenario.steps[index]
        emit(.stepStarted(index: index, step: step))
        do {
            try await attempt(step.action)
            emit(.stepDone(index: index, step: step))
        } catch where Self.worthRetrying(error) && !cancelled {
            do {
                try await attempt(step.action)
                emit(.stepDone(index: index, step: step))
            } catch {
                emit(.failed(index: index, what: step.description, error: Self.describe(error)))
            }
        } catch {
            emit(.failed(index: index, what: step.description, error: Self.describe(error)))
        }
    }

    private func attempt(_ action: DemoAction) async throws {
        switch action {
        case .createShopper(let name):
            let slug = name.lowercased().filter { $0.isASCII && $0.isLetter }
            let request = CreateShopperRequest(email: "\(slug).\(scenario.seed)@shoppers.example.com", phone: "555-0100",
                                               password: "demo-\(scenario.seed)", displayName: name)
            shopperID = try await client.createShopper(request).id.value
        case .createBatch(let role, let type):
            let shopper = try need(shopperID, "no shopper to assign: creating the shopper failed earlier")
            let request = CreateBatchRequest(batchType: type, shopperID: FlexibleID(shopper),
                                             orders: [BatchOrderRef(id: FlexibleID(orderID), userID: userID)])
            let batch = try await client.createBatch(request)
            batchIDs[role] = batch.id.value
            if role == .main { mainBatchState = batch.workflowState }
        case .advance(let role, let state):
            let batch = try need(batchIDs[role], "no \(role.rawValue) batch: creating it failed earlier")
            let reply = try await client.advanceBatch(batch, to: state)
            if role == .main { mainBatchState = reply.workflowState }
        case .updateItem(let line, let update):
            let shopper = try need(shopperID, "no shopper: creating the shopper failed earlier")
            _ = try await client.updateShopperItem(shopperID: shopper, orderID: orderID, lineNum: line, update)
        case .say(let text):
            _ = try await client.shopperSays(orderID: orderID, body: text)
        case .move(let point):
            _ = try await client.moveShopper(orderID: orderID, to: point)
        case .userArrived:
            let customer = try need(userClient, "no user token was given, so the customer cannot say they arrived")
            _ = try await customer.userArrived(orderID: orderID)
        }
    }

    private func need<T>(_ value: T?, _ problem: String) throws -> T {
        guard let value else { throw ConnectError.invalidRequest(problem) }
        return value
    }

    /// Worth one more try: the request never arrived, or the server was busy or broken for a moment.
    static func worthRetrying(_ error: any Error) -> Bool {
        switch error as? ConnectError {
        case .transport(_, _, _, let mayHaveBeenSent): !mayHaveBeenSent
        case .http(_, let status, _, _): status == 408 || status == 429 || status >= 500
        default: false
        }
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? ConnectError { return error.description }
        return String(describing: error)
    }
}
