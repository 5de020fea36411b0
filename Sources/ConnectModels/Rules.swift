import Foundation

// The rules that belong to the data. Each is written once here and used by the tracker, the
// dashboard and the sandbox alike, so two screens can never disagree about them.

/// Where a state stands relative to the documented start and stop points of polling and chat.
public enum WorkflowPhase: Hashable, Sendable {
    case waitingForShopper, beforePicking, shopping, afterCheckout, delivering, final
}

extension WorkflowState {
    /// The phase of a documented state; nil for a state the docs do not list.
    public var phase: WorkflowPhase? {
        switch self {
        case .brandNew: .waitingForShopper
        case .acknowledged, .stagedForDelivery, .waitingForDelivery, .acknowledgedForDelivery, .atStore: .beforePicking
        case .picking, .verifyingReplacements: .shopping
        case .checkout, .receiptSanityCheck, .bagsCheck, .staged, .bagsVerified, .readyForPickup, .userAtStore,
             .runnerAwaiting, .runnerAcknowledged: .afterCheckout
        case .delivering: .delivering
        case .delivered, .canceled: .final
        case .unknown: nil
        }
    }
}

extension WorkflowState {
    /// True in the states the docs open the chat in: while the shopper shops (picking and verifying
    /// replacements). `ChatWindow` adds what else closes it (last mile, an expired conversation).
    public var opensChat: Bool { phase == .shopping }
}

/// Whether the customer may write to the shopper now. The docs open the chat while the shopper
/// shops (picking and verifying replacements); last-mile orders have no shopping window at all.
public enum ChatWindow: Hashable, Sendable {
    case open
    /// Not open yet: a message written now waits for the shopper to start.
    case notYetOpen(reason: String)
    /// Closed for good in this state: a message written now fails.
    case closed(reason: String)

    /// The window for an order; nil before the order has been read.
    public init(order: Order?, conversationExpired: Bool = false) {
        guard let order else {
            self = .notYetOpen(reason: "Chat opens once the order has loaded.")
            return
        }
        self.init(type: order.fulfillmentType, state: order.workflowState, conversationExpired: conversationExpired)
    }

    public init(type: FulfillmentType, state: WorkflowState, conversationExpired: Bool = false) {
        if conversationExpired {
            self = .closed(reason: "This chat has expired.")
        } else if type == .lastMileDelivery, !state.isFinal {
            self = .closed(reason: "Last mile: no chat window; driver notes show here.")
        } else {
            switch state {
            case .canceled: self = .closed(reason: "Chat is closed: the order was canceled.")
            case .delivered: self = .closed(reason: "Chat is closed: the order was delivered.")
            case _ where state.opensChat: self = .open
            default:
                switch state.phase {
                case .waitingForShopper?, .beforePicking?, nil:
                    // Messages wait here; the words say what the person can expect of this state.
                    let soon = state == .brandNew || state == .acknowledged
                    self = .notYetOpen(reason: soon ? "Chat opens when the shopper starts picking (now: \(state.title))."
                                                    : "Chat is open only during picking (now: \(state.title)).")
                default: self = .closed(reason: "Chat is open only during picking (now: \(state.title)).")
                }
            }
        }
    }

    public var isOpen: Bool { self == .open }

    /// Why the customer cannot write now, or nil when the window is open.
    public var closedReason: String? {
        switch self {
        case .open: nil
        case .notYetOpen(let reason), .closed(let reason): reason
        }
    }
}

extension ChatConversation {
    /// True when a message came from a shopper (or a last-mile driver) rather than from the customer:
    /// the sender type says so, or the sender is one of the listed shoppers or the current shopper.
    public func isFromShopper(_ message: ChatMessage) -> Bool {
        if let customer = metadata?.customer?.id, message.senderID == customer { return false }
        if message.senderType == .driver { return true }
        guard let sender = message.senderID, let meta = metadata else { return false }
        return meta.shoppers.contains { $0.id == sender } || meta.currentShopper?.id == sender
    }

    /// True when a message came from the customer: the sender type says so, or the sender is the listed customer.
    public func isFromCustomer(_ message: ChatMessage) -> Bool {
        if message.senderType == .user { return true }
        guard let customer = metadata?.customer?.id else { return false }
        return message.senderID == customer
    }

    /// The shopper's messages the customer has not read, oldest first.
    public var unreadShopperMessages: [ChatMessage] {
        chatMessages.filter { !$0.read && isFromShopper($0) }
    }
}

/// Why a replacement cannot be approved or rejected now.
public enum ReplacementDecisionRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    case orderNotLoaded
    case notPicking(WorkflowState)
    case noPendingReplacement(itemName: String)

    public var description: String {
        switch self {
        case .orderNotLoaded: "The order has not been read yet"
        case .notPicking(let state): "Replacements can be answered only while the shopper is picking (now: \(state.title))"
        case .noPendingReplacement(let name): "\(name) has no pending replacement"
        }
    }
}

extension WorkflowState {
    /// Whether the customer may approve or reject replacements in this state. The docs allow it only
    /// while the shopper is picking; every screen, the tracker and the sandbox ask this one question.
    public var acceptsReplacementDecisions: Bool { self == .picking }
}

extension LineItem {
    /// True when the shopper suggested a replacement and is waiting for the customer's answer.
    public var hasPendingReplacement: Bool {
        status == .replaced && replacementStatus == .pending
    }

    /// Whether the customer may approve or reject this item's replacement in a state, and if not, why.
    /// The docs allow the decision only while the shopper is picking.
    public func replacementDecisionRefusal(in state: WorkflowState?) -> ReplacementDecisionRefusal? {
        guard hasPendingReplacement else { return .noPendingReplacement(itemName: item.name) }
        guard let state else { return .orderNotLoaded }
        guard state.acceptsReplacementDecisions else { return .notPicking(state) }
        return nil
    }
}

extension ConnectError {
    /// True when trying again later may succeed: no reply, a timeout, a 408, a 429, a 5xx, or a reply
    /// that did not decode (a proxy's error page). A 4xx other than those will give the same answer again.
    public var isTransient: Bool {
        switch self {
        case .transport: true
        case .http(_, let status, _, _): status == 408 || status == 429 || status >= 500
        case .decoding: true
        case .invalidRequest: false
        }
    }
}

/// The defaults a local sandbox and every client of it agree on.
public enum SandboxDefaults {
    public static let host = "127.0.0.1"
    public static let port = 7878
    public static let baseURL = "http://\(host):\(port)"
    public static let clientID = "sandbox-client"
    public static let clientSecret = "sandbox-secret"
}
