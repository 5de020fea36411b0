import Foundation
import Recording
import Testing

@Suite("HARRedactor: secrets out, chat optional, everything else as it was")
struct HARRedactorTests {
    func exchange(_ method: String = "POST", path: String, requestBody: String? = nil, requestType: String = "application/json",
                  responseBody: String? = nil) -> RecordedExchange {
        RecordedExchange(started: Date(), duration: .milliseconds(1), method: method, url: Exchanges.base + path,
                         requestHeaders: [HARNameValue(name: "Content-Type", value: requestType)], requestBody: requestBody.map { Data($0.utf8) },
                         status: 200, responseHeaders: [HARNameValue(name: "Content-Type", value: "application/json")],
                         responseBody: responseBody.map { Data($0.utf8) }, endpoint: "\(method) \(path)")
    }

    func object(_ data: Data?) throws -> NSDictionary {
        let bytes = try #require(data)
        return try #require(try JSONSerialization.jsonObject(with: bytes) as? NSDictionary)
    }

    @Test("credential headers are replaced, whatever their case; the others are kept")
    func headers() {
        let headers = [
            HARNameValue(name: "authorization", value: "Bearer abc"), HARNameValue(name: "Proxy-Authorization", value: "Basic xyz"),
            HARNameValue(name: "Cookie", value: "s=1"), HARNameValue(name: "SET-COOKIE", value: "s=2; HttpOnly"),
            HARNameValue(name: "Accept", value: "application/json"),
        ]
        #expect(HARRedactor.redactHeaders(headers).map(\.value) == ["[redacted]", "[redacted]", "[redacted]", "[redacted]", "application/json"])
        #expect(HARRedactor.redactHeaders(headers).map(\.name) == headers.map(\.name))
    }

    @Test("secret keys are replaced at any depth, in requests and replies; the rest of the JSON is equal")
    func nestedJSON() throws {
        let request = #"{"grant_type":"authorization_code","client_secret":"s1","code":"c1","nested":[{"password":"p1","keep":[1,2.5,true,null]}]}"#
        let reply = #"{"access_token":"a1","refresh_token":"r1","id_token":"i1","token":{"x":1},"meta":{"Code_Verifier":"v1","count":3}}"#
        let redacted = HARRedactor().redact(exchange(path: "/v2/oauth/token", requestBody: request, responseBody: reply))
        #expect(try object(redacted.requestBody) == [
            "grant_type": "authorization_code", "client_secret": "[redacted]", "code": "[redacted]",
            "nested": [["password": "[redacted]", "keep": [1, 2.5, true, NSNull()]]],
        ] as NSDictionary)
        #expect(try object(redacted.responseBody) == [
            "access_token": "[redacted]", "refresh_token": "[redacted]", "id_token": "[redacted]", "token": "[redacted]",
            "meta": ["Code_Verifier": "[redacted]", "count": 3],
        ] as NSDictionary)
        let booleans = String(decoding: try #require(redacted.requestBody), as: UTF8.self)
        #expect(booleans.contains("true") && booleans.contains("null"), "\(booleans)")
    }

    @Test("a body with nothing secret keeps its exact bytes")
    func untouched() {
        let body = "{ \"id\" : \"o-1\",\n  \"url\": \"https://x/y\" }"
        let redacted = HARRedactor().redact(exchange("GET", path: "/v2/post_checkout/orders/o-1", responseBody: body))
        #expect(redacted.responseBody == Data(body.utf8))
    }

    @Test("a form-encoded token request keeps its fields, not their secret values")
    func formToken() throws {
        let body = "grant_type=fulfillment_user_assertion&client_id=abc&client_secret=s%26cret&assertion=eyJ1c2VyX2lkIjoiMSJ9&scope=connect%3Apost_checkout"
        for type in ["application/x-www-form-urlencoded; charset=utf-8", ""] {
            let redacted = HARRedactor().redact(exchange(path: "/v2/oauth/token", requestBody: body, requestType: type))
            #expect(String(decoding: try #require(redacted.requestBody), as: UTF8.self)
                    == "grant_type=fulfillment_user_assertion&client_id=abc&client_secret=%5Bredacted%5D&assertion=%5Bredacted%5D&scope=connect%3Apost_checkout")
        }
    }

    @Test("on the token endpoint a body that is neither JSON nor a form is dropped whole; elsewhere it is kept")
    func opaqueBodies() {
        let odd = "client_secret: s3cret value\n"
        let token = HARRedactor().redact(exchange(path: "/v2/oauth/token", requestBody: odd, requestType: "text/plain", responseBody: "<html>token t0k</html>"))
        #expect(token.requestBody == Data("[redacted]".utf8))
        #expect(token.responseBody == Data("[redacted]".utf8))
        let page = HARRedactor().redact(exchange("GET", path: "/v2/post_checkout/orders/1", responseBody: "<html>502</html>"))
        #expect(page.responseBody == Data("<html>502</html>".utf8))
    }

    @Test("a secret in the query string is replaced, the parameter kept")
    func query() {
        var call = exchange("GET", path: "/v2/post_checkout/orders/1?access_token=abc&page=2")
        call = HARRedactor().redact(call)
        #expect(call.url == Exchanges.base + "/v2/post_checkout/orders/1?access_token=%5Bredacted%5D&page=2")
        #expect(HAREntry(call).request.queryString == [HARNameValue(name: "access_token", value: "[redacted]"), HARNameValue(name: "page", value: "2")])
    }

    @Test("with redactChat every chat body becomes its length in characters; without it, and off the chat, bodies stay")
    func chat() throws {
        let conversation = #"{"chat_messages":[{"id":"1","body":"Oat milk? 👍🏽"},{"id":"2","body":"","image":"x"}],"metadata":{"body":{"n":1}}}"#
        let path = "/v2/post_checkout/chat/o-1/messages"
        let redacted = HARRedactor(redactChat: true).redact(exchange("GET", path: path, responseBody: conversation))
        #expect(try object(redacted.responseBody) == [
            "chat_messages": [["id": "1", "body": "[11 characters]"], ["id": "2", "body": "[0 characters]", "image": "x"]],
            "metadata": ["body": ["n": 1]],
        ] as NSDictionary)
        let sent = HARRedactor(redactChat: true).redact(exchange(path: path, requestBody: #"{"body":"Hello there","image_url":""}"#))
        #expect(try object(sent.requestBody) == ["body": "[11 characters]", "image_url": ""] as NSDictionary)
        let shopper = HARRedactor(redactChat: true).redact(exchange(path: "/v2/fulfillment_sandbox/orders/o-1/messages", requestBody: #"{"body":"Hi"}"#))
        #expect(try object(shopper.requestBody) == ["body": "[2 characters]"] as NSDictionary)

        #expect(HARRedactor(redactChat: false).redact(exchange("GET", path: path, responseBody: conversation)).responseBody == Data(conversation.utf8))
        let elsewhere = #"{"body":"not chat"}"#
        #expect(HARRedactor(redactChat: true).redact(exchange(path: "/v2/post_checkout/orders/o-1", requestBody: elsewhere)).requestBody == Data(elsewhere.utf8))
    }
}
