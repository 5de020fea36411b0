import ConnectModels
import Foundation
import Testing

/// The rules that belong to the data, each defined once in ConnectModels.
@Suite("Data rules")
struct DataRulesTests {
    static let customer = ChatParticipant(id: FlexibleID("c1"), displayName: "Sierra")
    static let current = ChatParticipant(id: FlexibleID("s2"), displayName: "Dariusz")
    static let listed = ChatParticipant(id: FlexibleID("s1"), displayName: "Zelma")

    static func conversation(_ messages: [ChatMessage]) -> ChatConversation {
        ChatConversation(chatMessages: messages, metadata: ChatMetadata(customer: customer, currentShopper: current, shoppers: [listed]))
    }

    @Test("the shopper: a driver, a listed shopper or the current shopper; never the customer")
    func shopper() {
        let c = Self.conversation([])
        #expect(c.isFromShopper(ChatMessage(id: 1, senderID: Self.listed.id, body: "a")))
        #expect(c.isFromShopper(ChatMessage(id: 2, senderID: Self.current.id, body: "b")), "the current shopper counts too")
        #expect(c.isFromShopper(ChatMessage(id: 3, senderType: .driver, body: "c")))
        #expect(!c.isFromShopper(ChatMessage(id: 4, senderID: Self.customer.id, senderType: .driver, body: "d")))
        #expect(!c.isFromShopper(ChatMessage(id: 5, senderID: FlexibleID("stranger"), body: "e")))
        #expect(c.isFromCustomer(ChatMessage(id: 6, senderID: Self.customer.id, body: "f")))
        #expect(c.isFromCustomer(ChatMessage(id: 7, senderType: .user, body: "g")))
        #expect(!c.isFromCustomer(ChatMessage(id: 8, senderID: Self.current.id, body: "h")))
    }

    @Test("unread shopper messages are the shopper's, unread, in order")
    func unread() {
        let c = Self.conversation([
            ChatMessage(id: 1, senderID: Self.current.id, read: true, body: "read"),
            ChatMessage(id: 2, senderID: Self.current.id, body: "one"),
            ChatMessage(id: 3, senderID: Self.customer.id, body: "mine"),
            ChatMessage(id: 4, senderID: Self.listed.id, body: "two"),
        ])
        #expect(c.unreadShopperMessages.map(\.body) == ["one", "two"])
    }

    @Test("the chat window opens for picking and verifying replacements only, never for last mile")
    func chatWindow() {
        for state in WorkflowState.known {
            let window = ChatWindow(type: .delivery, state: state)
            #expect(window.isOpen == (state == .picking || state == .verifyingReplacements), "\(state)")
            #expect(!ChatWindow(type: .lastMileDelivery, state: state).isOpen)
        }
        #expect(ChatWindow(type: .delivery, state: .brandNew) == .notYetOpen(reason: "Chat opens when the shopper starts picking (now: Brand new)."))
        #expect(ChatWindow(type: .delivery, state: .delivered) == .closed(reason: "Chat is closed: the order was delivered."))
        #expect(ChatWindow(type: .pickup, state: .checkout) == .closed(reason: "Chat is open only during picking (now: Checkout)."))
        #expect(ChatWindow(type: .delivery, state: .picking, conversationExpired: true) == .closed(reason: "This chat has expired."))
        #expect(ChatWindow(order: nil).closedReason == "Chat opens once the order has loaded.")
        if case .notYetOpen = ChatWindow(type: .delivery, state: .unknown("weird")) {} else {
            Issue.record("an unknown state keeps messages waiting")
        }
    }

    @Test("a replacement can be decided only while picking, and only when it is pending")
    func replacement() {
        let item = OrderItem(name: "Bananas", quantity: FlexibleNumber(1), costUnit: .each)
        let pending = LineItem(id: 1, status: .replaced, replacementStatus: .pending, item: item, replacement: item)
        let approved = LineItem(id: 2, status: .replaced, replacementStatus: .approved, item: item, replacement: item)
        #expect(pending.replacementDecisionRefusal(in: .picking) == nil)
        #expect(pending.replacementDecisionRefusal(in: .verifyingReplacements) == .notPicking(.verifyingReplacements))
        #expect(pending.replacementDecisionRefusal(in: nil) == .orderNotLoaded)
        #expect(approved.replacementDecisionRefusal(in: .picking) == .noPendingReplacement(itemName: "Bananas"))
    }
}
