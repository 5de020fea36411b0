import Foundation

/// How an order reaches the customer.
public enum FulfillmentType: TolerantEnum {
    case delivery, pickup, lastMileDelivery
    case unknown(String)

    public static let spellings: [(FulfillmentType, String)] = [
        (.delivery, "delivery"), (.pickup, "pickup"), (.lastMileDelivery, "last_mile_delivery"),
    ]
}

/// An order's workflow state, as the Get order endpoint reports it.
public enum WorkflowState: TolerantEnum {
    case brandNew, acknowledged, picking, verifyingReplacements, checkout, receiptSanityCheck, bagsCheck, staged
    case stagedForDelivery, waitingForDelivery, acknowledgedForDelivery, atStore, bagsVerified
    case readyForPickup, userAtStore, runnerAwaiting, runnerAcknowledged
    case delivering, delivered, canceled
    case unknown(String)

    public static let spellings: [(WorkflowState, String)] = [
        (.brandNew, "brand_new"), (.acknowledged, "acknowledged"), (.picking, "picking"),
        (.verifyingReplacements, "verifying_replacements"), (.checkout, "checkout"),
        (.receiptSanityCheck, "receipt_sanity_check"), (.bagsCheck, "bags_check"), (.staged, "staged"),
        (.stagedForDelivery, "staged_for_delivery"), (.waitingForDelivery, "waiting_for_delivery"),
        (.acknowledgedForDelivery, "acknowledged_for_delivery"), (.atStore, "at_store"), (.bagsVerified, "bags_verified"),
        (.readyForPickup, "ready_for_pickup"), (.userAtStore, "user_at_store"), (.runnerAwaiting, "runner_awaiting"),
        (.runnerAcknowledged, "runner_acknowledged"), (.delivering, "delivering"), (.delivered, "delivered"),
        (.canceled, "canceled"),
    ]

    /// Parses a state, also accepting the British spelling `cancelled`.
    public static func parse(_ raw: String) -> WorkflowState {
        raw.lowercased() == "cancelled" ? .canceled : WorkflowState(rawValue: raw)
    }

    /// The state in words, for people.
    public var title: String {
        switch self {
        case .unknown(let raw): raw
        default: rawValue.replacingOccurrences(of: "_", with: " ").capitalizedFirst
        }
    }

    /// True for the states after which nothing more happens.
    public var isFinal: Bool { self == .delivered || self == .canceled }

    /// The documented states of each fulfillment type, in the order an order passes through them.
    public static func timeline(for type: FulfillmentType) -> [WorkflowState] {
        switch type {
        case .delivery:
            [.brandNew, .acknowledged, .picking, .verifyingReplacements, .checkout, .bagsCheck, .staged, .delivering, .delivered]
        case .pickup:
            [.brandNew, .acknowledged, .picking, .verifyingReplacements, .checkout, .bagsCheck, .readyForPickup,
             .userAtStore, .runnerAwaiting, .runnerAcknowledged, .bagsVerified, .delivered]
        case .lastMileDelivery:
            [.brandNew, .stagedForDelivery, .waitingForDelivery, .acknowledgedForDelivery, .atStore, .bagsVerified,
             .delivering, .delivered]
        case .unknown:
            [.brandNew, .acknowledged, .picking, .checkout, .delivering, .delivered]
        }
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}

/// The delivery or pickup window the customer chose.
public struct FulfillmentDetails: Codable, Hashable, Sendable {
    public var windowStartsAt: Date?
    public var windowEndsAt: Date?

    enum CodingKeys: String, CodingKey { case windowStartsAt = "window_starts_at", windowEndsAt = "window_ends_at" }

    public init(windowStartsAt: Date? = nil, windowEndsAt: Date? = nil) {
        self.windowStartsAt = windowStartsAt
        self.windowEndsAt = windowEndsAt
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        windowStartsAt = try c.decodeIfPresent(Date.self, forKey: .windowStartsAt)
        windowEndsAt = try c.decodeIfPresent(Date.self, forKey: .windowEndsAt)
    }
}

/// The reply of `GET /v2/post_checkout/orders/{order_id}`.
public struct Order: Codable, Hashable, Sendable {
    public var id: FlexibleID
    public var creationDate: Date?
    public var workflowState: WorkflowState
    public var fulfillmentType: FulfillmentType
    public var fulfillmentDetails: FulfillmentDetails?
    public var pickupCategory: String?

    enum CodingKeys: String, CodingKey {
        case id, creationDate = "creation_date", workflowState = "workflow_state", fulfillmentType = "fulfillment_type"
        case fulfillmentDetails = "fulfillment_details", pickupCategory = "pickup_category"
    }

    public init(id: FlexibleID, creationDate: Date? = nil, workflowState: WorkflowState, fulfillmentType: FulfillmentType,
                fulfillmentDetails: FulfillmentDetails? = nil, pickupCategory: String? = nil) {
        self.id = id
        self.creationDate = creationDate
        self.workflowState = workflowState
        self.fulfillmentType = fulfillmentType
        self.fulfillmentDetails = fulfillmentDetails
        self.pickupCategory = pickupCategory
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(FlexibleID.self, forKey: .id)
        creationDate = try c.decodeIfPresent(Date.self, forKey: .creationDate)
        workflowState = WorkflowState.parse(try c.decode(String.self, forKey: .workflowState))
        fulfillmentType = try c.decodeIfPresent(FulfillmentType.self, forKey: .fulfillmentType) ?? .delivery
        fulfillmentDetails = try c.decodeIfPresent(FulfillmentDetails.self, forKey: .fulfillmentDetails)
        pickupCategory = try c.decodeIfPresent(String.self, forKey: .pickupCategory)
    }
}
