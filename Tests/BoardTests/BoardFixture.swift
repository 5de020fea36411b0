import ConnectModels
import Foundation
import OrderTracking
import TerminalUI
@testable import Board
@testable import Dashboard
import OrderFeed

/// Orders and boards built from tracker events, at a fixed time.
enum BoardFixture {
    static let now = Date(timeIntervalSince1970: 1_750_000_000)
    static let user = "user-1"

    static func order(_ id: String, _ state: WorkflowState, _ type: FulfillmentType = .delivery) -> Order {
        Order(id: FlexibleID(id), workflowState: state, fulfillmentType: type)
    }

    static func items(picked: Int, total: Int, pending: Int = 0) -> [LineItem] {
        (0..<total).map { i in
            let status: ItemStatus = i < pending ? .replaced : (i < picked ? .found : .notPicked)
            return LineItem(id: FlexibleID("li-\(i)"), status: status, replacementStatus: i < pending ? .pending : nil,
                            item: OrderItem(name: "item \(i)", quantity: FlexibleNumber("1"), costUnit: .each),
                            replacement: i < pending ? OrderItem(name: "other \(i)", quantity: FlexibleNumber("1"), costUnit: .each) : nil)
        }
    }

    static func chat(customer: String, unread: Int, read: Int = 0) -> ChatConversation {
        let shopper = ChatParticipant(id: "shopper-1", displayName: "Sam")
        let messages = (0..<(read + unread)).map { i in
            ChatMessage(id: FlexibleID("m\(i)"), senderID: "shopper-1", senderType: .driver, read: i < read, body: "question \(i)")
        }
        return ChatConversation(chatMessages: messages, metadata: ChatMetadata(customer: ChatParticipant(id: "c1", displayName: customer),
                                                                             currentShopper: shopper, shoppers: [shopper]))
    }

    static func board(_ ids: [String], settings: BoardSettings = BoardSettings(), size: Size = Size(width: 80, height: 24)) -> BoardState {
        var state = BoardState(now: now, size: size, settings: settings)
        _ = reduceBoard(&state, .ordersAdded(ids.map { OrderRef(userID: user, orderID: $0) }))
        return state
    }

    /// Sends events for one order and returns every effect.
    @discardableResult
    static func send(_ state: inout BoardState, _ id: String, _ events: [TrackerEvent]) -> [BoardEffect] {
        events.flatMap { reduceBoard(&state, .tracker(orderID: id, $0)) }
    }

    static func advance(_ state: inout BoardState, by seconds: TimeInterval) -> [BoardEffect] {
        reduceBoard(&state, .tick(state.now.addingTimeInterval(seconds)))
    }

    /// Three orders: one picking with a question, one delivering, one delivered.
    static func three(size: Size = Size(width: 80, height: 24)) -> BoardState {
        var state = board(["1001", "1002", "1003"], size: size)
        _ = reduceBoard(&state, .cycle("each order every ~3 s"))
        send(&state, "1001", [.order(order("1001", .picking)), .items(items(picked: 4, total: 12, pending: 1)),
                              .chat(chat(customer: "Ada Lovelace", unread: 2)), .connection(.order, .live)])
        send(&state, "1002", [.order(order("1002", .delivering)), .items(items(picked: 8, total: 8)),
                              .chat(chat(customer: "Grace Hopper", unread: 0, read: 3)), .connection(.order, .live),
                              .handling(Handling(address: nil, coordinates: Coordinates(latitude: 52.52, longitude: 13.405))),
                              .location(Coordinates(latitude: 52.53, longitude: 13.41))])
        send(&state, "1003", [.order(order("1003", .delivered, .pickup)), .items(items(picked: 5, total: 5)),
                              .chat(chat(customer: "Edsger Dijkstra", unread: 0)), .finished(.delivered)])
        _ = advance(&state, by: 95)
        return state
    }

    static let names = ["Ada Lovelace", "Grace Hopper", "Alan Turing", "Barbara Liskov", "Donald Knuth", "Frances Allen",
                        "Ken Thompson", "Margaret Hamilton", "Dennis Ritchie", "Radia Perlman", "John McCarthy", "Katherine Johnson"]
    static let cycleStates: [WorkflowState] = [.brandNew, .acknowledged, .picking, .verifyingReplacements, .checkout, .staged,
                                               .delivering, .readyForPickup, .delivered, .canceled, .stagedForDelivery]
    static let types: [FulfillmentType] = [.delivery, .pickup, .lastMileDelivery]

    /// `n` orders in every state, some needing attention, their data of several ages; the same every time.
    static func many(_ n: Int, size: Size = Size(width: 200, height: 60)) -> BoardState {
        let ids = (0..<n).map { String(2_000_000 + $0 * 7) }
        var state = board(ids, size: size)
        _ = reduceBoard(&state, .cycle("each order every ~50 s"))
        for (i, id) in ids.enumerated() {
            let s = cycleStates[i % cycleStates.count]
            var events: [TrackerEvent] = [.order(order(id, s, types[i % 3])), .items(items(picked: i % 9, total: 9 + i % 4, pending: s == .picking ? i % 2 : 0)),
                                          .chat(chat(customer: names[i % names.count], unread: i % 13 == 0 ? 1 + i % 3 : 0)),
                                          .connection(.order, i % 47 == 5 ? .tokenRejected : .live)]
            if s.isFinal { events.append(.finished(s)) }
            send(&state, id, events)
            if i % 50 == 49 { _ = advance(&state, by: 30) }
        }
        return state
    }
}
