import ConnectModels

/// How an endpoint is fetched in a given state.
public enum PollMode: Hashable, Sendable, CustomStringConvertible {
    /// Not fetched.
    case off
    /// Fetched once, retrying until it succeeds; a new tag means fetch once again.
    case once(String)
    /// Polled at a cadence.
    case poll(Cadence)

    /// How often a polled endpoint is fetched.
    public enum Cadence: String, Hashable, Sendable {
        case normal, slow
    }

    public var description: String {
        switch self {
        case .off: "off"
        case .once(let tag): "once(\(tag))"
        case .poll(let cadence): "poll(\(cadence.rawValue))"
        }
    }
}

/// Which endpoints are active for an order in one state, from the documented start and stop points.
/// It depends only on the current state, so a poller that skips states still gets the right plan.
public struct PollPlan: Hashable, Sendable, CustomStringConvertible {
    public var order: PollMode
    public var items: PollMode
    public var handling: PollMode
    public var location: PollMode
    public var chat: PollMode

    public init(order: PollMode, items: PollMode, handling: PollMode, location: PollMode, chat: PollMode) {
        self.order = order
        self.items = items
        self.handling = handling
        self.location = location
        self.chat = chat
    }

    /// The mode of one endpoint.
    public subscript(endpoint: TrackedEndpoint) -> PollMode {
        switch endpoint {
        case .order: order
        case .items: items
        case .handling: handling
        case .location: location
        case .chat: chat
        }
    }

    public var description: String {
        "order \(order), items \(items), handling \(handling), location \(location), chat \(chat)"
    }

    /// The plan before the order has been read: the order and the handling. Items wait for the
    /// order's type, because last-mile orders have none to ask for.
    public static func initial(for type: FulfillmentType?) -> PollPlan {
        PollPlan(order: .poll(.normal), items: (type == nil || type == .lastMileDelivery) ? .off : .once("initial"),
                 handling: .once("handling"), location: .off, chat: .off)
    }

    /// The plan for a known state, or nil for a state the docs do not list (the caller keeps its last plan).
    public static func plan(for type: FulfillmentType, state: WorkflowState) -> PollPlan? {
        guard let phase = state.phase else { return nil }
        let order: PollMode
        switch phase {
        case .waitingForShopper: order = .poll(.slow)
        case .final: order = .off
        default: order = .poll(.normal)
        }

        var items: PollMode
        switch phase {
        case .waitingForShopper, .beforePicking: items = .once("initial")
        case .shopping: items = .poll(.normal)
        case .afterCheckout, .delivering, .final: items = .once("final")
        }
        // Instacart does not hold the items of last-mile orders.
        if type == .lastMileDelivery { items = .off }

        let location: PollMode = (phase == .delivering && type != .pickup) ? .poll(.normal) : .off

        // Polled only while shopping, as documented. After that, one read on entering each later
        // stage shows what the shopper said last (a note at checkout, "on my way", "I'm here").
        var chat: PollMode
        switch phase {
        case .shopping: chat = type == .lastMileDelivery ? .off : .poll(.normal)
        case .afterCheckout: chat = .once("checkout")
        case .delivering: chat = .once("delivering")
        case .final: chat = .once("final")
        default: chat = .off
        }
        // Last-mile orders have no shopping window: never polled, but the driver's notes are read on
        // the way and at the door like any other order's.
        if type == .lastMileDelivery, phase != .delivering, phase != .final { chat = .off }
        return PollPlan(order: order, items: items, handling: .once("handling"), location: location, chat: chat)
    }
}
