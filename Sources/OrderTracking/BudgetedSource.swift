import ConnectModels
import Foundation

/// An `OrderDataSource` that waits for the board's shared budget before every call. Polls go at the order's
/// priority, learnt from the order replies passing through (busy while it is worked, waiting while it waits
/// for a shopper); a person's own actions (sending a message, answering a replacement) go as urgent. A 429
/// is reported to the budget, which slows the whole board, and then thrown as before, so the order's tracker
/// honours it too. It only ever delays a call, so a tracker never polls more often than its plan.
public struct BudgetedSource: OrderDataSource {
    public let base: any OrderDataSource
    public let budget: RequestBudget
    /// Shared with the copies `with(token:)` makes, so a new token keeps what was learnt.
    private let learnt: LearntPriority

    /// Wraps `base`; until the order has been read its polls count as busy.
    public init(_ base: any OrderDataSource, budget: RequestBudget) {
        self.init(base: base, budget: budget, learnt: LearntPriority())
    }

    private init(base: any OrderDataSource, budget: RequestBudget, learnt: LearntPriority) {
        self.base = base
        self.budget = budget
        self.learnt = learnt
    }

    /// The priority this order's polls go at now.
    public var pollPriority: RequestPriority { learnt.value }

    public func with(token: BearerToken?) -> BudgetedSource {
        BudgetedSource(base: base.with(token: token), budget: budget, learnt: learnt)
    }

    public func order(_ orderID: String) async throws -> Order {
        let base = base
        let order = try await budget.perform(learnt.value) { try await base.order(orderID) }
        learnt.value = RequestPriority(phase: order.workflowState.phase)
        return order
    }

    public func items(orderID: String) async throws -> [LineItem] {
        let base = base
        return try await budget.perform(learnt.value) { try await base.items(orderID: orderID) }
    }

    public func handling(orderID: String) async throws -> Handling {
        let base = base
        return try await budget.perform(learnt.value) { try await base.handling(orderID: orderID) }
    }

    public func location(orderID: String) async throws -> ShopperLocation {
        let base = base
        return try await budget.perform(learnt.value) { try await base.location(orderID: orderID) }
    }

    public func chatMessages(orderID: String) async throws -> ChatConversation {
        let base = base
        return try await budget.perform(learnt.value) { try await base.chatMessages(orderID: orderID) }
    }

    public func sendChatMessage(orderID: String, body: String, imageURL: String?) async throws -> SendChatMessageResponse {
        let base = base
        return try await budget.perform(.urgent) { try await base.sendChatMessage(orderID: orderID, body: body, imageURL: imageURL) }
    }

    public func markChatRead(orderID: String) async throws -> MarkReadResponse {
        let base = base
        return try await budget.perform(.urgent) { try await base.markChatRead(orderID: orderID) }
    }

    public func decideReplacement(orderID: String, lineItemID: String, decision: ReplacementDecision) async throws {
        let base = base
        try await budget.perform(.urgent) { try await base.decideReplacement(orderID: orderID, lineItemID: lineItemID, decision: decision) }
    }
}

/// The priority learnt from an order's last reply, shared by a source and its copies.
private final class LearntPriority: @unchecked Sendable {
    // Read and written under `lock`: the tracker's endpoint tasks call at the same time.
    private let lock = NSLock()
    private var stored = RequestPriority.busy

    var value: RequestPriority {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
