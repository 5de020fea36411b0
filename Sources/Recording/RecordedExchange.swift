import ConnectModels
import Foundation

/// One HTTP exchange as a transport saw it, before redaction: what the recorder is given.
public struct RecordedExchange: Sendable {
    public var started: Date
    public var duration: Duration
    public var method: String
    public var url: String
    public var requestHeaders: [HARNameValue]
    public var requestBody: Data?
    /// 0 when no reply came; `error` says why.
    public var status: Int
    public var statusText: String
    public var responseHeaders: [HARNameValue]
    public var responseBody: Data?
    /// Method and path template, such as `GET /v2/post_checkout/orders/{order_id}`.
    public var endpoint: String
    public var orderID: String?
    public var error: String?

    public init(started: Date, duration: Duration, method: String, url: String, requestHeaders: [HARNameValue] = [],
                requestBody: Data? = nil, status: Int, statusText: String = "", responseHeaders: [HARNameValue] = [],
                responseBody: Data? = nil, endpoint: String, orderID: String? = nil, error: String? = nil) {
        self.started = started
        self.duration = duration
        self.method = method
        self.url = url
        self.requestHeaders = requestHeaders
        self.requestBody = requestBody
        self.status = status
        self.statusText = statusText
        self.responseHeaders = responseHeaders
        self.responseBody = responseBody
        self.endpoint = endpoint
        self.orderID = orderID
        self.error = error
    }

    /// The path of `url`, without query, for deciding which endpoint this was.
    var path: String { URLComponents(string: url)?.path ?? url }
}

extension HAREntry {
    /// The entry for an exchange, as it is (redact it first). The whole time counts as waiting, because
    /// the transport sees only when a request started and when its reply was complete.
    public init(_ exchange: RecordedExchange) {
        let ms = (exchange.duration.secondsDouble * 1_000_000).rounded() / 1000
        let requestType = exchange.requestHeaders.first(named: "Content-Type") ?? ""
        let request = HARRequest(
            method: exchange.method, url: exchange.url, headers: exchange.requestHeaders,
            queryString: (URLComponents(string: exchange.url)?.queryItems ?? []).map { HARNameValue(name: $0.name, value: $0.value ?? "") },
            postData: exchange.requestBody.map { HARPostData(mimeType: requestType, text: String(decoding: $0, as: UTF8.self)) },
            bodySize: exchange.requestBody?.count ?? 0)
        let response: HARResponse
        if exchange.status == 0 {
            response = HARResponse(status: 0, statusText: "", httpVersion: "", bodySize: -1)
        } else {
            let body = exchange.responseBody ?? Data()
            let responseType = exchange.responseHeaders.first(named: "Content-Type") ?? ""
            response = HARResponse(status: exchange.status, statusText: exchange.statusText, headers: exchange.responseHeaders,
                                   content: HARContent(body: body, mimeType: responseType),
                                   redirectURL: exchange.responseHeaders.first(named: "Location") ?? "", bodySize: body.count)
        }
        self.init(startedDateTime: exchange.started, time: ms, request: request, response: response,
                  timings: HARTimings(wait: ms), endpoint: exchange.endpoint, orderID: exchange.orderID, error: exchange.error)
    }
}
