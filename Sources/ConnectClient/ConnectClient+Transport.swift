import ConnectModels
import Foundation
import NIOHTTP1
import Recording

extension ConnectClient {
    // MARK: - Transport

    /// Sends a request and decodes the reply, turning every failure into a `ConnectError`.
    func send<Response: Decodable>(_ call: ConnectEndpoint, _ params: [String: String] = [:],
                                   body: (any Encodable)? = nil, authorized: Bool = true,
                                   emptyBody: Response? = nil) async throws -> Response {
        let endpoint = call.description
        var path = call.template
        for (name, value) in params {
            if value.isEmpty { throw ConnectError.invalidRequest("\(endpoint): \(name) is empty") }
            path = path.replacingOccurrences(of: "{\(name)}", with: Self.escapePathComponent(value))
        }
        var headers = [HARNameValue(name: "Accept", value: "application/json"), HARNameValue(name: "User-Agent", value: userAgent)]
        if authorized, let token {
            headers.append(HARNameValue(name: "Authorization", value: "Bearer \(token.secret)"))
        }
        if let retailerID { headers.append(HARNameValue(name: "X-Retailer-Id", value: retailerID)) }
        var data: Data?
        if let body {
            do { data = try ConnectJSON.encoder().encode(body) } catch {
                throw ConnectError.invalidRequest("\(endpoint): could not encode the request: \(error)")
            }
            headers.append(HARNameValue(name: "Content-Type", value: "application/json"))
        }
        let reply = try await execute(OutgoingRequest(method: call.method, url: baseURL + path, headers: headers, body: data,
                                                      endpoint: endpoint, orderID: params["order_id"], timeout: timeout,
                                                      maxResponseBytes: maxResponseBytes, baseURL: baseURL))
        guard (200..<300).contains(reply.status) else {
            let errorBody = try? ConnectJSON.decoder().decode(InstacartErrorBody.self, from: reply.body)
            throw ConnectError.http(endpoint: endpoint, status: reply.status, body: errorBody,
                                    retryAfter: reply.header("Retry-After").flatMap(Self.parseRetryAfter))
        }
        if let emptyBody, reply.body.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { return emptyBody }
        return try ConnectDecoding.decode(Response.self, from: reply.body, endpoint: endpoint)
    }

    /// Hands the request to the transport; whatever it throws comes out as a `ConnectError`, one it made unchanged.
    func execute(_ request: OutgoingRequest) async throws -> IncomingReply {
        do {
            return try await transport.execute(request)
        } catch let error as ConnectError {
            throw error
        } catch {
            throw Self.transportError(error, endpoint: request.endpoint, base: request.baseURL)
        }
    }

    static func transportError(_ error: any Error, endpoint: String, base: String) -> ConnectError {
        let text = String(describing: error)
        let lower = text.lowercased()
        let reason: String
        var sent = true
        if lower.contains("refused") {
            reason = "connection refused"; sent = false
        } else if lower.contains("connecttimeout") || lower.contains("connect timeout") {
            reason = "connecting timed out"; sent = false
        } else if lower.contains("deadlineexceeded") || lower.contains("readtimeout") || lower.contains("timeout") {
            reason = "no reply in time"
        } else if lower.contains("remoteconnectionclosed") || lower.contains("connection reset") || lower.contains("eof")
                    || lower.contains("stream ended") {
            reason = "the server closed the connection"
        } else if lower.contains("responsetoolarge") || lower.contains("toolarge") || lower.contains("toomanybytes") {
            reason = "the reply was too large"
        } else if lower.contains("invalidurl") || lower.contains("emptyhost") || lower.contains("unsupportedscheme") {
            reason = "the URL is not valid"; sent = false
        } else if lower.contains("no such host") || lower.contains("nodename") || lower.contains("resolve") {
            reason = "the host name does not resolve"; sent = false
        } else {
            reason = String(text.prefix(160))
        }
        return .transport(endpoint: endpoint, baseURL: base, reason: reason, mayHaveBeenSent: sent)
    }

    static func escapePathComponent(_ value: String) -> String {
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "/?#")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    /// `Retry-After` as seconds, or as an HTTP date.
    static func parseRetryAfter(_ value: String) -> Duration? {
        let trimmed = value.trimmingCharacters(in: .whitespaces)
        if let seconds = Double(trimmed), seconds >= 0, seconds.isFinite { return .milliseconds(Int64(min(seconds, 86_400) * 1000)) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        if let date = formatter.date(from: trimmed) {
            return .milliseconds(Int64(max(0, min(date.timeIntervalSinceNow, 86_400)) * 1000))
        }
        return nil
    }
}
