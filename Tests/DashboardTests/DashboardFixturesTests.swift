import ConnectModels
import Foundation
import OrderTracking
import Testing
import TerminalUI
@testable import Dashboard

/// Orders and states the dashboard tests share: a delivery, a pickup, a last-mile order, and the
/// empty, huge and hostile ones. States are built through `reduce`, as the app builds them.
enum Fixture {
    static let zone = TimeZone(identifier: "America/Chicago")!
    static let created = Date(timeIntervalSince1970: 1_642_098_487) // 2022-01-13T18:28:07Z
    static var now: Date { created.addingTimeInterval(20 * 60) }
    static let seedAddress = Address(addressLine1: "501 Belt Line Rd", locality: "Collinsville", administrativeArea: "IL",
                                     postalCode: "62234", countryCode: "US")
    static let home = Coordinates(latitude: 38.6924568, longitude: -89.9785745)

    static func order(_ state: WorkflowState, _ type: FulfillmentType = .delivery, id: String = "a3e30880-10b5-445e-a525-7dae3e2e15b3") -> Order {
        Order(id: FlexibleID(id), creationDate: created, workflowState: state, fulfillmentType: type,
              fulfillmentDetails: FulfillmentDetails(windowStartsAt: created.addingTimeInterval(3600),
                                                     windowEndsAt: created.addingTimeInterval(3 * 3600)),
              pickupCategory: type == .pickup ? "curbside" : nil)
    }

    static func item(_ id: String, _ name: String, _ status: ItemStatus, qty: String = "1.0", unit: CostUnit = .each,
                     replacement: String? = nil, replacementStatus: ReplacementStatus? = nil) -> LineItem {
        LineItem(id: FlexibleID(id), status: status, replacementStatus: replacementStatus ?? .unspecified,
                 item: OrderItem(name: name, quantity: FlexibleNumber(qty), costUnit: unit),
                 replacement: replacement.map { OrderItem(name: $0, quantity: FlexibleNumber(qty), costUnit: unit) })
    }

    /// Fifteen items, nine of them picked, across every list.
    static let groceryItems: [LineItem] = [
        item("1", "Organic Bananas", .found, qty: "10.0"),
        item("2", "Cantaloupe", .found),
        item("3", "Whole Milk, 1 gal", .found, qty: "2.0"),
        item("4", "Sourdough Bread", .found),
        item("5", "Free-range Eggs, dozen", .found),
        item("6", "Honeycrisp Apples", .found, qty: "2.5", unit: .lb),
        item("7", "Greek Yogurt", .replaced, replacement: "Skyr, plain", replacementStatus: .pending),
        item("8", "Oat Milk", .replaced, replacement: "Almond Milk", replacementStatus: .approved),
        item("9", "Basil", .notFound),
        item("10", "Coffee Beans", .notPicked, qty: "0.5", unit: .kg),
        item("11", "Parmesan", .notPicked, qty: "200", unit: .g),
        item("12", "Spinach", .notPicked),
        item("13", "Tomatoes", .notPicked, qty: "1.2", unit: .lb),
        item("14", "Rice", .notPicked),
        item("15", "Mystery item", .unknown("being_weighed")),
    ]

    static let metadata = ChatMetadata(customer: ChatParticipant(id: "u1", displayName: "Ana"),
                                       currentShopper: ChatParticipant(id: "s1", displayName: "Sam (shopper)"),
                                       shoppers: [ChatParticipant(id: "s1", displayName: "Sam (shopper)")])

    static func message(_ id: Int, from shopper: Bool, _ body: String, read: Bool = true, minute: Int = 0) -> ChatMessage {
        ChatMessage(id: FlexibleID(id), createdAt: created.addingTimeInterval(Double(600 + minute * 60)),
                    recipientID: shopper ? "u1" : "s1", recipientType: shopper ? .user : .driver,
                    senderID: shopper ? "s1" : "u1", senderType: shopper ? .driver : .user, read: read, body: body)
    }

    static let conversation = ChatConversation(chatMessages: [
        message(1, from: true, "Hi Ana, I'm Sam and I'm shopping your order now.", minute: 0),
        message(2, from: false, "Thanks Sam!", minute: 1),
        message(3, from: true, "They are out of Greek yogurt. Is Skyr plain OK instead? It is the same size and a similar price.",
                read: false, minute: 5),
    ], metadata: metadata)

    static let handling = Handling(address: seedAddress, coordinates: home, dropoffLocation: "Front porch",
                                   notes: "Ring the bell twice", instructions: "Dog in the yard, he is friendly",
                                   leaveUnattended: true, alcoholic: true, certifiedDelivery: true)

    static let outbox = [
        OutboxMessage(id: UUID(uuidString: "00000000-0000-0000-0000-000000000001")!, body: "Yes, Skyr is fine.", state: .sending,
                      createdAt: created.addingTimeInterval(660)),
        OutboxMessage(id: UUID(uuidString: "00000000-0000-0000-0000-000000000002")!, body: "And ripe bananas please", state: .failed(reason: "403 Sending a message is not allowed at this time"),
                      createdAt: created.addingTimeInterval(670)),
    ]

    /// A state built by feeding tracker events through `reduce`, at 120x40 unless told.
    static func state(_ events: [TrackerEvent], size: Size = Size(width: 120, height: 40), isDemo: Bool = false,
                      focus: PaneID? = nil) -> DashboardState {
        var s = DashboardState(now: now, timeZone: zone, size: size, isDemo: isDemo)
        for endpoint in [TrackedEndpoint.order, .items, .chat] { _ = reduce(&s, .tracker(.connection(endpoint, .live))) }
        for e in events { _ = reduce(&s, .tracker(e)) }
        _ = reduce(&s, .tick(now.addingTimeInterval(3)))
        if let focus {
            var guardCount = 0
            while s.focus != focus, guardCount < 10 {
                _ = reduce(&s, .key(.tab))
                guardCount += 1
            }
        }
        return s
    }

    static var deliveryPicking: DashboardState {
        state([.order(order(.picking)), .items(groceryItems), .handling(handling), .chat(conversation), .outbox(outbox)])
    }

    static var deliveryDelivering: DashboardState {
        let trail = (0..<12).map { Coordinates(latitude: 38.70 - Double($0) * 0.0006, longitude: -89.99 + Double($0) * 0.0009) }
        var done = groceryItems.map { item -> LineItem in
            var i = item
            if i.status == .notPicked || i.status == .unknown("being_weighed") { i.status = .found }
            return i
        }
        done[6].replacementStatus = .approved
        return state([.order(order(.delivering)), .items(done), .handling(handling), .chat(conversation)]
            + trail.map { TrackerEvent.location($0) })
    }

    static var deliveryDelivered: DashboardState {
        state([.order(order(.delivered)), .items(groceryItems), .handling(handling), .chat(conversation), .finished(.delivered)])
    }

    static var pickupReady: DashboardState {
        state([.order(order(.readyForPickup, .pickup, id: "98213")), .items(groceryItems),
               .handling(Handling(address: Address(addressLine1: "Schnucks Collinsville", addressLine2: "Door 3, curbside bay 4",
                                                   locality: "Collinsville", administrativeArea: "IL", postalCode: "62234",
                                                   countryCode: "US"),
                                  coordinates: home)),
               .chat(ChatConversation(chatMessages: [], metadata: metadata))])
    }

    static var lastMileAtStore: DashboardState {
        state([.order(order(.atStore, .lastMileDelivery, id: "LM-5521")), .handling(handling),
               .connection(.location, .retrying(after: .seconds(8), reason: "HTTP 503"))])
    }

    static var empty: DashboardState {
        state([.order(order(.brandNew)), .items([])])
    }

    static var huge: DashboardState {
        let statuses: [ItemStatus] = [.found, .replaced, .toRefund, .notPicked, .found, .notPicked]
        let items = (0..<1000).map { i -> LineItem in
            let status = statuses[i % statuses.count]
            return item("\(i)", "Item number \(i) of the huge order", status, qty: "\(i % 7 + 1).0",
                        replacement: status == .replaced ? "Replacement for \(i)" : nil,
                        replacementStatus: status == .replaced ? (i % 4 == 1 ? .pending : .approved) : nil)
        }
        let messages = (0..<2000).map { i in
            message(i, from: i % 2 == 0, "Message \(i): " + String(repeating: "lorem ipsum dolor sit amet ", count: i % 5 + 1),
                    read: i < 1990, minute: i)
        }
        return state([.order(order(.picking)), .items(items), .handling(handling),
                      .chat(ChatConversation(chatMessages: messages, metadata: metadata))], size: Size(width: 200, height: 60))
    }

    static let longName = String(repeating: "超长名字", count: 125) + String(repeating: "x", count: 500)
    static var hostile: DashboardState {
        let evil = "\u{1B}[2J\u{1B}[H\u{1B}]0;pwned\u{07}\u{1B}]52;c;ZXZpbA==\u{07}Milk\u{202E}kliM\u{9B}31m"
        let items = [
            item("h1", evil, .found),
            item("h2", longName, .replaced, replacement: "🍌🍌🍌 " + longName, replacementStatus: .pending),
            item("h3", "豆腐 (firm) 🥢", .notPicked, qty: "3.0", unit: .unknown("\u{1B}[31mpack")),
            item("h4", "e\u{301}clair with combining accent", .toRefund),
            item("\u{1B}[1mh5", "Tab\there\nnewline", .unknown("\u{1B}]0;x\u{07}weird")),
        ]
        let evilHandling = Handling(address: Address(addressLine1: "\u{1B}[31m1 Evil St\u{1B}[0m 👿", addressLine2: longName,
                                                     locality: "東京", administrativeArea: "\u{07}13", postalCode: "100-0001",
                                                     countryCode: "JP"),
                                    coordinates: Coordinates(latitude: 35.68, longitude: 139.76),
                                    notes: "Leave\u{1B}P+q\u{1B}\\ it " + longName, instructions: "🚪🚪🚪",
                                    leaveUnattended: true)
        let evilMeta = ChatMetadata(customer: ChatParticipant(id: "u1", displayName: "\u{1B}[5mAna"),
                                    shoppers: [ChatParticipant(id: "s1", displayName: "Sam \u{202E}reppohs" + longName)])
        let chat = ChatConversation(chatMessages: [
            ChatMessage(id: "m1", createdAt: created, senderID: "s1", senderType: .driver, read: false,
                        body: "\u{1B}[2J\u{1B}[1;1HClear screen?\r\nline two\u{1B}]52;c;aGk=\u{07} " + longName),
            ChatMessage(id: "m2", createdAt: created, senderID: "u1", senderType: .user, read: true, body: "🙂👍🏽👨‍👩‍👧 ok 好的"),
        ], metadata: evilMeta)
        return state([.order(order(.unknown("\u{1B}[31mweird_state"), .delivery, id: "\u{1B}]0;title\u{07}evil-id")),
                      .items(items), .handling(evilHandling), .chat(chat),
                      .connection(.items, .badReply("\u{1B}[2Jgarbage")), .notice(.info("\u{1B}[31mred notice"))])
    }

    static var scenarios: [(String, DashboardState)] {
        [("delivery-picking", deliveryPicking), ("delivery-delivering", deliveryDelivering), ("delivery-delivered", deliveryDelivered),
         ("pickup-ready", pickupReady), ("lastmile-atstore", lastMileAtStore), ("empty", empty), ("huge", huge), ("hostile", hostile)]
    }

    static let sizes = [Size(width: 80, height: 24), Size(width: 120, height: 40), Size(width: 200, height: 60)]
}

@Suite struct DashboardFixturesTests {
    @Test func fixturesPassThroughTheSanitizer() {
        let s = Fixture.hostile
        let strings = s.items.map(\.item.name) + s.chatEntries.map(\.body) + s.chatEntries.map(\.sender)
            + [s.order?.id.value ?? "", s.handling?.address?.addressLine1 ?? ""]
        for text in strings {
            #expect(!text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B || $0.value == 0x202E })
        }
        #expect(s.order?.id.value.contains("evil-id") == true)
    }
}
