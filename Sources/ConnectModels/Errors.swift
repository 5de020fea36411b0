import Foundation

/// The Instacart error body: `{"error": {"message", "code", "errors"?}, "meta": {"key"}}`.
public struct InstacartErrorBody: Codable, Hashable, Sendable {
    /// One error and the field it is about.
    public struct Detail: Codable, Hashable, Sendable {
        public var message: String
        public var code: Int?
        public var errors: [InstacartErrorBody]?
    }

    /// The field an error names.
    public struct Meta: Codable, Hashable, Sendable {
        public var key: String?
        public init(key: String?) { self.key = key }
    }

    public var error: Detail
    public var meta: Meta?

    public init(message: String, code: Int?, key: String? = nil, errors: [InstacartErrorBody]? = nil) {
        error = Detail(message: message, code: code, errors: errors)
        meta = key.map { Meta(key: $0) }
    }

    public var message: String { error.message }
    public var code: Int? { error.code }
    public var key: String? { meta?.key }

    /// The message with the field it names, and any nested errors.
    public var summary: String {
        var text = message
        if let key, !key.isEmpty { text += " (\(key))" }
        if let nested = error.errors, !nested.isEmpty {
            text += ": " + nested.map(\.summary).joined(separator: "; ")
        }
        return text
    }
}

// In an extension, so the memberwise init that `InstacartErrorBody.init` uses is still synthesized.
extension InstacartErrorBody.Detail {
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        message = try c.decodeIfPresent(String.self, forKey: .message) ?? ""
        code = try? c.decodeIfPresent(Int.self, forKey: .code)
        errors = try? c.decodeIfPresent([InstacartErrorBody].self, forKey: .errors)
    }
}

/// Documented error codes.
public enum InstacartErrorCode {
    public static let validation = 1001
    public static let parameters = 2001
    public static let notFound = 4000
    public static let userNotFound = 4001
    public static let several = 9999
}

/// What went wrong on a Connect call. Never contains the token.
public enum ConnectError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    /// The request did not get an HTTP reply. `mayHaveBeenSent` is true when the server may have acted on it.
    case transport(endpoint: String, baseURL: String, reason: String, mayHaveBeenSent: Bool)
    /// The server answered with an error status.
    case http(endpoint: String, status: Int, body: InstacartErrorBody?, retryAfter: Duration?)
    /// The reply did not decode; `field` is the JSON path that failed.
    case decoding(endpoint: String, field: String, reason: String)
    /// The request was refused locally before it went out.
    case invalidRequest(String)

    public var description: String {
        switch self {
        case .transport(let endpoint, let baseURL, let reason, _):
            "\(endpoint): cannot reach \(baseURL): \(reason). Is the server running (for a local one, `ordertop sandbox serve`)?"
        case .http(let endpoint, let status, let body, let retryAfter):
            "\(endpoint): HTTP \(status)" + (body.map { ": \($0.summary)" } ?? "")
                + (retryAfter.map { ", retry after \(Self.seconds($0))" } ?? "")
                + Self.hint(status: status)
        case .decoding(let endpoint, let field, let reason):
            "\(endpoint): the reply did not decode at `\(field.isEmpty ? "(top level)" : field)`: \(reason)"
        case .invalidRequest(let reason):
            reason
        }
    }

    public var errorDescription: String? { description }

    /// The HTTP status, when the server answered.
    public var status: Int? {
        if case .http(_, let status, _, _) = self { return status }
        return nil
    }

    /// The server's own message, when it sent one.
    public var serverMessage: String? {
        if case .http(_, _, let body, _) = self { return body?.message }
        return nil
    }

    static func seconds(_ d: Duration) -> String {
        let s = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
        return s == s.rounded() ? "\(Int(s)) s" : String(format: "%.1f s", s)
    }

    static func hint(status: Int) -> String {
        switch status {
        case 401: ". The token was rejected: get a new one (`ordertop sandbox token`)."
        case 429: ". Too many requests: slow down."
        default: ""
        }
    }
}
