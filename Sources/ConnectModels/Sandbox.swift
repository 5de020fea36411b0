import Foundation

/// The body of `POST /v2/fulfillment_sandbox/shoppers`.
public struct CreateShopperRequest: Codable, Hashable, Sendable {
    public var email: String?
    public var phone: String?
    public var password: String?
    /// Not in the public docs: the simulator shows this name in chat metadata.
    public var displayName: String?

    enum CodingKeys: String, CodingKey { case email, phone, password, displayName = "display_name" }

    public init(email: String? = nil, phone: String? = nil, password: String? = nil, displayName: String? = nil) {
        self.email = email
        self.phone = phone
        self.password = password
        self.displayName = displayName
    }
}

/// A reply that carries only an id.
public struct IDResponse: Codable, Hashable, Sendable {
    public var id: FlexibleID
    public init(id: FlexibleID) { self.id = id }
}

/// The kinds of batch the Sandbox API creates.
public enum BatchType: TolerantEnum {
    case delivery, pickup, deliveryOnly, runnerCustomer
    case unknown(String)

    public static let spellings: [(BatchType, String)] = [
        (.delivery, "delivery"), (.pickup, "pickup"), (.deliveryOnly, "delivery_only"),
        (.runnerCustomer, "runner_customer"),
    ]
}

/// An order reference inside a batch request.
public struct BatchOrderRef: Codable, Hashable, Sendable {
    public var id: FlexibleID
    public var userID: String?
    enum CodingKeys: String, CodingKey { case id, userID = "user_id" }

    public init(id: FlexibleID, userID: String? = nil) {
        self.id = id
        self.userID = userID
    }
}

/// The body of `POST /v2/fulfillment_sandbox/batches`.
public struct CreateBatchRequest: Codable, Hashable, Sendable {
    public var batchType: BatchType?
    public var shopperID: FlexibleID
    public var workflowState: String?
    public var orders: [BatchOrderRef]

    enum CodingKeys: String, CodingKey {
        case orders, batchType = "batch_type", shopperID = "shopper_id", workflowState = "workflow_state"
    }

    public init(batchType: BatchType? = nil, shopperID: FlexibleID, workflowState: String? = nil, orders: [BatchOrderRef]) {
        self.batchType = batchType
        self.shopperID = shopperID
        self.workflowState = workflowState
        self.orders = orders
    }
}

/// A batch id and its state: the reply of batch creation and of advance.
public struct BatchResponse: Codable, Hashable, Sendable {
    public var id: FlexibleID
    public var workflowState: String
    enum CodingKeys: String, CodingKey { case id, workflowState = "workflow_state" }

    public init(id: FlexibleID, workflowState: String) {
        self.id = id
        self.workflowState = workflowState
    }
}

/// The optional body of `POST /v2/fulfillment_sandbox/batches/{id}/advance`.
public struct AdvanceBatchRequest: Codable, Hashable, Sendable {
    public var workflowState: String?
    enum CodingKeys: String, CodingKey { case workflowState = "workflow_state" }

    public init(workflowState: String? = nil) { self.workflowState = workflowState }
}

/// The statuses a shopper can give an item through the Sandbox API.
public enum ShopperItemStatus: TolerantEnum {
    case notFound, found, replaced, toRefund
    case unknown(String)

    public static let spellings: [(ShopperItemStatus, String)] = [
        (.notFound, "not_found"), (.found, "found"), (.replaced, "replaced"), (.toRefund, "to_refund"),
    ]
}

/// A replacement the shopper picks: by upc/rrc as documented, or by name in the simulator.
public struct ReplacementItemSpec: Codable, Hashable, Sendable {
    public var upc: String?
    public var rrc: String?
    public var name: String?
    public var quantity: FlexibleNumber?
    public var costUnit: CostUnit?

    enum CodingKeys: String, CodingKey { case upc, rrc, name, quantity, costUnit = "cost_unit" }

    public init(upc: String? = nil, rrc: String? = nil, name: String? = nil, quantity: FlexibleNumber? = nil, costUnit: CostUnit? = nil) {
        self.upc = upc
        self.rrc = rrc
        self.name = name
        self.quantity = quantity
        self.costUnit = costUnit
    }
}

/// The body of `PUT /v2/fulfillment_sandbox/shoppers/{shopper_id}/orders/{order_id}/items/{line_num}`.
public struct ShopperItemUpdate: Codable, Hashable, Sendable {
    public var status: ShopperItemStatus
    public var deliveredCount: Double?
    public var deliveredWeight: Double?
    public var replacementItem: ReplacementItemSpec?

    enum CodingKeys: String, CodingKey {
        case status, deliveredCount = "delivered_count", deliveredWeight = "delivered_weight"
        case replacementItem = "replacement_item"
    }

    public init(status: ShopperItemStatus, deliveredCount: Double? = nil, deliveredWeight: Double? = nil,
                replacementItem: ReplacementItemSpec? = nil) {
        self.status = status
        self.deliveredCount = deliveredCount
        self.deliveredWeight = deliveredWeight
        self.replacementItem = replacementItem
    }
}

/// The body of `POST /v2/fulfillment_sandbox/instacart_users`.
public struct CreateInstacartUserRequest: Codable, Hashable, Sendable {
    public var email: String
    public var phone: String
    public var password: String
    public var instacartplusMember: Bool?

    enum CodingKeys: String, CodingKey { case email, phone, password, instacartplusMember = "instacartplus_member" }

    public init(email: String, phone: String, password: String, instacartplusMember: Bool? = nil) {
        self.email = email
        self.phone = phone
        self.password = password
        self.instacartplusMember = instacartplusMember
    }
}

/// The body of `POST /v2/fulfillment_sandbox/instacart_users/{id}/authorize`.
public struct AuthorizeRequest: Codable, Hashable, Sendable {
    public var redirectURI: String
    public var scope: String
    enum CodingKeys: String, CodingKey { case scope, redirectURI = "redirect_uri" }

    public init(redirectURI: String, scope: String = TokenScope.accountLinking) {
        self.redirectURI = redirectURI
        self.scope = scope
    }
}

/// The reply of authorize: an authorization code for the account-linking grant.
public struct AuthorizeResponse: Codable, Hashable, Sendable {
    public var code: String
    public init(code: String) { self.code = code }
}

/// An item of a simulator-created order.
public struct NewOrderItem: Codable, Hashable, Sendable {
    public var name: String
    public var quantity: FlexibleNumber
    public var costUnit: CostUnit
    public var lineNum: String?

    enum CodingKeys: String, CodingKey { case name, quantity, costUnit = "cost_unit", lineNum = "line_num" }

    public init(name: String, quantity: FlexibleNumber = FlexibleNumber("1.0"), costUnit: CostUnit = .each, lineNum: String? = nil) {
        self.name = name
        self.quantity = quantity
        self.costUnit = costUnit
        self.lineNum = lineNum
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        quantity = try c.decodeIfPresent(FlexibleNumber.self, forKey: .quantity) ?? FlexibleNumber("1.0")
        costUnit = try c.decodeIfPresent(CostUnit.self, forKey: .costUnit) ?? .each
        lineNum = try c.decodeIfPresent(FlexibleID.self, forKey: .lineNum)?.value
    }
}

/// The body of the simulator's `POST /v2/fulfillment_sandbox/orders` (not in the public docs).
public struct CreateOrderRequest: Codable, Hashable, Sendable {
    public var userID: String
    public var fulfillmentType: FulfillmentType
    public var items: [NewOrderItem]?
    public var address: Address?
    public var coordinates: Coordinates?
    /// Not in the minimum: the customer's name in chat metadata.
    public var customerName: String?
    public var notes: String?
    public var instructions: String?

    enum CodingKeys: String, CodingKey {
        case items, address, coordinates, notes, instructions, userID = "user_id", fulfillmentType = "fulfillment_type"
        case customerName = "customer_name"
    }

    public init(userID: String, fulfillmentType: FulfillmentType = .delivery, items: [NewOrderItem]? = nil, address: Address? = nil,
                coordinates: Coordinates? = nil, customerName: String? = nil, notes: String? = nil, instructions: String? = nil) {
        self.userID = userID
        self.fulfillmentType = fulfillmentType
        self.items = items
        self.address = address
        self.coordinates = coordinates
        self.customerName = customerName
        self.notes = notes
        self.instructions = instructions
    }
}

/// The body of the simulator's shopper message call.
public struct ShopperMessageRequest: Codable, Hashable, Sendable {
    public var body: String
    public init(body: String) { self.body = body }
}
