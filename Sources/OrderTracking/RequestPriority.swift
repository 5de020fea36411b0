import ConnectModels

/// How soon a request should go under the board's shared budget; a higher priority is granted first.
public enum RequestPriority: Int, Comparable, Hashable, Sendable, CaseIterable {
    /// An order waiting for a shopper (`brand_new`), or one that is over: a late answer costs little.
    case waiting
    /// An order being worked, from acknowledged to delivering, or one not read yet (its first read fills its row).
    case busy
    /// Token requests, and what a person waits for: a chat message, a replacement answer.
    case urgent

    /// The priority of an order's polls in a phase; an undocumented state (nil) counts as busy, so it is never starved.
    public init(phase: WorkflowPhase?) {
        switch phase {
        case .waitingForShopper?, .final?: self = .waiting
        case .beforePicking?, .shopping?, .afterCheckout?, .delivering?, nil: self = .busy
        }
    }

    public static func < (lhs: RequestPriority, rhs: RequestPriority) -> Bool { lhs.rawValue < rhs.rawValue }
}
