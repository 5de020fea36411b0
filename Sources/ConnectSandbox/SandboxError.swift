import ConnectModels
import Foundation
import Hummingbird

/// A refusal in the Instacart error format: status, message, code and the field it is about.
public struct SandboxError: Error, Sendable, Equatable {
    public var status: HTTPResponse.Status
    public var message: String
    public var code: Int?
    public var key: String?
    /// Extra headers, such as `Retry-After` or `WWW-Authenticate`.
    public var headers: [String: String]

    public init(_ status: HTTPResponse.Status, _ message: String, code: Int? = InstacartErrorCode.validation, key: String? = nil,
                headers: [String: String] = [:]) {
        self.status = status
        self.message = message
        self.code = code
        self.key = key
        self.headers = headers
    }

    static func badRequest(_ message: String, key: String?, code: Int = InstacartErrorCode.validation) -> SandboxError {
        SandboxError(.badRequest, message, code: code, key: key)
    }

    static func notFound(_ what: String, key: String) -> SandboxError {
        SandboxError(.notFound, "\(what) not found", code: InstacartErrorCode.notFound, key: key)
    }

    static func forbidden(_ message: String, key: String? = nil) -> SandboxError {
        SandboxError(.forbidden, message, code: nil, key: key)
    }

    static func unauthorized(_ message: String) -> SandboxError {
        SandboxError(.unauthorized, message, code: nil, key: "Authorization", headers: ["WWW-Authenticate": "Bearer"])
    }

    /// The body as the Connect APIs send it.
    var body: InstacartErrorBody { InstacartErrorBody(message: message, code: code, key: key) }

    /// The error as an HTTP response.
    func response() -> Response {
        var response = JSONReply.response(body, status: status)
        for (name, value) in headers {
            switch name.lowercased() {
            case "retry-after": response.headers[.retryAfter] = value
            case "www-authenticate": response.headers[.wwwAuthenticate] = value
            default: break
            }
        }
        return response
    }
}

/// Builds JSON responses with the shared Connect encoder.
enum JSONReply {
    static func response<T: Encodable>(_ value: T, status: HTTPResponse.Status = .ok) -> Response {
        let data = (try? ConnectJSON.encoder().encode(value)) ?? Data("{}".utf8)
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
