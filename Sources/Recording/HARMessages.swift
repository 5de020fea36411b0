import Foundation

/// A header, cookie or query parameter.
public struct HARNameValue: Codable, Sendable, Hashable {
    public var name: String
    public var value: String

    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}

extension Array where Element == HARNameValue {
    /// The first value named `name`, compared without case, as HTTP header names are.
    public func first(named name: String) -> String? {
        first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// Every value named `name`, in order.
    public func values(named name: String) -> [String] {
        filter { $0.name.caseInsensitiveCompare(name) == .orderedSame }.map(\.value)
    }
}

/// The request half of an entry.
public struct HARRequest: Codable, Sendable {
    public var method: String
    public var url: String
    public var httpVersion: String
    public var cookies: [HARNameValue]
    public var headers: [HARNameValue]
    public var queryString: [HARNameValue]
    public var postData: HARPostData?
    /// -1: the exact bytes on the wire are not known.
    public var headersSize: Int
    public var bodySize: Int

    public init(method: String, url: String, httpVersion: String = "HTTP/1.1", cookies: [HARNameValue] = [], headers: [HARNameValue] = [],
                queryString: [HARNameValue] = [], postData: HARPostData? = nil, headersSize: Int = -1, bodySize: Int = 0) {
        self.method = method
        self.url = url
        self.httpVersion = httpVersion
        self.cookies = cookies
        self.headers = headers
        self.queryString = queryString
        self.postData = postData
        self.headersSize = headersSize
        self.bodySize = bodySize
    }

    // Other tools leave out what they did not see; only the method and URL are needed to replay.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        method = try c.decode(String.self, forKey: .method)
        url = try c.decode(String.self, forKey: .url)
        httpVersion = try c.decodeIfPresent(String.self, forKey: .httpVersion) ?? "HTTP/1.1"
        cookies = try c.decodeIfPresent([HARNameValue].self, forKey: .cookies) ?? []
        headers = try c.decodeIfPresent([HARNameValue].self, forKey: .headers) ?? []
        queryString = try c.decodeIfPresent([HARNameValue].self, forKey: .queryString) ?? []
        postData = try c.decodeIfPresent(HARPostData.self, forKey: .postData)
        headersSize = try c.decodeIfPresent(Int.self, forKey: .headersSize) ?? -1
        bodySize = try c.decodeIfPresent(Int.self, forKey: .bodySize) ?? -1
    }

    /// The first header named `name`, compared without case.
    public func header(_ name: String) -> String? { headers.first(named: name) }
}

/// A request body.
public struct HARPostData: Codable, Sendable, Hashable {
    public var mimeType: String
    public var text: String

    public init(mimeType: String, text: String) {
        self.mimeType = mimeType
        self.text = text
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        mimeType = try c.decodeIfPresent(String.self, forKey: .mimeType) ?? ""
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
    }
}

/// The response half of an entry; `status` 0 when no reply came.
public struct HARResponse: Codable, Sendable {
    public var status: Int
    public var statusText: String
    public var httpVersion: String
    public var cookies: [HARNameValue]
    public var headers: [HARNameValue]
    public var content: HARContent
    public var redirectURL: String
    public var headersSize: Int
    public var bodySize: Int

    public init(status: Int, statusText: String = "", httpVersion: String = "HTTP/1.1", cookies: [HARNameValue] = [],
                headers: [HARNameValue] = [], content: HARContent = HARContent(), redirectURL: String = "",
                headersSize: Int = -1, bodySize: Int = 0) {
        self.status = status
        self.statusText = statusText
        self.httpVersion = httpVersion
        self.cookies = cookies
        self.headers = headers
        self.content = content
        self.redirectURL = redirectURL
        self.headersSize = headersSize
        self.bodySize = bodySize
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        status = try c.decode(Int.self, forKey: .status)
        statusText = try c.decodeIfPresent(String.self, forKey: .statusText) ?? ""
        httpVersion = try c.decodeIfPresent(String.self, forKey: .httpVersion) ?? "HTTP/1.1"
        cookies = try c.decodeIfPresent([HARNameValue].self, forKey: .cookies) ?? []
        headers = try c.decodeIfPresent([HARNameValue].self, forKey: .headers) ?? []
        content = try c.decodeIfPresent(HARContent.self, forKey: .content) ?? HARContent()
        redirectURL = try c.decodeIfPresent(String.self, forKey: .redirectURL) ?? ""
        headersSize = try c.decodeIfPresent(Int.self, forKey: .headersSize) ?? -1
        bodySize = try c.decodeIfPresent(Int.self, forKey: .bodySize) ?? -1
    }

    /// The first header named `name`, compared without case.
    public func header(_ name: String) -> String? { headers.first(named: name) }
}

/// A response body: text as it came, or base64 (`encoding`) when it was not UTF-8.
public struct HARContent: Codable, Sendable, Hashable {
    public var size: Int
    public var mimeType: String
    public var text: String?
    public var encoding: String?

    public init(size: Int = 0, mimeType: String = "", text: String? = nil, encoding: String? = nil) {
        self.size = size
        self.mimeType = mimeType
        self.text = text
        self.encoding = encoding
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        size = try c.decodeIfPresent(Int.self, forKey: .size) ?? -1
        mimeType = try c.decodeIfPresent(String.self, forKey: .mimeType) ?? ""
        text = try c.decodeIfPresent(String.self, forKey: .text)
        encoding = try c.decodeIfPresent(String.self, forKey: .encoding)
    }

    /// The body as bytes: the text as UTF-8, or decoded from base64 when `encoding` says so (empty if that fails).
    public var data: Data {
        guard let text else { return Data() }
        if encoding?.lowercased() == "base64" {
            return Data(base64Encoded: text, options: .ignoreUnknownCharacters) ?? Data()
        }
        return Data(text.utf8)
    }

    /// Content for `body`: UTF-8 text when it is that, base64 otherwise, so any reply survives the round trip.
    public init(body: Data, mimeType: String) {
        size = body.count
        self.mimeType = mimeType
        if let text = String(data: body, encoding: .utf8) {
            self.text = text
            encoding = nil
        } else {
            text = body.base64EncodedString()
            encoding = "base64"
        }
    }
}
