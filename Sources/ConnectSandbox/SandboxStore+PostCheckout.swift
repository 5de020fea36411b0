import ConnectModels
import Foundation

extension SandboxStore {
    /// `GET /v2/post_checkout/orders/{id}`.
    func order(_ id: String, user: String) throws -> Order {
        try ownedOrder(id, user: user).api
    }

    /// `GET .../items`: last-mile orders carry no items, as the docs say retailers do not send them.
    func items(_ id: String, user: String) throws -> [LineItem] {
        let order = try ownedOrder(id, user: user)
        return order.fulfillmentType == .lastMileDelivery ? [] : order.lines.map(\.item)
    }

    /// `GET .../handling`.
    func handling(_ id: String, user: String) throws -> Handling {
        let order = try ownedOrder(id, user: user)
        return Handling(address: order.address, coordinates: order.coordinates, dropoffLocation: "", notes: order.notes,
                        instructions: order.instructions, leaveUnattended: false, alcoholic: false, certifiedDelivery: false)
    }

    /// `GET .../location`: coordinates only while delivering.
    func location(_ id: String, user: String) throws -> ShopperLocation {
        let order = try ownedOrder(id, user: user)
        guard order.state == .delivering else { return ShopperLocation(coordinates: nil) }
        return ShopperLocation(coordinates: order.shopperLocation ?? DefaultOrder.storeLocation(near: order.coordinates))
    }

    /// `PUT .../items/{line_item_id}/replacement`.
    func decideReplacement(orderID: String, lineItemID: String, decision: ReplacementDecision, user: String) throws {
        var order = try ownedOrder(orderID, user: user)
        guard let index = order.lines.firstIndex(where: { $0.item.id.value == lineItemID }) else {
            throw SandboxError.notFound("Order item", key: "line_item_id")
        }
        guard decision.status == .approved || decision.status == .rejected else {
            throw SandboxError.badRequest("status must be APPROVED or REJECTED", key: "status")
        }
        if decision.status == .rejected, let alternative = decision.alternativeItem, let problem = alternative.validationError {
            throw SandboxError.badRequest(problem, key: "alternative_item")
        }
        var line = order.lines[index].item
        if line.replacementStatus == .approved || line.replacementStatus == .rejected {
            throw SandboxError.badRequest("Order item change already responded to", key: "line_item_id")
        }
        guard line.status == .replaced, line.replacementStatus == .pending else {
            throw SandboxError.badRequest("Order item has no replacement waiting for an answer", key: "line_item_id")
        }
        guard order.state.acceptsReplacementDecisions else {
            throw SandboxError.badRequest("Replacements can only be answered while the order is picking", key: "workflow_state")
        }
        line.status = decision.status == .approved ? .approved : .rejected
        line.replacementStatus = decision.status
        order.lines[index].item = line
        orders[orderID] = order
    }

    /// `GET .../pickup/details`.
    func pickupDetails(_ id: String, user: String) throws -> PickupDetails {
        let order = try ownedOrder(id, user: user)
        guard order.fulfillmentType == .pickup else {
            throw SandboxError.badRequest("Order is not a pickup order", key: "order_id")
        }
        return PickupDetails(pickupInstructions: DefaultOrder.pickupInstructions)
    }

    /// `POST .../pickup/user_arrived`.
    func userArrived(_ id: String, user: String) throws -> SuccessResponse {
        var order = try ownedOrder(id, user: user)
        guard order.fulfillmentType == .pickup else {
            throw SandboxError.badRequest("Order is not a pickup order", key: "order_id")
        }
        guard [.readyForPickup, .runnerAwaiting, .runnerAcknowledged, .userAtStore].contains(order.state) else {
            throw SandboxError.badRequest("Order is not ready for pickup (it is \(order.state.rawValue))", key: "workflow_state")
        }
        order.state = .userAtStore
        orders[id] = order
        return SuccessResponse(success: true)
    }
}
