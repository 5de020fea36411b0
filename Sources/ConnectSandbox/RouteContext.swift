import ConnectModels
import Foundation
import Hummingbird
import NIOCore

/// What every route file needs: the store, the body cap, and helpers for auth and bodies.
struct RouteContext: Sendable {
    let store: SandboxStore
    let maxBodyBytes: Int

    // MARK: - Auth

    static func bearer(_ request: Request) -> String? {
        guard let header = request.headers[.authorization]?.trimmingCharacters(in: .whitespaces) else { return nil }
        let parts = header.split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        return parts[1].trimmingCharacters(in: .whitespaces)
    }

    /// The Connect user a post-checkout call speaks for; only user access tokens qualify.
    func user(_ request: Request) async throws -> String {
        switch try await store.authenticate(Self.bearer(request)) {
        case .user(let id): return id
        default: throw SandboxError.forbidden("This call needs a user access token (grant fulfillment_user_assertion, scope connect:post_checkout)",
                                              key: "Authorization")
        }
    }

    /// Requires a client-credentials token, as fulfillment and Sandbox API calls do.
    func client(_ request: Request) async throws {
        guard try await store.authenticate(Self.bearer(request)) == .client else {
            throw SandboxError.forbidden("This call needs a client-credentials token (grant client_credentials, scope connect:fulfillment)",
                                         key: "Authorization")
        }
    }

    /// Account linking takes the client token; the seed's examples are ambiguous, so a linking token works too.
    func clientOrLinking(_ request: Request) async throws {
        switch try await store.authenticate(Self.bearer(request)) {
        case .client, .linking: return
        case .user: throw SandboxError.forbidden("This call needs a client-credentials token", key: "Authorization")
        }
    }

    // MARK: - Parameters

    static func parameter(_ context: BasicRequestContext, _ name: String) throws -> String {
        guard let raw = context.parameters.get(name) else { throw SandboxError.badRequest("\(name) is required", key: name) }
        let value = raw.removingPercentEncoding ?? raw
        guard !value.isEmpty, value.count <= 200 else { throw SandboxError.badRequest("\(name) is not valid", key: name) }
        return value
    }

    // MARK: - Bodies

    /// The raw body, capped; an oversized one is a 400 in the Instacart format (the documented codes have no 413).
    func rawBody(_ request: Request) async throws -> Data {
        do {
            let buffer = try await request.body.collect(upTo: maxBodyBytes)
            return Data(buffer.readableBytesView)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw SandboxError(.badRequest, "The request body is too large (limit \(maxBodyBytes) bytes)", key: "body")
        } catch is NIOTooManyBytesError {
            throw SandboxError(.badRequest, "The request body is too large (limit \(maxBodyBytes) bytes)", key: "body")
        }
    }

    /// Decodes a JSON body; nil when it is empty. Content-Type is not checked, because the seed's
    /// curl commands sometimes send JSON without one.
    func optionalBody<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T? {
        let data = try await rawBody(request)
        if data.allSatisfy({ [0x20, 0x0A, 0x0D, 0x09].contains($0) }) { return nil }
        return try Self.decode(T.self, from: data)
    }

    /// Decodes a JSON body that must be there.
    func body<T: Decodable>(_ type: T.Type, _ request: Request) async throws -> T {
        guard let value = try await optionalBody(T.self, request) else {
            throw SandboxError.badRequest("A JSON request body is required", key: "body", code: InstacartErrorCode.parameters)
        }
        return value
    }

    /// Turns decoding failures into 400s naming the field.
    static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        do {
            return try ConnectJSON.decoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            throw badRequest(for: error)
        } catch {
            throw SandboxError.badRequest("The request body is not valid JSON", key: "body", code: InstacartErrorCode.parameters)
        }
    }

    static func badRequest(for error: DecodingError) -> SandboxError {
        func path(_ keys: [any CodingKey]) -> String {
            keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        func kind(_ type: Any.Type) -> String {
            switch type {
            case is String.Type: "a string"
            case is Bool.Type: "a boolean"
            case is Int.Type, is Int64.Type, is Double.Type, is Float.Type: "a number"
            case is [Any].Type: "an array"
            default: String(describing: type).hasPrefix("Array") ? "an array" : String(describing: type).hasPrefix("Dictionary") ? "an object" : "a \(type)"
            }
        }
        switch error {
        case .keyNotFound(let key, let context):
            let field = path(context.codingPath + [key])
            return .badRequest("\(field) is required", key: field, code: InstacartErrorCode.parameters)
        case .typeMismatch(let type, let context):
            let field = path(context.codingPath)
            return .badRequest("\(field.isEmpty ? "The request body" : field) must be \(kind(type))", key: field.isEmpty ? "body" : field,
                               code: InstacartErrorCode.parameters)
        case .valueNotFound(let type, let context):
            let field = path(context.codingPath)
            return .badRequest("\(field) can't be null (expected \(kind(type)))", key: field, code: InstacartErrorCode.parameters)
        case .dataCorrupted(let context):
            let field = path(context.codingPath)
            if field.isEmpty { return .badRequest("The request body is not valid JSON", key: "body", code: InstacartErrorCode.parameters) }
            return .badRequest("\(field) is not valid", key: field, code: InstacartErrorCode.parameters)
        @unknown default:
            return .badRequest("The request body is not valid", key: "body", code: InstacartErrorCode.parameters)
        }
    }
}

/// The `{}` reply.
struct EmptyObject: Encodable {}
