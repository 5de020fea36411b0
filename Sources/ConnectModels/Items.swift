import Foundation

/// Where a line item stands in the shop.
public enum ItemStatus: TolerantEnum {
    case notPicked, found, replaced, toRefund, approved, rejected, notFound
    case unknown(String)

    public static let spellings: [(ItemStatus, String)] = [
        (.notPicked, "not_picked"), (.found, "found"), (.replaced, "replaced"), (.toRefund, "to_refund"),
        (.approved, "approved"), (.rejected, "rejected"), (.notFound, "not_found"),
    ]
}

/// The customer's answer to a suggested replacement.
public enum ReplacementStatus: TolerantEnum {
    case pending, approved, rejected, unspecified
    case unknown(String)

    public static let spellings: [(ReplacementStatus, String)] = [
        (.pending, "PENDING"), (.approved, "APPROVED"), (.rejected, "REJECTED"),
        (.unspecified, "SUBSTITUTION_STATUS_UNSPECIFIED"),
    ]
}

/// The unit an item's quantity is counted in.
public enum CostUnit: TolerantEnum {
    case each, lb, kg, g
    case unknown(String)

    public static let spellings: [(CostUnit, String)] = [
        (.each, "each"), (.lb, "lb"), (.kg, "kg"), (.g, "g"),
    ]
}

/// A product as ordered, or as suggested in its place.
public struct OrderItem: Codable, Hashable, Sendable {
    public var name: String
    public var imageURL: String?
    public var quantity: FlexibleNumber
    public var costUnit: CostUnit

    enum CodingKeys: String, CodingKey { case name, imageURL = "image_url", quantity, costUnit = "cost_unit" }

    public init(name: String, imageURL: String? = nil, quantity: FlexibleNumber, costUnit: CostUnit) {
        self.name = name
        self.imageURL = imageURL
        self.quantity = quantity
        self.costUnit = costUnit
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        imageURL = try c.decodeIfPresent(String.self, forKey: .imageURL)
        quantity = try c.decodeIfPresent(FlexibleNumber.self, forKey: .quantity) ?? FlexibleNumber("1.0")
        costUnit = try c.decodeIfPresent(CostUnit.self, forKey: .costUnit) ?? .each
    }
}

/// One line of an order, with its status and any suggested replacement.
public struct LineItem: Codable, Hashable, Sendable, Identifiable {
    public var id: FlexibleID
    public var status: ItemStatus
    public var replacementStatus: ReplacementStatus?
    public var certifiedDelivery: Bool?
    public var item: OrderItem
    public var replacement: OrderItem?

    enum CodingKeys: String, CodingKey {
        case id, status, item, replacement, replacementStatus = "replacement_status"
        case certifiedDelivery = "certified_delivery"
    }

    public init(id: FlexibleID, status: ItemStatus, replacementStatus: ReplacementStatus? = nil, certifiedDelivery: Bool? = nil,
                item: OrderItem, replacement: OrderItem? = nil) {
        self.id = id
        self.status = status
        self.replacementStatus = replacementStatus
        self.certifiedDelivery = certifiedDelivery
        self.item = item
        self.replacement = replacement
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decode(FlexibleID.self, forKey: .id)
        status = try c.decode(ItemStatus.self, forKey: .status)
        replacementStatus = try c.decodeIfPresent(ReplacementStatus.self, forKey: .replacementStatus)
        certifiedDelivery = try c.decodeIfPresent(Bool.self, forKey: .certifiedDelivery)
        item = try c.decode(OrderItem.self, forKey: .item)
        replacement = try c.decodeIfPresent(OrderItem.self, forKey: .replacement)
    }
}

/// The reply of `GET /v2/post_checkout/orders/{order_id}/items`.
public struct LineItemsResponse: Codable, Hashable, Sendable {
    public var lineItems: [LineItem]
    enum CodingKeys: String, CodingKey { case lineItems = "line_items" }

    public init(lineItems: [LineItem]) { self.lineItems = lineItems }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        lineItems = try c.decodeIfPresent([LineItem].self, forKey: .lineItems) ?? []
    }
}

/// An item the customer names instead of a rejected replacement: one of upc/rrc and one of count/weight.
public struct AlternativeItem: Codable, Hashable, Sendable {
    public var upc: String?
    public var rrc: String?
    public var count: Double?
    public var weight: Double?

    public init(upc: String? = nil, rrc: String? = nil, count: Double? = nil, weight: Double? = nil) {
        self.upc = upc
        self.rrc = rrc
        self.count = count
        self.weight = weight
    }

    /// Why this alternative breaks the documented rules, or nil when it is valid.
    public var validationError: String? {
        if (upc == nil) == (rrc == nil) { return "alternative_item needs exactly one of upc or rrc" }
        if (count == nil) == (weight == nil) { return "alternative_item needs exactly one of count or weight" }
        if let count, count <= 0 { return "alternative_item.count must be greater than 0" }
        if let weight, weight <= 0 { return "alternative_item.weight must be greater than 0" }
        return nil
    }
}

/// The body of `PUT .../items/{line_item_id}/replacement`.
public struct ReplacementDecision: Codable, Hashable, Sendable {
    public var status: ReplacementStatus
    public var alternativeItem: AlternativeItem?

    enum CodingKeys: String, CodingKey { case status, alternativeItem = "alternative_item" }

    public init(status: ReplacementStatus, alternativeItem: AlternativeItem? = nil) {
        self.status = status
        self.alternativeItem = alternativeItem
    }

    public static let approve = ReplacementDecision(status: .approved)
    public static let reject = ReplacementDecision(status: .rejected)
}
