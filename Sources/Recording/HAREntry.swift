import Foundation

/// One HTTP exchange: the request, the reply (or `_error` and status 0), and how long it took.
public struct HAREntry: Codable, Sendable {
    public var startedDateTime: Date
    /// Total milliseconds; the sum of `timings`.
    public var time: Double
    public var request: HARRequest
    public var response: HARResponse
    public var cache: HARCache
    public var timings: HARTimings
    /// `_endpoint`: method and path template, such as `GET /v2/post_checkout/orders/{order_id}`.
    public var endpoint: String?
    /// `_order_id`: the order the request was about.
    public var orderID: String?
    /// `_error`: why no reply came, in words; `response.status` is 0 then.
    public var error: String?

    enum CodingKeys: String, CodingKey {
        case startedDateTime, time, request, response, cache, timings
        case endpoint = "_endpoint", orderID = "_order_id", error = "_error"
    }

    public init(startedDateTime: Date, time: Double, request: HARRequest, response: HARResponse, cache: HARCache = HARCache(),
                timings: HARTimings, endpoint: String? = nil, orderID: String? = nil, error: String? = nil) {
        self.startedDateTime = startedDateTime
        self.time = time
        self.request = request
        self.response = response
        self.cache = cache
        self.timings = timings
        self.endpoint = endpoint
        self.orderID = orderID
        self.error = error
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        startedDateTime = try c.decode(Date.self, forKey: .startedDateTime)
        time = try c.decodeIfPresent(Double.self, forKey: .time) ?? 0
        request = try c.decode(HARRequest.self, forKey: .request)
        response = try c.decode(HARResponse.self, forKey: .response)
        cache = try c.decodeIfPresent(HARCache.self, forKey: .cache) ?? HARCache()
        timings = try c.decodeIfPresent(HARTimings.self, forKey: .timings) ?? HARTimings(wait: time)
        endpoint = try c.decodeIfPresent(String.self, forKey: .endpoint)
        orderID = try c.decodeIfPresent(String.self, forKey: .orderID)
        error = try c.decodeIfPresent(String.self, forKey: .error)
    }
}

/// HAR's cache block; ordertop has no cache, so it is always `{}`.
public struct HARCache: Codable, Sendable, Hashable {
    public init() {}
}

/// Where the time of an exchange went, in milliseconds; -1 for phases that were not measured.
public struct HARTimings: Codable, Sendable, Hashable {
    public var blocked: Double
    public var dns: Double
    public var connect: Double
    public var send: Double
    public var wait: Double
    public var receive: Double

    public init(blocked: Double = -1, dns: Double = -1, connect: Double = -1, send: Double = 0, wait: Double, receive: Double = 0) {
        self.blocked = blocked
        self.dns = dns
        self.connect = connect
        self.send = send
        self.wait = wait
        self.receive = receive
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        blocked = try c.decodeIfPresent(Double.self, forKey: .blocked) ?? -1
        dns = try c.decodeIfPresent(Double.self, forKey: .dns) ?? -1
        connect = try c.decodeIfPresent(Double.self, forKey: .connect) ?? -1
        send = try c.decodeIfPresent(Double.self, forKey: .send) ?? 0
        wait = try c.decodeIfPresent(Double.self, forKey: .wait) ?? 0
        receive = try c.decodeIfPresent(Double.self, forKey: .receive) ?? 0
    }
}
