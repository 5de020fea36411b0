import ConnectModels
import Foundation

/// An order in picking, served from memory: the tracker polls it, sent messages are recorded, and a
/// replacement decision fails the way a server refusal would.
struct FakeOrderSource: OrderDataSource {
    /// What the fake was asked to do, shared by every copy `with(token:)` makes.
    final class Record: @unchecked Sendable {
        // Guarded by `lock`: the tracker's tasks write while a test reads.
        private let lock = NSLock()
        private var bodies: [String] = []

        func sent(_ body: String) { lock.withLock { bodies.append(body) } }
        var sentBodies: [String] { lock.withLock { bodies } }
    }

    static let decisionRefusal = "the shopper already bagged the original"

    let record = Record()

    func with(token: BearerToken?) -> FakeOrderSource { self }

    func order(_ orderID: String) async throws -> Order {
        Order(id: FlexibleID(orderID), workflowState: .picking, fulfillmentType: .delivery)
    }

    func items(orderID: String) async throws -> [LineItem] {
        [
            LineItem(id: "li-1", status: .replaced, replacementStatus: .pending,
                     item: OrderItem(name: "Oat milk", quantity: FlexibleNumber(1), costUnit: .each),
                     replacement: OrderItem(name: "Soy milk", quantity: FlexibleNumber(1), costUnit: .each)),
            LineItem(id: "li-2", status: .found, item: OrderItem(name: "Bananas", quantity: FlexibleNumber(6), costUnit: .each)),
        ]
    }

    func handling(orderID: String) async throws -> Handling { Handling(address: nil, coordinates: nil) }

    func location(orderID: String) async throws -> ShopperLocation { ShopperLocation(coordinates: nil) }

    func chatMessages(orderID: String) async throws -> ChatConversation { ChatConversation(chatMessages: []) }

    func sendChatMessage(orderID: String, body: String, imageURL: String?) async throws -> SendChatMessageResponse {
        record.sent(body)
        return SendChatMessageResponse(id: FlexibleID("m-\(record.sentBodies.count)"))
    }

    func markChatRead(orderID: String) async throws -> MarkReadResponse { MarkReadResponse(messagesReadCount: 0) }

    func decideReplacement(orderID: String, lineItemID: String, decision: ReplacementDecision) async throws {
        throw ConnectError.invalidRequest(Self.decisionRefusal)
    }
}
