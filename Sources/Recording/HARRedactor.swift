import ConnectModels
import Foundation

/// Takes the secrets out of an exchange before it is written, and (with `redactChat`) what people said.
public struct HARRedactor: Sendable {
    /// What a secret is replaced with.
    public static let placeholder = "[redacted]"
    /// Headers whose values are credentials.
    public static let secretHeaders: Set<String> = ["authorization", "proxy-authorization", "cookie", "set-cookie"]
    /// JSON and form keys whose values are credentials, wherever they appear.
    public static let secretKeys: Set<String> = [
        "client_secret", "access_token", "refresh_token", "id_token", "assertion", "code", "code_verifier", "password", "token",
        "linking_token",
    ]

    /// Replace chat message bodies with their length.
    public var redactChat: Bool

    public init(redactChat: Bool = false) { self.redactChat = redactChat }

    /// The exchange with every secret (and chat text, when asked) replaced; everything else as it was.
    public func redact(_ exchange: RecordedExchange) -> RecordedExchange {
        var copy = exchange
        let path = exchange.path
        let isToken = path.hasSuffix(ConnectEndpoint.token.template)
        let isChat = redactChat && Self.isChat(path: path)
        copy.url = Self.redactQuery(in: exchange.url)
        copy.requestHeaders = Self.redactHeaders(exchange.requestHeaders)
        copy.responseHeaders = Self.redactHeaders(exchange.responseHeaders)
        copy.requestBody = exchange.requestBody.map {
            redactBody($0, contentType: exchange.requestHeaders.first(named: "Content-Type"), isToken: isToken, isChat: isChat)
        }
        copy.responseBody = exchange.responseBody.map {
            redactBody($0, contentType: exchange.responseHeaders.first(named: "Content-Type"), isToken: isToken, isChat: isChat)
        }
        return copy
    }

    /// Chat endpoints: the post-checkout chat, and the sandbox's shopper side of it, wherever the
    /// server is mounted (the path may carry a prefix before `/v2`).
    static func isChat(path: String) -> Bool {
        ConnectEndpoint.chat.contains { $0.matchesEnd(of: path) }
    }

    public static func redactHeaders(_ headers: [HARNameValue]) -> [HARNameValue] {
        headers.map { secretHeaders.contains($0.name.lowercased()) ? HARNameValue(name: $0.name, value: placeholder) : $0 }
    }

    func redactBody(_ body: Data, contentType: String?, isToken: Bool, isChat: Bool) -> Data {
        if body.isEmpty { return body }
        if let object = try? JSONSerialization.jsonObject(with: body, options: [.fragmentsAllowed]) {
            var changed = false
            let redacted = Self.redactJSON(object, chat: isChat, changed: &changed)
            guard changed else { return body }
            // Only a changed body is written anew, so untouched replies keep their exact bytes for a replay.
            return (try? JSONSerialization.data(withJSONObject: redacted, options: [.sortedKeys, .withoutEscapingSlashes, .fragmentsAllowed]))
                ?? Data(Self.placeholder.utf8)
        }
        let isForm = contentType?.lowercased().contains("application/x-www-form-urlencoded") ?? false
        if isForm || (isToken && Self.looksLikeForm(body)) {
            return Self.redactForm(body)
        }
        // A token endpoint's body in some other shape may hold a secret in a way we cannot see: drop it whole.
        return isToken ? Data(Self.placeholder.utf8) : body
    }

    /// Walks a `JSONSerialization` value, replacing secret values and (with `chat`) every `body` string.
    static func redactJSON(_ value: Any, chat: Bool, changed: inout Bool) -> Any {
        if let dictionary = value as? [String: Any] {
            var result: [String: Any] = [:]
            for (key, inner) in dictionary {
                if secretKeys.contains(key.lowercased()) {
                    result[key] = placeholder
                    changed = true
                } else if chat, key == "body", let text = inner as? String {
                    result[key] = "[\(text.count) characters]"
                    changed = true
                } else {
                    result[key] = redactJSON(inner, chat: chat, changed: &changed)
                }
            }
            return result
        }
        if let array = value as? [Any] {
            return array.map { redactJSON($0, chat: chat, changed: &changed) }
        }
        return value
    }

    static func looksLikeForm(_ body: Data) -> Bool {
        guard let text = String(data: body, encoding: .utf8), !text.isEmpty else { return false }
        return text.split(separator: "&").allSatisfy { $0.contains("=") && !$0.contains(" ") && !$0.contains("\n") }
    }

    /// `a=1&client_secret=x` with each secret value replaced, the rest of the bytes as they were.
    static func redactForm(_ body: Data) -> Data {
        let text = String(decoding: body, as: UTF8.self)
        let pairs = text.split(separator: "&", omittingEmptySubsequences: false).map { pair -> String in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = (String(parts[0]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(parts[0])).lowercased()
            guard parts.count == 2, secretKeys.contains(name) else { return String(pair) }
            return "\(parts[0])=%5Bredacted%5D"
        }
        return Data(pairs.joined(separator: "&").utf8)
    }

    /// A URL whose query carries a secret (`?access_token=...`) keeps the parameter, not its value.
    static func redactQuery(in url: String) -> String {
        guard var components = URLComponents(string: url), let items = components.queryItems,
              items.contains(where: { secretKeys.contains($0.name.lowercased()) }) else { return url }
        components.queryItems = items.map { secretKeys.contains($0.name.lowercased()) ? URLQueryItem(name: $0.name, value: placeholder) : $0 }
        return components.string ?? url
    }
}
