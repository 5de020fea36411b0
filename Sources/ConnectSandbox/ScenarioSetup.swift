import AsyncHTTPClient
import ConnectClient
import ConnectModels

/// A demo order on a running sandbox, ready for a scripted shopper and a dashboard: ids, customer and both tokens.
public struct ScenarioOrder: Sendable {
    public var kind: DemoScenarioKind
    public var orderID: String
    public var userID: String
    public var customerName: String
    public var place: ScenarioPlace
    public var items: [NewOrderItem]
    /// Client credentials (`connect:fulfillment`): what the shopper uses.
    public var client: ConnectClient
    /// The customer's user token (`connect:post_checkout`), from the documented user-assertion grant.
    public var userClient: ConnectClient

    /// The customer's token, to hand to `ordertop watch` or curl.
    public var userToken: BearerToken { userClient.token ?? BearerToken("") }

    /// The scenario for this order: its lines, its address and store.
    public func scenario(seed: UInt64) -> DemoScenario {
        DemoScenario(kind: kind, itemNames: items.map(\.name), destination: place.destination, store: place.store,
                     seed: seed, customerName: customerName)
    }

    /// A scripted shopper for this order.
    public func makeShopper(seed: UInt64, clock: any Clock<Duration>, speed: Double) -> ScriptedShopper {
        ScriptedShopper(scenario: scenario(seed: seed), orderID: orderID, userID: userID, client: client, userClient: userClient,
                        clock: clock, speed: speed)
    }
}

/// Creates the demo's customer and order through the sandbox's HTTP API, the way a retailer's checkout would.
public enum ScenarioSetup {
    /// Customers the demo order is placed for; the seed picks one.
    public static let customerNames = ["Sierra", "Jonah", "Maya", "Oliver", "Amara", "Lucas"]

    /// Gets a client token, creates an order of `kind` with the demo basket, and gets the customer's user token.
    public static func createOrder(baseURL: String, clientID: String, clientSecret: String, kind: DemoScenarioKind, seed: UInt64,
                                   place: ScenarioPlace = .collinsville, httpClient: HTTPClient = .shared) async throws -> ScenarioOrder {
        let anonymous = ConnectClient(baseURL: baseURL, httpClient: httpClient, userAgent: OrdertopVersion.userAgent("simulator"))
        let clientToken = try await anonymous.token(.clientCredentials(id: clientID, secret: clientSecret))
        var rng = ScenarioRandom(seed: seed).derived(3)
        let customerName = rng.pick(customerNames)
        return try await placeOrder(client: anonymous.with(token: clientToken.bearer), credentials: (clientID, clientSecret), kind: kind,
                                    userID: "demo-\(customerName.lowercased())-\(seed)", customerName: customerName, place: place)
    }

    /// Creates an order of `kind` for `userID` with `client` (holding a client-credentials token), and gets the customer's
    /// user token with `credentials` through the documented user-assertion grant.
    public static func placeOrder(client: ConnectClient, credentials: (id: String, secret: String), kind: DemoScenarioKind,
                                  userID: String, customerName: String, place: ScenarioPlace = .collinsville) async throws -> ScenarioOrder {
        // Last-mile orders carry no item list: the retailer keeps it.
        let items = kind == .lastMile ? [] : ScenarioBasket.numberedItems
        let request = CreateOrderRequest(userID: userID, fulfillmentType: kind.fulfillmentType, items: items, address: place.address,
                                         coordinates: place.destination, customerName: customerName,
                                         notes: "Gate code 4321", instructions: "Please leave it by the front door.")
        let orderID = try await client.createOrder(request).id.value
        let customer = client.with(token: nil)
        let userToken = try await customer.token(.userAssertion(id: credentials.id, secret: credentials.secret, userID: userID))
        return ScenarioOrder(kind: kind, orderID: orderID, userID: userID, customerName: customerName, place: place, items: items,
                             client: client, userClient: customer.with(token: userToken.bearer))
    }
}
