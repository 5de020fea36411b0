import ConnectModels
import Foundation

/// All sandbox state, in memory, behind one actor; every route is a call on it.
public actor SandboxStore {
    let clientID: String
    let clientSecret: String
    private let baseNow: @Sendable () -> Date
    private var clockOffset: TimeInterval = 0
    private var rng: SeededGenerator
    private var tokenRNG = SystemRandomNumberGenerator()

    var tokens: [String: TokenRecord] = [:]
    var orders: [String: OrderRecord] = [:]
    var orderIDs: [String] = []
    var shoppers: [String: ShopperRecord] = [:]
    var batches: [String: BatchRecord] = [:]
    var instacartUsers: [String: InstacartUserRecord] = [:]
    var codes: [String: AuthorizationCodeRecord] = [:]
    /// Connect user id -> Instacart user id.
    var links: [String: String] = [:]
    var sessions: Set<String> = []
    var faults: [Fault] = []
    /// Told of every order that changes workflow state (order id, new state), for the access log.
    var stateChangeObserver: (@Sendable (String, String) -> Void)?
    var customerIDs: [String: Int] = [:]
    private var usedIDs: Set<String> = []
    private var nextMessageID: Int

    /// Calls `observer` with the order id and the new state whenever an order changes workflow state.
    func observeStateChanges(_ observer: @escaping @Sendable (String, String) -> Void) {
        stateChangeObserver = observer
    }

    /// The cookie the widget session lives in.
    public static let sessionCookie = "_instacart_session"
    static let tokenLifetime: TimeInterval = 86_400
    static let chatRetention: TimeInterval = 86_400

    public init(clientID: String, clientSecret: String, seed: UInt64?, now: @escaping @Sendable () -> Date = { Date() }) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.baseNow = now
        var system = SystemRandomNumberGenerator()
        var generator = SeededGenerator(seed: seed ?? system.next())
        nextMessageID = generator.number(digits: 6)
        rng = generator
    }

    /// The sandbox's current time: the injected clock plus any `advanceClock`.
    public func now() -> Date { baseNow().addingTimeInterval(clockOffset) }

    /// Moves the sandbox clock forward, e.g. to let a delivered chat expire.
    public func advanceClock(by seconds: TimeInterval) { clockOffset += seconds }

    // MARK: - Ids

    private func uniqueID(_ make: (inout SeededGenerator) -> String) -> String {
        while true {
            let id = make(&rng)
            if usedIDs.insert(id).inserted { return id }
        }
    }

    func newNumericID(digits: Int) -> String { uniqueID { String($0.number(digits: digits)) } }

    private func newToken() -> String {
        var bytes = [UInt8](repeating: 0, count: 32)
        for i in bytes.indices { bytes[i] = UInt8.random(in: 0...255, using: &tokenRNG) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    // MARK: - OAuth

    /// `POST /v2/oauth/token`.
    func issueToken(_ request: TokenRequest) throws -> TokenResponse {
        guard request.clientID == clientID, request.clientSecret == clientSecret else {
            throw SandboxError(.unauthorized, "invalid_client: client authentication failed (unknown client or wrong secret)",
                               code: InstacartErrorCode.validation, key: "client_id")
        }
        let grant: Grant
        let scope: String
        switch request.grantType {
        case .clientCredentials:
            grant = .client
            scope = TokenScope.fulfillment
        case .fulfillmentUserAssertion:
            guard let assertion = request.assertion, !assertion.isEmpty else {
                throw SandboxError.badRequest("invalid_grant: assertion is required", key: "assertion")
            }
            guard let userID = TokenRequest.decodeAssertion(assertion) else {
                throw SandboxError.badRequest("invalid_grant: assertion must be base64 of {\"user_id\": \"...\"}", key: "assertion")
            }
            grant = .user(userID)
            scope = TokenScope.postCheckout
        case .authorizationCode:
            guard let code = request.code, !code.isEmpty else {
                throw SandboxError.badRequest("invalid_grant: code is required", key: "code")
            }
            guard let record = codes[code] else {
                throw SandboxError.badRequest("invalid_grant: the authorization code is invalid, expired or already used", key: "code")
            }
            guard request.redirectURI == record.redirectURI else {
                throw SandboxError.badRequest("invalid_grant: redirect_uri does not match the one the code was issued for", key: "redirect_uri")
            }
            codes[code] = nil
            grant = .linking(record.instacartUserID)
            scope = TokenScope.accountLinking
        case .unknown(let raw):
            throw SandboxError.badRequest("unsupported_grant_type: \(raw.prefix(60))", key: "grant_type", code: InstacartErrorCode.parameters)
        }
        let token = newToken()
        let issued = now()
        tokens[token] = TokenRecord(grant: grant, expiresAt: issued.addingTimeInterval(Self.tokenLifetime))
        return TokenResponse(accessToken: token, tokenType: "Bearer", expiresIn: Int(Self.tokenLifetime), scope: scope,
                             createdAt: Int(issued.timeIntervalSince1970))
    }

    /// Who a bearer token speaks for; 401 when it is missing, unknown or expired.
    func authenticate(_ token: String?) throws -> Grant {
        guard let token, !token.isEmpty else { throw SandboxError.unauthorized("The access token is missing") }
        guard let record = tokens[token] else { throw SandboxError.unauthorized("The access token is invalid") }
        guard record.expiresAt > now() else { throw SandboxError.unauthorized("The access token expired") }
        return record.grant
    }

    // MARK: - Lookups

    func ownedOrder(_ id: String, user: String) throws -> OrderRecord {
        // Another user's order is indistinguishable from a missing one.
        guard let order = orders[id], order.userID == user else { throw SandboxError.notFound("Order", key: "order_id") }
        return order
    }

    func anyOrder(_ id: String, key: String = "order_id") throws -> OrderRecord {
        guard let order = orders[id] else { throw SandboxError.notFound("Order", key: key) }
        return order
    }

    func participant(shopper id: String) -> ChatParticipant? {
        guard let shopper = shoppers[id] else { return nil }
        let slug = shopper.displayName.lowercased().filter(\.isLetter)
        return ChatParticipant(id: FlexibleID(id), displayName: shopper.displayName, avatarURL: "https://example.com/avatars/\(slug).png")
    }

    // MARK: - Inspection, for tests and the demo

    /// An order as its user would see it, or nil.
    public func orderSnapshot(_ id: String) -> Order? { orders[id]?.api }

    /// The ids of every order, oldest first.
    public func allOrderIDs() -> [String] { orderIDs }

    /// Every chat message of an order, oldest first.
    public func messages(orderID: String) -> [ChatMessage] { orders[orderID]?.messages ?? [] }

    /// The line items of an order with their shopper line numbers.
    public func lineItems(orderID: String) -> [(lineNum: String, item: LineItem)] {
        orders[orderID]?.lines.map { ($0.lineNum, $0.item) } ?? []
    }

    /// The state of a batch, or nil.
    public func batchState(_ id: String) -> String? { batches[id]?.state }

    /// The shopper currently assigned to an order.
    public func assignedShopper(orderID: String) -> String? { orders[orderID]?.shopperID }

    // MARK: - Faults

    /// Serves `fault` to the next `fault.count` matching requests.
    public func injectFault(_ fault: Fault) {
        guard fault.count > 0 else { return }
        faults.append(fault)
    }

    /// Forgets every pending fault.
    public func clearFaults() { faults.removeAll() }

    /// The faults not yet used up.
    public func pendingFaults() -> [Fault] { faults }

    /// Takes one use of the first fault matching the request.
    func takeFault(method: String, path: String) -> Fault.Kind? {
        guard let index = faults.firstIndex(where: { $0.matches(method: method, path: path) }) else { return nil }
        let kind = faults[index].kind
        faults[index].count -= 1
        if faults[index].count <= 0 { faults.remove(at: index) }
        return kind
    }

    // MARK: - Helpers for the route files

    func makeLineItemID() -> String { uniqueID { "\($0.hex(4))-\($0.hex(4))-\($0.hex(4))-\($0.hex(4))" } }
    func makeOrderID() -> String { uniqueID { $0.uuid() } }
    func makeCode() -> String { uniqueID { $0.hex(64) } }
    func makeMessageID() -> Int {
        nextMessageID += 1
        return nextMessageID
    }
    func pickShopperName() -> String { DefaultOrder.shopperNames[shoppers.count % DefaultOrder.shopperNames.count] }
    func customerID(for user: String) -> Int {
        if let id = customerIDs[user] { return id }
        let id = Int(newNumericID(digits: 6))!
        customerIDs[user] = id
        return id
    }
    func newSessionID() -> String { newToken() }
}
