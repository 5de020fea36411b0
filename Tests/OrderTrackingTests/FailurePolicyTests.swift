import ConnectModels
import OrderTracking
import Testing

/// Every failure the tracker can meet, and what it leads to.
@Suite("FailurePolicy")
struct FailurePolicyTests {
    static let policy = FailurePolicy(TrackerConfiguration(slowInterval: .seconds(30),
                                                           backoff: Backoff(initial: .seconds(1), ceiling: .seconds(8), jitter: 0),
                                                           sendBackoff: Backoff(initial: .seconds(1), ceiling: .seconds(3), jitter: 0)))

    static func http(_ status: Int, retryAfter: Duration? = nil, message: String? = nil) -> ConnectError {
        .http(endpoint: "GET x", status: status, body: message.map { InstacartErrorBody(message: $0, code: nil) }, retryAfter: retryAfter)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var endpoint: TrackedEndpoint
        var error: ConnectError
        var attempt: Int
        var expected: FailureDecision
        var testDescription: String { "\(endpoint) \(error) #\(attempt)" }
    }

    static let cases: [Case] = [
        Case(endpoint: .order, error: http(401), attempt: 1, expected: .pauseForToken),
        Case(endpoint: .chat, error: http(401), attempt: 3, expected: .pauseForToken),
        Case(endpoint: .location, error: http(403, message: "hidden"), attempt: 1, expected: .stop(.forbidden("hidden"))),
        Case(endpoint: .order, error: http(403, message: "not yours"), attempt: 1,
             expected: .retry(after: .seconds(30), status: .forbidden("not yours"))),
        Case(endpoint: .order, error: http(404), attempt: 1, expected: .stop(.notFound)),
        Case(endpoint: .items, error: http(404), attempt: 1, expected: .stop(.notFound)),
        Case(endpoint: .handling, error: http(404), attempt: 3, expected: .stop(.notFound)),
        Case(endpoint: .order, error: http(429, retryAfter: .seconds(7)), attempt: 1,
             expected: .retry(after: .seconds(7), status: .retrying(after: .seconds(7), reason: "rate limited (429)"))),
        Case(endpoint: .order, error: http(429), attempt: 3,
             expected: .retry(after: .seconds(4), status: .retrying(after: .seconds(4), reason: "rate limited (429)"))),
        Case(endpoint: .items, error: http(503, message: "busy"), attempt: 2,
             expected: .retry(after: .seconds(2), status: .retrying(after: .seconds(2), reason: "HTTP 503: busy"))),
        Case(endpoint: .items, error: http(503, retryAfter: .seconds(5)), attempt: 9,
             expected: .retry(after: .seconds(5), status: .retrying(after: .seconds(5), reason: "HTTP 503"))),
        Case(endpoint: .handling, error: http(500), attempt: 10,
             expected: .retry(after: .seconds(8), status: .retrying(after: .seconds(8), reason: "HTTP 500"))),
        Case(endpoint: .chat, error: .transport(endpoint: "GET x", baseURL: "b", reason: "connection refused", mayHaveBeenSent: false),
             attempt: 1, expected: .retry(after: .seconds(1), status: .retrying(after: .seconds(1), reason: "connection refused"))),
        Case(endpoint: .order, error: .invalidRequest("order_id is empty"), attempt: 1, expected: .stop(.badReply("order_id is empty"))),
    ]

    @Test("polling", arguments: cases)
    func polling(_ c: Case) {
        #expect(Self.policy.decide(c.endpoint, error: c.error, attempt: c.attempt, unit: 0.5) == c.expected)
    }

    @Test("a reply that does not decode backs off and says why")
    func decoding() {
        let error = ConnectError.decoding(endpoint: "GET x", field: "status", reason: "missing")
        #expect(Self.policy.decide(.items, error: error, attempt: 2, unit: 0) == .retry(after: .seconds(2), status: .badReply(error.description)))
    }

    @Test("an error that is not a ConnectError is retried, never the end of polling")
    func foreignError() {
        struct Odd: Error {}
        guard case .retry(let after, .retrying) = Self.policy.decide(.order, error: Odd(), attempt: 1, unit: 0) else {
            Issue.record("not retried")
            return
        }
        #expect(after == .seconds(1))
    }

    @Test("sending: transient errors retry, a refusal fails the message, a 401 waits for a token")
    func sending() {
        let p = Self.policy
        #expect(p.decideSend(error: Self.http(401), attempt: 1, unit: 0) == .pauseForToken)
        #expect(p.decideSend(error: Self.http(400, message: "Chat is closed"), attempt: 1, unit: 0) == .refuse(reason: "Chat is closed"))
        #expect(p.decideSend(error: Self.http(422), attempt: 1, unit: 0) == .refuse(reason: "HTTP 422"))
        #expect(p.decideSend(error: Self.http(503), attempt: 3, unit: 0) == .retry(after: .seconds(3)), "the send backoff's ceiling")
        #expect(p.decideSend(error: Self.http(503), attempt: 30, unit: 0) == .retry(after: .seconds(3)))
        #expect(p.decideSend(error: Self.http(429, retryAfter: .seconds(9)), attempt: 1, unit: 0) == .retry(after: .seconds(9)))
        #expect(p.decideSend(error: Self.http(408), attempt: 1, unit: 0) == .retry(after: .seconds(1)))
        struct Odd: Error {}
        #expect(p.decideSend(error: Odd(), attempt: 2, unit: 0) == .retry(after: .seconds(2)), "a foreign error never ends the sender")
    }

    @Test("transient errors, one definition")
    func transient() {
        #expect(Self.http(503).isTransient && Self.http(429).isTransient && Self.http(408).isTransient)
        #expect(!Self.http(400).isTransient && !Self.http(404).isTransient && !Self.http(401).isTransient)
        #expect(ConnectError.transport(endpoint: "e", baseURL: "b", reason: "r", mayHaveBeenSent: true).isTransient)
        #expect(!ConnectError.invalidRequest("x").isTransient)
    }
}
