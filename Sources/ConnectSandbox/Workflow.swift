import ConnectModels

/// The batch workflows the Sandbox API walks, and how each batch state shows on the order.
enum Workflow {
    /// The states `advance` without a body walks through, in order.
    static func walk(for type: BatchType) -> [String] {
        switch type {
        case .delivery:
            ["acknowledged", "picking", "verifying_replacements", "checkout", "receipt_sanity_check", "delivering", "completed"]
        case .pickup:
            ["acknowledged", "picking", "verifying_replacements", "checkout", "receipt_sanity_check", "bags_check", "staged"]
        case .runnerCustomer:
            ["brand_new", "at_store", "bags_verified", "completed"]
        case .deliveryOnly:
            ["staged_for_delivery", "waiting_for_delivery", "acknowledged_for_delivery", "at_store", "bags_verified", "delivering", "completed"]
        case .unknown:
            []
        }
    }

    /// Every state `advance` may set by name: the walk plus states the docs use outside it
    /// (the order status tutorial sets a delivery batch to `staged`).
    static func settable(for type: BatchType) -> [String] {
        switch type {
        case .delivery:
            ["acknowledged", "picking", "verifying_replacements", "checkout", "receipt_sanity_check", "bags_check", "staged", "delivering", "completed"]
        default:
            walk(for: type)
        }
    }

    /// The state after `state` in the walk; states outside the walk continue from the next walk state after them.
    static func next(after state: String, for type: BatchType) -> String? {
        let walk = walk(for: type)
        if let index = walk.firstIndex(of: state) {
            return index + 1 < walk.count ? walk[index + 1] : nil
        }
        let settable = settable(for: type)
        guard let position = settable.firstIndex(of: state) else { return walk.first }
        return settable[(position + 1)...].first(where: walk.contains)
    }

    /// The order state a batch state shows as.
    static func orderState(batchState: String, type: BatchType) -> WorkflowState {
        switch (type, batchState) {
        case (_, "receipt_sanity_check"): .bagsCheck
        case (_, "completed"): .delivered
        case (.pickup, "staged"): .readyForPickup
        case (.runnerCustomer, "brand_new"): .runnerAwaiting
        case (.runnerCustomer, "at_store"): .runnerAcknowledged
        default: WorkflowState(rawValue: batchState)
        }
    }

    /// The batch type an order of this kind gets when the request names none.
    static func defaultBatchType(for order: FulfillmentType, state: WorkflowState) -> BatchType {
        switch order {
        case .pickup: [.readyForPickup, .userAtStore].contains(state) ? .runnerCustomer : .pickup
        case .lastMileDelivery: .deliveryOnly
        default: .delivery
        }
    }

    /// Which batch types can carry an order of this kind.
    static func accepts(_ batch: BatchType, order: FulfillmentType) -> Bool {
        switch order {
        case .delivery: batch == .delivery
        case .pickup: batch == .pickup || batch == .runnerCustomer
        case .lastMileDelivery: batch == .deliveryOnly
        case .unknown: false
        }
    }

    /// Order states in which the shopper may change items.
    static let shopping: Set<WorkflowState> = [.acknowledged, .picking, .verifyingReplacements]
}
