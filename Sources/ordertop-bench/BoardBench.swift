import Board
import ConnectModels
import Dashboard
import Foundation
import OrderTracking
import TerminalUI
import OrderFeed

/// The board's frame: 500 orders in every phase at 200x60, a tracker event or a key per frame.
enum BoardBench {
    static let phases: [WorkflowState] = [.brandNew, .acknowledged, .picking, .picking, .verifyingReplacements, .checkout,
                                          .delivering, .delivering, .delivered, .canceled]

    static func state(orders: Int, start: Date, size: Size) -> BoardState {
        var state = BoardState(now: start, size: size)
        let refs = (0..<orders).map { OrderRef(userID: "user-\($0)", orderID: String(format: "order-%05d-%@", $0, "a3e30880")) }
        _ = reduceBoard(&state, .ordersAdded(refs))
        for (i, ref) in refs.enumerated() {
            for event in events(i, start: start) { _ = reduceBoard(&state, .tracker(orderID: ref.orderID, event)) }
        }
        _ = reduceBoard(&state, .cycle("each order every ~50 s"))
        return state
    }

    static func events(_ i: Int, start: Date) -> [TrackerEvent] {
        let state = phases[i % phases.count]
        let items = (0..<12).map { n in
            LineItem(id: FlexibleID("\(i)-\(n)"), status: n < (i % 12) ? .found : (n == 11 && state == .picking ? .replaced : .notPicked),
                     replacementStatus: n == 11 && state == .picking ? .pending : nil,
                     item: OrderItem(name: "Item \(n)", quantity: FlexibleNumber(1), costUnit: .each))
        }
        let customer = ChatParticipant(id: FlexibleID("c\(i)"), displayName: "Customer \(i)")
        let chat = ChatConversation(chatMessages: i % 7 == 0 ? [ChatMessage(id: FlexibleID(i), senderType: .driver, body: "Question \(i)?")] : [],
                                    metadata: ChatMetadata(customer: customer))
        return [.order(Order(id: FlexibleID("order-\(i)"), creationDate: start, workflowState: state,
                             fulfillmentType: i % 5 == 0 ? .pickup : .delivery)),
                .items(items), .chat(chat), .connection(.order, .live)]
    }

    /// Median and p90 of reduce + render for `frames` frames, in milliseconds.
    static func measure(frames: Int, size: Size) -> (median: Double, p90: Double) {
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        var state = state(orders: 500, start: start, size: size)
        let clock = ContinuousClock()
        var samples: [Double] = []
        for f in 0..<frames {
            let began = clock.now
            switch f % 4 {
            case 0: _ = reduceBoard(&state, .key(.character("j")))
            case 1: _ = reduceBoard(&state, .tick(start.addingTimeInterval(Double(f))))
            case 2:
                let i = f % 500
                _ = reduceBoard(&state, .tracker(orderID: String(format: "order-%05d-%@", i, "a3e30880"),
                                                 .connection(.items, .live)))
            default: _ = reduceBoard(&state, .key(.character("k")))
            }
            _ = renderBoardFrame(state, size: size)
            samples.append((clock.now - began).secondsDouble * 1000)
        }
        let sorted = samples.sorted()
        return (sorted[sorted.count / 2], sorted[min(sorted.count - 1, Int(Double(sorted.count) * 0.9))])
    }
}
