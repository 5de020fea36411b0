import AsyncHTTPClient
import ConnectModels
import Foundation
import NIOCore
import NIOHTTP1
import Recording

/// A client for the Instacart Connect APIs (and the local sandbox), one method per endpoint.
public struct ConnectClient: Sendable {
    /// The server's base URL, such as `http://127.0.0.1:7878`, without a trailing slash.
    public let baseURL: String
    /// The bearer token sent with every call that needs one.
    public var token: BearerToken?
    /// Sent as `X-Retailer-Id` on account-linking calls.
    public var retailerID: String?
    /// How long one request may take, from connecting to the last byte.
    public var timeout: Duration
    /// The largest reply body read; larger ones are an error, not a memory spike.
    public var maxResponseBytes: Int = 8 << 20
    /// Sent as `User-Agent`; `OrdertopVersion.userAgent(role)` names the part of ordertop that asks.
    public var userAgent: String
    /// What carries the requests: HTTP over `httpClient` unless another transport (a recorder, a replay) was given.
    public private(set) var transport: any ConnectTransport

    public init(baseURL: String, token: BearerToken? = nil, retailerID: String? = nil, timeout: Duration = .seconds(10),
                httpClient: HTTPClient = .shared, userAgent: String = OrdertopVersion.userAgent(),
                transport: (any ConnectTransport)? = nil) {
        var base = baseURL.trimmingCharacters(in: .whitespacesAndNewlines)
        while base.hasSuffix("/") { base.removeLast() }
        self.baseURL = base
        self.token = token
        self.retailerID = retailerID
        self.timeout = timeout
        self.userAgent = userAgent
        self.transport = transport ?? HTTPClientTransport(http: httpClient)
    }

    /// An HTTP client for long-running watchers: a refused or unreachable server fails at once instead of
    /// being retried inside the pool until the request times out, because the caller retries with backoff
    /// and can then say what is wrong. Shut it down (`shutdown()`) before it goes away.
    public static func makeHTTPClient(connectTimeout: Duration = .seconds(3)) -> HTTPClient {
        var configuration = HTTPClient.Configuration(
            timeout: HTTPClient.Configuration.Timeout(connect: .nanoseconds(connectTimeout.nanoseconds), read: .seconds(30)))
        configuration.connectionPool.retryConnectionEstablishment = false
        configuration.decompression = .enabled(limit: .ratio(25))
        return HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// A copy of this client that sends another token.
    public func with(token: BearerToken?) -> ConnectClient {
        var copy = self
        copy.token = token
        return copy
    }

    /// A copy of this client whose requests go through `transport`, such as a `RecordingTransport` around this one's.
    public func with(transport: any ConnectTransport) -> ConnectClient {
        var copy = self
        copy.transport = transport
        return copy
    }

    // MARK: - OAuth

    /// `POST /v2/oauth/token`: any of the three documented grants.
    public func token(_ request: TokenRequest) async throws -> TokenResponse {
        try await send(.token, body: request, authorized: false)
    }

    // MARK: - Post-checkout

    /// `GET /v2/post_checkout/orders/{order_id}`.
    public func order(_ orderID: String) async throws -> Order {
        try await send(.order, ["order_id": orderID])
    }

    /// `GET /v2/post_checkout/orders/{order_id}/items`.
    public func items(orderID: String) async throws -> [LineItem] {
        let reply: LineItemsResponse = try await send(.items, ["order_id": orderID])
        return reply.lineItems
    }

    /// `GET /v2/post_checkout/orders/{order_id}/handling`.
    public func handling(orderID: String) async throws -> Handling {
        try await send(.handling, ["order_id": orderID])
    }

    /// `GET /v2/post_checkout/orders/{order_id}/location`; coordinates are nil outside `delivering`.
    public func location(orderID: String) async throws -> ShopperLocation {
        try await send(.location, ["order_id": orderID], emptyBody: ShopperLocation(coordinates: nil))
    }

    /// `PUT .../orders/{order_id}/items/{line_item_id}/replacement`.
    public func decideReplacement(orderID: String, lineItemID: String, decision: ReplacementDecision) async throws {
        if let alternative = decision.alternativeItem, let problem = alternative.validationError {
            throw ConnectError.invalidRequest(problem)
        }
        let _: EmptyResponse = try await send(.replacement,
                                              ["order_id": orderID, "line_item_id": lineItemID], body: decision, emptyBody: EmptyResponse())
    }

    /// `GET .../orders/{order_id}/pickup/details`.
    public func pickupDetails(orderID: String) async throws -> PickupDetails {
        try await send(.pickupDetails, ["order_id": orderID])
    }

    /// `POST .../orders/{order_id}/pickup/user_arrived`.
    public func userArrived(orderID: String) async throws -> SuccessResponse {
        try await send(.userArrived, ["order_id": orderID])
    }

    // MARK: - Chat

    /// `GET /v2/post_checkout/chat/{order_id}/messages`: the whole conversation.
    public func chatMessages(orderID: String) async throws -> ChatConversation {
        try await send(.chatMessages, ["order_id": orderID])
    }

    /// `POST /v2/post_checkout/chat/{order_id}/messages`. Refuses bodies over 1000 characters before sending.
    public func sendChatMessage(orderID: String, body: String, imageURL: String? = nil) async throws -> SendChatMessageResponse {
        let length = SendChatMessageRequest.length(of: body)
        if length > SendChatMessageRequest.maximumLength {
            throw ConnectError.invalidRequest("the message is \(length) characters; the chat takes at most \(SendChatMessageRequest.maximumLength)")
        }
        return try await send(.sendChatMessage, ["order_id": orderID],
                              body: SendChatMessageRequest(body: body, imageURL: imageURL ?? ""))
    }

    /// `PUT /v2/post_checkout/chat/{order_id}/messages`: marks every unread shopper message read.
    public func markChatRead(orderID: String) async throws -> MarkReadResponse {
        try await send(.markChatRead, ["order_id": orderID])
    }

    // MARK: - Sandbox API

    /// `POST /v2/fulfillment_sandbox/shoppers`.
    public func createShopper(_ request: CreateShopperRequest) async throws -> IDResponse {
        try await send(.createShopper, body: request)
    }

    /// `POST /v2/fulfillment_sandbox/batches`.
    public func createBatch(_ request: CreateBatchRequest) async throws -> BatchResponse {
        try await send(.createBatch, body: request)
    }

    /// `POST /v2/fulfillment_sandbox/batches/{batch_id}/advance`: to the next state, or to `workflowState`.
    public func advanceBatch(_ batchID: String, to workflowState: String? = nil) async throws -> BatchResponse {
        if let workflowState {
            return try await send(.advanceBatch, ["batch_id": batchID], body: AdvanceBatchRequest(workflowState: workflowState))
        }
        return try await send(.advanceBatch, ["batch_id": batchID])
    }

    /// `PUT /v2/fulfillment_sandbox/shoppers/{shopper_id}/orders/{order_id}/items/{line_num}`.
    public func updateShopperItem(shopperID: String, orderID: String, lineNum: String, _ update: ShopperItemUpdate) async throws -> SuccessResponse {
        try await send(.updateItem,
                       ["shopper_id": shopperID, "order_id": orderID, "line_num": lineNum], body: update)
    }

    /// `POST /v2/fulfillment_sandbox/instacart_users`.
    public func createInstacartUser(_ request: CreateInstacartUserRequest) async throws -> IDResponse {
        try await send(.createUser, body: request)
    }

    /// `POST /v2/fulfillment_sandbox/instacart_users/{id}/authorize`: an authorization code for account linking.
    public func authorizeInstacartUser(_ userID: String, _ request: AuthorizeRequest) async throws -> AuthorizeResponse {
        try await send(.authorizeUser, ["id": userID], body: request)
    }

    /// Simulator only: `POST /v2/fulfillment_sandbox/orders`.
    public func createOrder(_ request: CreateOrderRequest) async throws -> IDResponse {
        try await send(.createOrder, body: request)
    }

    /// Simulator only: the assigned shopper says something in the chat.
    public func shopperSays(orderID: String, body: String) async throws -> SendChatMessageResponse {
        try await send(.sendShopperMessage, ["order_id": orderID], body: ShopperMessageRequest(body: body))
    }

    /// Simulator only: the conversation as the shopper sees it (client token), same shape as the chat GET.
    public func shopperConversation(orderID: String) async throws -> ChatConversation {
        try await send(.shopperMessages, ["order_id": orderID])
    }

    /// Simulator only: makes the next matching requests fail on purpose.
    public func injectFault(_ request: FaultRequest) async throws -> FaultsResponse {
        try await send(.addFault, body: request)
    }

    /// Simulator only: removes every pending fault.
    public func clearFaults() async throws -> FaultsResponse {
        try await send(.clearFaults)
    }

    /// Simulator only: moves the shopper.
    public func moveShopper(orderID: String, to coordinates: Coordinates) async throws -> SuccessResponse {
        try await send(.moveShopper, ["order_id": orderID], body: coordinates)
    }

    /// Simulator only: cancels an order.
    public func cancelOrder(_ orderID: String) async throws -> SuccessResponse {
        try await send(.cancelOrder, ["order_id": orderID])
    }

    // MARK: - Account linking

    /// `GET /v2/fulfillment/users/{user_id}/link`: a 400 means the account is not linked.
    public func linkStatus(userID: String) async throws -> LinkStatus {
        try await send(.linkStatus, ["user_id": userID])
    }

    /// `POST /v2/fulfillment/users/{user_id}/link`.
    public func link(userID: String, linkingToken: String) async throws -> SuccessResponse {
        try await send(.link, ["user_id": userID], body: LinkRequest(linkingToken: linkingToken))
    }

    // MARK: - Custom widgets

    /// `POST {storefront}/idp/v1/init`, with the cookies already held. A 403 is a result, not an error.
    public func initWidgetSession(storefront: String? = nil, cookies: [String] = []) async throws -> WidgetSession {
        let base = storefront.map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 } ?? baseURL
        var headers: [HARNameValue] = []
        if !cookies.isEmpty { headers.append(HARNameValue(name: "Cookie", value: cookies.joined(separator: "; "))) }
        let reply = try await execute(OutgoingRequest(method: ConnectEndpoint.widgetInit.method, url: base + ConnectEndpoint.widgetInit.template,
                                                      headers: headers, endpoint: ConnectEndpoint.widgetInit.description,
                                                      timeout: timeout, maxResponseBytes: maxResponseBytes, baseURL: base))
        let set = reply.headerValues("Set-Cookie").compactMap { $0.split(separator: ";").first.map(String.init) }
        return WidgetSession(status: reply.status, cookies: set.isEmpty ? cookies : set)
    }
}

extension ConnectClient: OrderDataSource {}
