import ConnectModels
import Foundation
import OrderTracking
import Testing
import TerminalUI
@testable import Dashboard
@testable import EventLines
import OrderFeed

/// `--json`: each event is one line of JSON with `type`, `order_id` and `time` first, and the fields the README promises.
@Suite("JSONEventFormatter")
struct JSONEventFormatterTests {
    typealias F = Fixture
    static let at = Date(timeIntervalSince1970: 1_642_099_687.25) // 2022-01-13T18:48:07.250Z
    static let orderID = "a3e30880-10b5-445e-a525-7dae3e2e15b3"
    let formatter = JSONEventFormatter()

    /// One line, parsed back; checks what every line shares and that nothing in it can drive a terminal.
    static func parse(_ line: String, type: String, orderID: String = orderID, userID: String? = nil,
                      sourceLocation: SourceLocation = #_sourceLocation) throws -> [String: Any] {
        #expect(!line.contains("\n") && !line.contains("\r"), "one line", sourceLocation: sourceLocation)
        #expect(TextSanitizerTests.isInert(line), "no raw control or bidi characters: \(line)", sourceLocation: sourceLocation)
        #expect(line.hasPrefix("{\"type\":\"\(type)\",\"order_id\":"), "type and order_id come first: \(line)", sourceLocation: sourceLocation)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], sourceLocation: sourceLocation)
        #expect(object["type"] as? String == type, sourceLocation: sourceLocation)
        #expect(object["order_id"] as? String == orderID, sourceLocation: sourceLocation)
        #expect(object["time"] as? String == "2022-01-13T18:48:07.250Z", sourceLocation: sourceLocation)
        #expect(object["user_id"] as? String == userID, sourceLocation: sourceLocation)
        if userID == nil { #expect(object["user_id"] == nil, "no user_id when it is not known", sourceLocation: sourceLocation) }
        return object
    }

    /// The raw text of each object in the `items` array, to check the order of its keys.
    static func items(_ line: String) throws -> [String] {
        let start = try #require(line.range(of: "\"items\":[")).upperBound
        return line[start...].components(separatedBy: "},{").map { $0.hasPrefix("{") ? $0 : "{" + $0 }
    }

    func line(_ event: TrackerEvent, userID: String? = nil) -> String {
        formatter.line(orderID: Self.orderID, userID: userID, event: event, at: Self.at)
    }

    @Test("order: the raw state, its title, the type, the phase, the creation time and the window")
    func order() throws {
        let o = try Self.parse(line(.order(F.order(.verifyingReplacements)), userID: "user-7"), type: "order", userID: "user-7")
        #expect(o["state"] as? String == "verifying_replacements")
        #expect(o["state_title"] as? String == "Verifying replacements")
        #expect(o["fulfillment_type"] as? String == "delivery")
        #expect(o["phase"] as? String == "shopping")
        #expect(o["created_at"] as? String == "2022-01-13T18:28:07.000Z")
        #expect(o["window_starts_at"] as? String == "2022-01-13T19:28:07.000Z")
        #expect(o["window_ends_at"] as? String == "2022-01-13T21:28:07.000Z")
        #expect(o["pickup_category"] == nil)

        let pickup = try Self.parse(line(.order(F.order(.readyForPickup, .pickup))), type: "order")
        #expect(pickup["fulfillment_type"] as? String == "pickup" && pickup["phase"] as? String == "after_checkout")
        #expect(pickup["pickup_category"] as? String == "curbside")
    }

    @Test("order: an unknown state and type are kept as sent, the phase is null, a missing window is left out")
    func unknownOrder() throws {
        let order = Order(id: "1", workflowState: .unknown("being_teleported"), fulfillmentType: .unknown("drone"))
        let o = try Self.parse(line(.order(order)), type: "order")
        #expect(o["state"] as? String == "being_teleported" && o["state_title"] as? String == "being_teleported")
        #expect(o["fulfillment_type"] as? String == "drone")
        #expect(o["phase"] is NSNull && o["created_at"] is NSNull)
        #expect(o["window_starts_at"] == nil && o["window_ends_at"] == nil)
    }

    @Test("items: every item with its list, and the counts the items pane shows")
    func items() throws {
        var items = F.groceryItems
        items.append(LineItem(id: 16, status: .approved, item: OrderItem(name: "Limes", quantity: FlexibleNumber("a few"), costUnit: .unknown("bag"))))
        let o = try Self.parse(line(.items(items)), type: "items")
        let list = try #require(o["items"] as? [[String: Any]])
        #expect(list.count == 16)
        #expect(try Self.items(line(.items(items))).allSatisfy { $0.hasPrefix("{\"id\":") }, "each item starts with its id")
        let yogurt = try #require(list.first { $0["id"] as? String == "7" })
        #expect(yogurt["name"] as? String == "Greek Yogurt" && yogurt["quantity"] as? Double == 1 && yogurt["unit"] as? String == "each")
        #expect(yogurt["status"] as? String == "replaced" && yogurt["group"] as? String == "replaced")
        #expect(yogurt["replacement_status"] as? String == "PENDING")
        let replacement = try #require(yogurt["replacement"] as? [String: Any])
        #expect(replacement["name"] as? String == "Skyr, plain" && replacement["quantity"] as? Double == 1 && replacement["unit"] as? String == "each")
        let apples = try #require(list.first { $0["id"] as? String == "6" })
        #expect(apples["quantity"] as? Double == 2.5 && apples["unit"] as? String == "lb" && apples["replacement"] == nil)
        let limes = try #require(list.first { $0["id"] as? String == "16" })
        #expect(limes["quantity"] as? String == "a few" && limes["unit"] as? String == "bag", "text that is no number stays text")
        #expect(limes["group"] as? String == "found" && limes["replacement_status"] == nil, "approved without a replacement is found")
        #expect(list.first { $0["id"] as? String == "15" }?["status"] as? String == "being_weighed")

        let counts = try #require(o["counts"] as? [String: Int])
        #expect(counts == ["found": 7, "replaced": 2, "refunded": 1, "still_shopping": 6, "total": 16])
        // The same rule as the dashboard's lists, so the two can never disagree.
        let pane = ItemList(items: items).counts
        #expect(counts["found"] == pane[.found] && counts["replaced"] == pane[.replaced]
            && counts["refunded"] == pane[.refunded] && counts["still_shopping"] == pane[.stillShopping])
    }

    @Test("handling: the address, coordinates, notes and flags; null where there is nothing")
    func handling() throws {
        let o = try Self.parse(line(.handling(F.handling)), type: "handling")
        let address = try #require(o["address"] as? [String: Any])
        #expect(address["address_line_1"] as? String == "501 Belt Line Rd" && address["address_line_2"] is NSNull)
        #expect(address["locality"] as? String == "Collinsville" && address["administrative_area"] as? String == "IL")
        #expect(address["postal_code"] as? String == "62234" && address["country_code"] as? String == "US")
        let c = try #require(o["coordinates"] as? [String: Double])
        #expect(c == ["latitude": 38.6924568, "longitude": -89.9785745])
        #expect(o["dropoff_location"] as? String == "Front porch" && o["notes"] as? String == "Ring the bell twice")
        #expect(o["instructions"] as? String == "Dog in the yard, he is friendly" && o["shopper"] is NSNull)
        #expect(o["leave_unattended"] as? Bool == true && o["alcoholic"] as? Bool == true && o["certified_delivery"] as? Bool == true)

        let bare = try Self.parse(line(.handling(Handling(address: nil, coordinates: nil))), type: "handling")
        #expect(bare["address"] is NSNull && bare["coordinates"] is NSNull && bare["notes"] is NSNull)
        #expect(bare["leave_unattended"] as? Bool == false)
    }

    @Test("location: coordinates, or null when the server has none")
    func location() throws {
        let o = try Self.parse(line(.location(Coordinates(latitude: 38.7, longitude: -89.98))), type: "location")
        #expect(o["coordinates"] as? [String: Double] == ["latitude": 38.7, "longitude": -89.98])
        #expect(try Self.parse(line(.location(nil)), type: "location")["coordinates"] is NSNull)
        #expect(try Self.parse(line(.location(Coordinates(latitude: .nan, longitude: 1))), type: "location")["coordinates"] is NSNull)
    }

    @Test("chat: who wrote each message by the shared rules, names, unread shopper messages, expired")
    func chat() throws {
        var conversation = F.conversation
        conversation.chatMessages.append(ChatMessage(id: 4, senderID: "stranger", read: false, body: "?", image: "https://example.com/a.png"))
        conversation.isExpired = true
        let o = try Self.parse(line(.chat(conversation)), type: "chat")
        let messages = try #require(o["messages"] as? [[String: Any]])
        #expect(messages.map { $0["from"] as? String } == ["shopper", "customer", "shopper", "other"])
        #expect(messages.map { $0["name"] as? String } == ["Sam (shopper)", "Ana", "Sam (shopper)", "?"])
        #expect(messages.map { $0["id"] as? String } == ["1", "2", "3", "4"])
        #expect(messages[2]["body"] as? String == F.conversation.chatMessages[2].body && messages[2]["read"] as? Bool == false)
        #expect(messages[0]["created_at"] as? String == "2022-01-13T18:38:07.000Z" && messages[3]["created_at"] is NSNull)
        #expect(messages[3]["image"] as? String == "https://example.com/a.png" && messages[0]["image"] == nil)
        // The unread message from an unknown sender is no shopper's, so it does not count, as on the dashboard.
        #expect(o["unread"] as? Int == conversation.unreadShopperMessages.count && o["unread"] as? Int == 1)
        #expect(o["expired"] as? Bool == true)
    }

    @Test("outbox: each message's state, attempts, error and remote id")
    func outbox() throws {
        let queued = OutboxMessage(id: UUID(uuidString: "00000000-0000-0000-0000-00000000000A")!, body: "Later", state: .queued,
                                   createdAt: F.created, attempts: 1, nextAttemptAt: F.created.addingTimeInterval(3), lastError: "HTTP 503")
        let sent = OutboxMessage(body: "Done", state: .sent(remoteID: "99"), createdAt: F.created, attempts: 1)
        let o = try Self.parse(line(.outbox(F.outbox + [queued, sent])), type: "outbox")
        let messages = try #require(o["messages"] as? [[String: Any]])
        #expect(messages.map { $0["state"] as? String } == ["sending", "failed", "queued", "sent"])
        #expect(messages[0]["id"] as? String == "00000000-0000-0000-0000-000000000001" && messages[0]["body"] as? String == "Yes, Skyr is fine.")
        #expect(messages[0]["error"] == nil && messages[0]["remote_id"] == nil && messages[0]["attempts"] as? Int == 0)
        #expect(messages[1]["error"] as? String == "403 Sending a message is not allowed at this time")
        #expect(messages[2]["error"] as? String == "HTTP 503" && messages[2]["next_attempt_at"] as? String == "2022-01-13T18:28:10.000Z")
        #expect(messages[2]["id"] as? String == "00000000-0000-0000-0000-00000000000a" && messages[2]["attempts"] as? Int == 1)
        #expect(messages[3]["remote_id"] as? String == "99" && messages[3]["error"] == nil)
    }

    @Test("connection: the endpoint, a status word for every status, its detail, the seconds to the next try")
    func connection() throws {
        let cases: [(ConnectionStatus, String, String?)] = [
            (.connecting, "connecting", nil), (.live, "live", nil), (.retrying(after: .milliseconds(2500), reason: "HTTP 503"), "retrying", "HTTP 503"),
            (.tokenRejected, "token_rejected", nil), (.forbidden("not yours"), "forbidden", "not yours"), (.notFound, "not_found", nil),
            (.badReply("items: bad JSON"), "bad_reply", "items: bad JSON"), (.idle, "idle", nil),
        ]
        for (status, word, detail) in cases {
            let o = try Self.parse(line(.connection(.items, status)), type: "connection")
            #expect(o["endpoint"] as? String == "items" && o["status"] as? String == word)
            #expect(o["detail"] as? String == detail)
            #expect((o["retry_in_s"] as? Double) == (word == "retrying" ? 2.5 : nil))
        }
    }

    @Test("notice, finished, added and error")
    func otherTypes() throws {
        let notice = try Self.parse(line(.notice(.warning("Replacement refused: not picking"))), type: "notice")
        #expect(notice["severity"] as? String == "warning" && notice["text"] as? String == "Replacement refused: not picking")
        let finished = try Self.parse(line(.finished(.canceled)), type: "finished")
        #expect(finished["state"] as? String == "canceled" && finished["state_title"] as? String == "Canceled")
        let added = try Self.parse(formatter.added(orderID: Self.orderID, userID: "desk-1", at: Self.at), type: "added", userID: "desk-1")
        #expect(added.count == 4, "type, order_id, time, user_id")
        let error = try Self.parse(formatter.error(orderID: Self.orderID, reason: "not_found", message: "order x not found", at: Self.at), type: "error")
        #expect(error["reason"] as? String == "not_found" && error["message"] as? String == "order x not found")
    }

    @Test("hostile text from the server stays on one line, inert, and is cleaned once, not escaped twice")
    func hostile() throws {
        let evil = "a\u{1B}[31mb\u{202E}c\u{1B}]0;title\u{07}d\ne\u{85}f\u{2028}g\"h\\i\u{7F}"
        var conversation = F.conversation
        conversation.chatMessages[0].body = evil
        conversation.metadata?.currentShopper?.displayName = evil
        conversation.metadata?.shoppers = [ChatParticipant(id: "s1", displayName: evil)]
        let lines = [
            line(.chat(conversation)),
            line(.items([F.item("1", evil, .replaced, replacement: evil)])),
            line(.handling(Handling(address: Address(addressLine1: evil, locality: evil, administrativeArea: "", postalCode: "", countryCode: ""),
                                    coordinates: nil, notes: evil))),
            line(.notice(.error(evil))),
            line(.order(Order(id: "1", workflowState: .unknown(evil), fulfillmentType: .delivery))),
            line(.connection(.chat, .badReply(evil))),
            line(.outbox([OutboxMessage(body: evil, state: .failed(reason: evil), createdAt: F.created)])),
        ]
        for text in lines { _ = try Self.parse(text, type: String(text.dropFirst(9).prefix { $0 != "\"" })) }

        let chat = try Self.parse(lines[0], type: "chat")
        let first = try #require((chat["messages"] as? [[String: Any]])?.first)
        // A body keeps its line breaks (escaped in the JSON), as the chat pane does; a name does not.
        #expect(first["body"] as? String == Text.sanitize(evil, keepNewlines: true))
        #expect(first["name"] as? String == Text.sanitize(evil))
        #expect((first["body"] as? String)?.contains("\u{1B}") == false && (first["body"] as? String)?.contains("\"h\\i") == true)
        let handling = try Self.parse(lines[2], type: "handling")
        #expect((handling["address"] as? [String: Any])?["address_line_1"] as? String == Text.sanitize(evil))

        // The id and the user come from the command line or a file: cleaned too.
        let id = formatter.line(orderID: "o\u{1B}[2J1\n", userID: "u\u{202E}1", event: .location(nil), at: Self.at)
        _ = try Self.parse(id, type: "location", orderID: "o1 ", userID: "u1")
    }

    @Test("what JSON allows raw but a terminal acts on is written as a \\u escape")
    func quoting() {
        let quoted = JSONValue.quote("a\u{202E}b\u{85}c\u{2028}d\u{7F}e\u{1B}f", JSONEncoder())
        #expect(quoted == "\"a\\u202eb\\u0085c\\u2028d\\u007fe\\u001bf\"")
        #expect(JSONValue.object(JSONObject()).text == "{}")
        #expect(JSONValue.array([.integer(1), .number(.infinity), .bool(false), .null]).text == "[1,null,false,null]")
    }

    @Test("--plain counts the items by the same lists")
    func plainCounts() {
        let plain = PlainEventFormatter(timeZone: F.zone).describe(.items(F.groceryItems))
        let n = ItemList(items: F.groceryItems).counts
        #expect(plain == "items 15: found \(n[.found]!), replaced \(n[.replaced]!), refunded \(n[.refunded]!), still shopping \(n[.stillShopping]!)")
        #expect(plain == "items 15: found 6, replaced 2, refunded 1, still shopping 6")
    }
}
