import Foundation
import Recording

/// One request as `ConnectClient` hands it to a transport: built, encoded, with the endpoint it is for.
public struct OutgoingRequest: Sendable {
    public var method: String
    /// The whole URL, base and path.
    public var url: String
    public var headers: [HARNameValue]
    public var body: Data?
    /// Method and path template, such as `GET /v2/post_checkout/orders/{order_id}`.
    public var endpoint: String
    /// The `order_id` path parameter, when the endpoint has one.
    public var orderID: String?
    /// From connecting to the last byte of the reply.
    public var timeout: Duration
    /// A longer reply is a transport error, not a memory spike.
    public var maxResponseBytes: Int
    /// The server as the user gave it, for error messages ("cannot reach http://...").
    public var baseURL: String

    public init(method: String, url: String, headers: [HARNameValue] = [], body: Data? = nil, endpoint: String, orderID: String? = nil,
                timeout: Duration = .seconds(10), maxResponseBytes: Int = 8 << 20, baseURL: String) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.endpoint = endpoint
        self.orderID = orderID
        self.timeout = timeout
        self.maxResponseBytes = maxResponseBytes
        self.baseURL = baseURL
    }

    /// The first header named `name`, compared without case.
    public func header(_ name: String) -> String? { headers.first(named: name) }
}

/// A reply with its whole body: any status, since deciding what an error status means is the client's job.
public struct IncomingReply: Sendable {
    public var status: Int
    public var statusText: String
    public var headers: [HARNameValue]
    public var body: Data

    public init(status: Int, statusText: String = "", headers: [HARNameValue] = [], body: Data = Data()) {
        self.status = status
        self.statusText = statusText
        self.headers = headers
        self.body = body
    }

    /// The first header named `name`, compared without case.
    public func header(_ name: String) -> String? { headers.first(named: name) }

    /// Every header named `name` (`Set-Cookie` comes once per cookie).
    public func headerValues(_ name: String) -> [String] { headers.values(named: name) }
}

/// What carries `ConnectClient`'s requests: HTTP, a recorder around HTTP, or a replay of a recording.
/// A failure without a reply is thrown as `ConnectError.transport`; any other error is turned into one.
public protocol ConnectTransport: Sendable {
    func execute(_ request: OutgoingRequest) async throws -> IncomingReply
}
