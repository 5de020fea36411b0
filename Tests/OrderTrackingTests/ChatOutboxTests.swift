import ConnectModels
import Foundation
import OrderTracking
import Testing

/// The outbox's rules on their own: no network, no clock.
@Suite("ChatOutbox")
struct ChatOutboxTests {
    let t0 = Date(timeIntervalSince1970: 1_700_000_000)

    @Test("enqueue refuses empty text and text over the limit, counted in Unicode scalars")
    func enqueueRules() throws {
        var outbox = ChatOutbox()
        #expect(throws: OutboxError.empty) { try outbox.enqueue("  \n ", at: t0) }
        let limit = SendChatMessageRequest.maximumLength
        #expect(throws: OutboxError.tooLong(limit + 1)) { try outbox.enqueue(String(repeating: "a", count: limit + 1), at: t0) }
        // "é" as e + combining accent is one grapheme but two scalars.
        let combining = String(repeating: "e\u{301}", count: limit / 2 + 1)
        #expect(throws: OutboxError.tooLong(limit + 2)) { try outbox.enqueue(combining, at: t0) }
        let ok = try outbox.enqueue(String(repeating: "a", count: limit), at: t0)
        #expect(outbox.messages.map(\.id) == [ok.id])
        #expect(ok.state == .queued && ok.attempts == 0)
    }

    @Test("messages go out oldest first; sent and failed ones are no longer pending")
    func lifecycle() throws {
        var outbox = ChatOutbox()
        let a = try outbox.enqueue("one", at: t0)
        let b = try outbox.enqueue("two", at: t0)
        #expect(outbox.next?.id == a.id)
        outbox.markSending(a.id, at: t0.addingTimeInterval(1))
        #expect(outbox.messages[0].state == .sending && outbox.messages[0].attempts == 1)
        #expect(outbox.messages[0].firstAttemptAt == t0.addingTimeInterval(1))
        #expect(outbox.next?.id == a.id, "a message being sent is still pending")
        outbox.markSent(a.id, remoteID: "r1")
        #expect(outbox.next?.id == b.id)
        outbox.markSending(b.id, at: t0.addingTimeInterval(2))
        outbox.requeue(b.id)
        outbox.markSending(b.id, at: t0.addingTimeInterval(3))
        #expect(outbox.messages[1].attempts == 2)
        #expect(outbox.messages[1].firstAttemptAt == t0.addingTimeInterval(2), "the first attempt's time is kept")
        outbox.markFailed(b.id, reason: "closed")
        #expect(!outbox.hasPending)
        #expect(outbox.requeueFailed() == 1)
        #expect(outbox.next?.id == b.id)
        #expect(outbox.requeueFailed() == 0)
    }

    @Test("restoring after a crash: a message caught mid-send counts as attempted and is checked before a resend")
    func restoring() {
        let saved = [OutboxMessage(body: "mid-send", state: .sending, createdAt: t0),
                     OutboxMessage(body: "queued", createdAt: t0)]
        let outbox = ChatOutbox(restoring: saved)
        #expect(outbox.messages[0].state == .queued)
        #expect(outbox.needsDeliveryCheck(outbox.messages[0]))
        #expect(!outbox.needsDeliveryCheck(outbox.messages[1]))
    }

    @Test("a delivered copy is the customer's message with the same text, since the first attempt, not claimed by another")
    func deliveredCopy() throws {
        var outbox = ChatOutbox()
        let first = try outbox.enqueue("Yes please", at: t0)
        let second = try outbox.enqueue("Yes please", at: t0)
        outbox.markSending(first.id, at: t0)
        outbox.markSending(second.id, at: t0)
        let customer = ChatParticipant(id: FlexibleID("c1"), displayName: "Sierra")
        let shopper = ChatParticipant(id: FlexibleID("s1"), displayName: "Zelma")
        func conversation(_ messages: [ChatMessage]) -> ChatConversation {
            ChatConversation(chatMessages: messages, metadata: ChatMetadata(customer: customer, currentShopper: shopper, shoppers: [shopper]))
        }
        let fromShopper = ChatMessage(id: FlexibleID("m0"), createdAt: t0, senderID: shopper.id, body: "Yes please")
        let old = ChatMessage(id: FlexibleID("m1"), createdAt: t0.addingTimeInterval(-120), senderID: customer.id, body: "Yes please")
        let copy = ChatMessage(id: FlexibleID("m2"), createdAt: t0.addingTimeInterval(-5), senderID: customer.id, body: " Yes please\n")
        let message = outbox.messages[0]
        #expect(outbox.deliveredCopy(of: message, in: conversation([fromShopper, old]), clockSkew: 30) == nil,
                "the shopper's words and an older message of the customer are not this one")
        #expect(outbox.deliveredCopy(of: message, in: conversation([fromShopper, old, copy]), clockSkew: 30) == "m2",
                "within the clock skew, and trimmed")
        #expect(outbox.deliveredCopy(of: message, in: conversation([copy]), clockSkew: 1) == nil, "outside the clock skew")
        outbox.markSent(first.id, remoteID: "m2")
        #expect(outbox.deliveredCopy(of: outbox.messages[1], in: conversation([copy]), clockSkew: 30) == nil,
                "a server message claimed by one outbox message is not the copy of another")
    }
}
