import Foundation

/// A failure the sandbox serves on purpose, so clients can be tested against a misbehaving server.
public struct Fault: Sendable, Equatable {
    /// What the faulty response looks like.
    public enum Kind: Sendable, Equatable {
        /// An error status in the Instacart format, with `Retry-After` (seconds) when given.
        case status(Int, retryAfter: Int? = nil)
        /// A 200 whose body is not JSON.
        case garbage
        /// Headers promising a body, part of it, then the connection closes. The request is not carried out.
        case closeConnection
        /// The request is carried out, then the connection closes without its reply: the client cannot tell
        /// whether it worked, which is what exactly-once sending must survive.
        case dropResponse
        /// The normal response, after a pause.
        case delay(milliseconds: Int)
    }

    /// Requests whose path starts with this are affected.
    public var pathPrefix: String
    /// Only this method (any when nil).
    public var method: String?
    public var kind: Kind
    /// How many matching requests get the fault before it is used up.
    public var count: Int

    public init(pathPrefix: String, method: String? = nil, kind: Kind, count: Int = 1) {
        self.pathPrefix = pathPrefix
        self.method = method
        self.kind = kind
        self.count = count
    }

    func matches(method: String, path: String) -> Bool {
        path.hasPrefix(pathPrefix) && (self.method.map { $0.caseInsensitiveCompare(method) == .orderedSame } ?? true)
    }
}

