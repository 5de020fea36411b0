import ConnectModels
import Foundation

extension SandboxStore {
    // MARK: - Sandbox API

    /// `POST /v2/fulfillment_sandbox/shoppers`.
    func createShopper(_ request: CreateShopperRequest) throws -> IDResponse {
        let name = request.displayName?.trimmingCharacters(in: .whitespacesAndNewlines)
        if let name, name.count > 60 { throw SandboxError.badRequest("display_name is too long (maximum is 60 characters)", key: "display_name") }
        let id = newNumericID(digits: 8)
        shoppers[id] = ShopperRecord(id: id, displayName: (name?.isEmpty == false ? name! : pickShopperName()),
                                     email: request.email, phone: request.phone)
        return IDResponse(id: FlexibleID(id))
    }

    /// `POST /v2/fulfillment_sandbox/batches`.
    func createBatch(_ request: CreateBatchRequest) throws -> BatchResponse {
        guard shoppers[request.shopperID.value] != nil else { throw SandboxError.notFound("Shopper", key: "shopper_id") }
        guard !request.orders.isEmpty else { throw SandboxError.badRequest("orders can't be empty", key: "orders") }
        var records: [OrderRecord] = []
        for (index, ref) in request.orders.enumerated() {
            let key = "orders[\(index)].id"
            let order = try anyOrder(ref.id.value, key: key)
            if let user = ref.userID, !user.isEmpty, user != order.userID {
                throw SandboxError.notFound("Order", key: key)
            }
            guard !order.state.isFinal else {
                throw SandboxError.badRequest("Order is \(order.state.rawValue) and cannot be batched", key: key)
            }
            records.append(order)
        }
        let type = request.batchType ?? Workflow.defaultBatchType(for: records[0].fulfillmentType, state: records[0].state)
        guard type.isKnown else {
            throw SandboxError.badRequest("batch_type must be one of delivery, pickup, delivery_only, runner_customer", key: "batch_type")
        }
        for (index, order) in records.enumerated() where !Workflow.accepts(type, order: order.fulfillmentType) {
            throw SandboxError.badRequest("a \(type.rawValue) batch cannot carry a \(order.fulfillmentType.rawValue) order",
                                          key: "orders[\(index)].id")
        }
        if type == .runnerCustomer, let waiting = records.firstIndex(where: { ![.readyForPickup, .userAtStore].contains($0.state) }) {
            throw SandboxError.badRequest("a runner_customer batch needs an order that is ready_for_pickup", key: "orders[\(waiting)].id")
        }
        let state = request.workflowState?.lowercased() ?? Workflow.walk(for: type)[0]
        guard Workflow.settable(for: type).contains(state) else {
            throw SandboxError.badRequest("workflow_state \(state.prefix(40)) is not a state of a \(type.rawValue) batch", key: "workflow_state")
        }
        let id = newNumericID(digits: 9)
        let batch = BatchRecord(id: id, type: type, shopperID: request.shopperID.value, orderIDs: records.map(\.id), state: state)
        batches[id] = batch
        for order in records {
            var order = order
            order.shopperID = batch.shopperID
            if !order.shopperHistory.contains(batch.shopperID) { order.shopperHistory.append(batch.shopperID) }
            orders[order.id] = order
        }
        apply(batch)
        return BatchResponse(id: FlexibleID(id), workflowState: state)
    }

    /// `POST /v2/fulfillment_sandbox/batches/{id}/advance`.
    func advance(batchID: String, to requested: String?) throws -> BatchResponse {
        guard var batch = batches[batchID] else { throw SandboxError.notFound("Batch", key: "batch_id") }
        if let canceled = batch.orderIDs.first(where: { orders[$0]?.state == .canceled }) {
            throw SandboxError.badRequest("Order \(canceled) was canceled", key: "batch_id")
        }
        let target: String
        if let requested {
            target = requested.lowercased()
            guard Workflow.settable(for: batch.type).contains(target) else {
                throw SandboxError.badRequest("workflow_state \(requested.prefix(40)) is not a state of a \(batch.type.rawValue) batch; expected one of "
                                              + Workflow.settable(for: batch.type).joined(separator: ", "), key: "workflow_state")
            }
        } else {
            guard let next = Workflow.next(after: batch.state, for: batch.type) else {
                throw SandboxError.badRequest("The batch is already \(batch.state): there is no next state", key: "workflow_state")
            }
            target = next
        }
        batch.state = target
        batches[batchID] = batch
        apply(batch)
        return BatchResponse(id: FlexibleID(batchID), workflowState: target)
    }

    /// Shows a batch's state on its orders.
    private func apply(_ batch: BatchRecord) {
        let state = Workflow.orderState(batchState: batch.state, type: batch.type)
        for id in batch.orderIDs {
            guard var order = orders[id], order.state != .canceled else { continue }
            if order.state != state { stateChangeObserver?(id, state.rawValue) }
            order.state = state
            if state == .delivered, order.deliveredAt == nil { order.deliveredAt = now() }
            if state != .delivered { order.deliveredAt = nil }
            if state == .delivering, order.shopperLocation == nil {
                order.shopperLocation = DefaultOrder.storeLocation(near: order.coordinates)
            }
            orders[id] = order
        }
    }

    /// `PUT /v2/fulfillment_sandbox/shoppers/{shopper_id}/orders/{order_id}/items/{line_num}`.
    func updateItem(shopperID: String, orderID: String, lineNum: String, update: ShopperItemUpdate) throws -> SuccessResponse {
        guard shoppers[shopperID] != nil else { throw SandboxError.notFound("Shopper", key: "shopper_id") }
        var order = try anyOrder(orderID)
        guard order.shopperID == shopperID else {
            throw SandboxError.forbidden("Shopper \(shopperID) is not assigned to this order", key: "shopper_id")
        }
        guard let index = order.lines.firstIndex(where: { $0.lineNum == lineNum }) else {
            throw SandboxError.notFound("Line item", key: "line_num")
        }
        guard Workflow.shopping.contains(order.state) else {
            throw SandboxError.badRequest("Items can only change while the order is being shopped (it is \(order.state.rawValue))", key: "workflow_state")
        }
        for (value, key) in [(update.deliveredCount, "delivered_count"), (update.deliveredWeight, "delivered_weight")] {
            if let value, !(value.isFinite && value >= 0) { throw SandboxError.badRequest("\(key) must be a number >= 0", key: key) }
        }
        var line = order.lines[index].item
        switch update.status {
        case .found:
            line.status = .found
            line.replacement = nil
            line.replacementStatus = .unspecified
        case .notFound, .toRefund:
            // Not found ends as TO_REFUND: the documented item statuses have no NOT_FOUND.
            line.status = .toRefund
            line.replacement = nil
            line.replacementStatus = .unspecified
        case .replaced:
            guard let spec = update.replacementItem else {
                throw SandboxError.badRequest("replacement_item is required when status is replaced", key: "replacement_item")
            }
            let name = spec.name?.trimmingCharacters(in: .whitespacesAndNewlines)
            let label: String
            if let name, !name.isEmpty {
                label = name
            } else if let upc = spec.upc, !upc.isEmpty {
                label = "Replacement item (UPC \(upc.prefix(20)))"
            } else if let rrc = spec.rrc, !rrc.isEmpty {
                label = "Replacement item (RRC \(rrc.prefix(20)))"
            } else {
                throw SandboxError.badRequest("replacement_item needs a name, upc or rrc", key: "replacement_item")
            }
            let quantity = spec.quantity ?? update.deliveredCount.map(FlexibleNumber.init)
                ?? update.deliveredWeight.map(FlexibleNumber.init) ?? line.item.quantity
            line.status = .replaced
            line.replacementStatus = .pending
            line.replacement = OrderItem(name: label, imageURL: DefaultOrder.imageURL(for: label), quantity: quantity,
                                         costUnit: spec.costUnit ?? line.item.costUnit)
        case .unknown(let raw):
            throw SandboxError.badRequest("status \(raw.prefix(40)) must be one of found, not_found, replaced, to_refund", key: "status")
        }
        order.lines[index].item = line
        orders[orderID] = order
        return SuccessResponse(success: true)
    }

    // MARK: - Simulator extras

    /// `POST /v2/fulfillment_sandbox/orders`.
    func createOrder(_ request: CreateOrderRequest) throws -> IDResponse {
        let user = request.userID.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !user.isEmpty else { throw SandboxError.badRequest("user_id can't be blank", key: "user_id") }
        guard request.fulfillmentType.isKnown else {
            throw SandboxError.badRequest("fulfillment_type must be delivery, pickup or last_mile_delivery", key: "fulfillment_type")
        }
        if let coordinates = request.coordinates, !coordinates.isValid {
            throw SandboxError.badRequest("coordinates are out of range", key: "coordinates")
        }
        let wanted = request.items ?? (request.fulfillmentType == .lastMileDelivery ? [] : DefaultOrder.basket)
        if wanted.count > 200 { throw SandboxError.badRequest("at most 200 items", key: "items") }
        var lines: [OrderRecord.Line] = []
        for (index, item) in wanted.enumerated() {
            let name = item.name.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !name.isEmpty else { throw SandboxError.badRequest("name can't be blank", key: "items[\(index)].name") }
            guard let amount = item.quantity.doubleValue, amount > 0, amount.isFinite else {
                throw SandboxError.badRequest("quantity must be a number greater than 0", key: "items[\(index)].quantity")
            }
            guard item.costUnit.isKnown else {
                throw SandboxError.badRequest("cost_unit must be each, lb, kg or g", key: "items[\(index)].cost_unit")
            }
            let lineNum = item.lineNum ?? String(index + 1)
            if lines.contains(where: { $0.lineNum == lineNum }) {
                throw SandboxError.badRequest("line_num \(lineNum.prefix(20)) is used twice", key: "items[\(index)].line_num")
            }
            let orderItem = OrderItem(name: name, imageURL: DefaultOrder.imageURL(for: name),
                                      quantity: FlexibleNumber(amount), costUnit: item.costUnit)
            lines.append(OrderRecord.Line(lineNum: lineNum, item: LineItem(id: FlexibleID(makeLineItemID()), status: .notPicked,
                                                                      replacementStatus: .unspecified, item: orderItem)))
        }
        let id = makeOrderID()
        let created = now()
        let customerName = request.customerName?.trimmingCharacters(in: .whitespacesAndNewlines)
        let order = OrderRecord(
            id: id, userID: user, customerID: customerID(for: user),
            customerName: customerName?.isEmpty == false ? customerName! : DefaultOrder.customerName,
            fulfillmentType: request.fulfillmentType, createdAt: created,
            window: FulfillmentDetails(windowStartsAt: created, windowEndsAt: created.addingTimeInterval(2 * 3600)),
            state: .brandNew, lines: lines, address: request.address ?? DefaultOrder.address,
            coordinates: request.coordinates ?? DefaultOrder.coordinates,
            notes: request.notes ?? "", instructions: request.instructions ?? "")
        orders[id] = order
        orderIDs.append(id)
        return IDResponse(id: FlexibleID(id))
    }

    /// Simulator: moves the assigned shopper.
    func moveShopper(orderID: String, to coordinates: Coordinates) throws -> SuccessResponse {
        var order = try anyOrder(orderID)
        guard coordinates.isValid else { throw SandboxError.badRequest("latitude and longitude are out of range", key: "latitude") }
        guard order.shopperID != nil else { throw SandboxError.forbidden("No shopper is assigned to this order yet: create a batch first") }
        order.shopperLocation = coordinates
        orders[orderID] = order
        return SuccessResponse(success: true)
    }

    /// Simulator: cancels an order that is not delivered yet.
    func cancelOrder(_ orderID: String) throws -> SuccessResponse {
        var order = try anyOrder(orderID)
        guard order.state != .delivered else { throw SandboxError.badRequest("Order is already delivered", key: "order_id") }
        order.state = .canceled
        orders[orderID] = order
        return SuccessResponse(success: true)
    }

    // MARK: - Account linking

    /// `POST /v2/fulfillment_sandbox/instacart_users`.
    func createInstacartUser(_ request: CreateInstacartUserRequest) throws -> IDResponse {
        guard request.email.contains("@") else { throw SandboxError.badRequest("email is not valid", key: "email") }
        guard !request.password.isEmpty else { throw SandboxError.badRequest("password can't be blank", key: "password") }
        let id = newNumericID(digits: 8)
        instacartUsers[id] = InstacartUserRecord(id: id, email: request.email, instacartplusMember: request.instacartplusMember ?? true)
        return IDResponse(id: FlexibleID(id))
    }

    /// `POST /v2/fulfillment_sandbox/instacart_users/{id}/authorize`.
    func authorize(instacartUserID: String, request: AuthorizeRequest) throws -> AuthorizeResponse {
        guard instacartUsers[instacartUserID] != nil else { throw SandboxError.notFound("Instacart user", key: "id") }
        guard let url = URL(string: request.redirectURI), url.scheme != nil else {
            throw SandboxError.badRequest("redirect_uri is not a valid URI", key: "redirect_uri")
        }
        guard request.scope == TokenScope.accountLinking else {
            throw SandboxError.badRequest("scope must be account_linking", key: "scope")
        }
        let code = makeCode()
        codes[code] = AuthorizationCodeRecord(instacartUserID: instacartUserID, redirectURI: request.redirectURI)
        return AuthorizeResponse(code: code)
    }

    /// `GET /v2/fulfillment/users/{user_id}/link`.
    func linkStatus(userID: String) throws -> LinkStatus {
        guard let linked = links[userID], let user = instacartUsers[linked] else {
            throw SandboxError.badRequest("User Not Linked", key: "user_id")
        }
        let expiry = user.instacartplusMember ? now().addingTimeInterval(365 * 86_400) : nil
        return LinkStatus(instacartplusMember: user.instacartplusMember, expressMember: user.instacartplusMember, expiredAt: expiry)
    }

    /// `POST /v2/fulfillment/users/{user_id}/link`.
    func link(userID: String, linkingToken: String) throws -> SuccessResponse {
        guard !userID.isEmpty else { throw SandboxError.badRequest("user_id can't be blank", key: "user_id") }
        guard let record = tokens[linkingToken], case .linking(let instacartUser) = record.grant, record.expiresAt > now() else {
            throw SandboxError.badRequest("Linking token is invalid", key: "linking_token")
        }
        links[userID] = instacartUser
        return SuccessResponse(success: true)
    }

    // MARK: - Widget session

    /// `POST /idp/v1/init`: no session cookie creates one; a known one is kept; an unknown one is refused.
    func initSession(cookie: String?) -> (status: Int, newSession: String?) {
        guard let cookie else {
            let id = newSessionID()
            sessions.insert(id)
            return (200, id)
        }
        return sessions.contains(cookie) ? (200, nil) : (403, nil)
    }
}
