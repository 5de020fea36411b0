import ConnectModels
import Foundation

/// Who a bearer token speaks for.
public enum Grant: Sendable, Equatable {
    /// A client-credentials token: fulfillment and Sandbox API calls.
    case client
    /// A user access token for one Connect user: post-checkout calls for that user's orders.
    case user(String)
    /// An account-linking token for one Instacart user.
    case linking(String)
}

/// An issued token and when it stops working.
struct TokenRecord: Sendable {
    var grant: Grant
    var expiresAt: Date
}

/// An order as the sandbox keeps it.
struct OrderRecord: Sendable {
    /// A line of the order with the shopper-side line number.
    struct Line: Sendable {
        var lineNum: String
        var item: LineItem
    }

    var id: String
    var userID: String
    var customerID: Int
    var customerName: String
    var fulfillmentType: FulfillmentType
    var createdAt: Date
    var window: FulfillmentDetails
    var state: WorkflowState
    var lines: [Line]
    var address: Address
    var coordinates: Coordinates
    var notes: String
    var instructions: String
    var shopperID: String?
    /// Every shopper ever assigned, in order, for the chat metadata.
    var shopperHistory: [String] = []
    var messages: [ChatMessage] = []
    var shopperLocation: Coordinates?
    var deliveredAt: Date?

    var api: Order {
        Order(id: FlexibleID(id), creationDate: createdAt, workflowState: state, fulfillmentType: fulfillmentType,
              fulfillmentDetails: window, pickupCategory: fulfillmentType == .pickup ? "curbside" : nil)
    }
}

/// A fictitious shopper.
struct ShopperRecord: Sendable {
    var id: String
    var displayName: String
    var email: String?
    var phone: String?
}

/// A batch of orders assigned to a shopper.
struct BatchRecord: Sendable {
    var id: String
    var type: BatchType
    var shopperID: String
    var orderIDs: [String]
    var state: String
}

/// A fictitious Instacart customer for account linking.
struct InstacartUserRecord: Sendable {
    var id: String
    var email: String
    var instacartplusMember: Bool
}

/// An authorization code waiting to be exchanged for a linking token.
struct AuthorizationCodeRecord: Sendable {
    var instacartUserID: String
    var redirectURI: String
}
