import Foundation

/// Simulator only: the body of `POST /v2/fulfillment_sandbox/faults`.
public struct FaultRequest: Codable, Sendable, Equatable {
    /// `status`, `garbage`, `close`, `drop-response` or `delay`.
    public var kind: String
    public var pathPrefix: String?
    public var method: String?
    public var status: Int?
    public var retryAfter: Int?
    public var delayMS: Int?
    public var count: Int?

    enum CodingKeys: String, CodingKey {
        case kind, method, status, count, pathPrefix = "path_prefix", retryAfter = "retry_after", delayMS = "delay_ms"
    }

    public init(kind: String, pathPrefix: String? = nil, method: String? = nil, status: Int? = nil, retryAfter: Int? = nil,
                delayMS: Int? = nil, count: Int? = nil) {
        self.kind = kind
        self.pathPrefix = pathPrefix
        self.method = method
        self.status = status
        self.retryAfter = retryAfter
        self.delayMS = delayMS
        self.count = count
    }
}

/// Simulator only: the reply of the fault calls.
public struct FaultsResponse: Codable, Hashable, Sendable {
    /// Faults not yet used up.
    public var pending: Int
    public init(pending: Int) { self.pending = pending }
}
