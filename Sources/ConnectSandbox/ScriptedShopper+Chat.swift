import ConnectClient
import ConnectModels
import Foundation

// The chat answering: while the chat is open the shopper reads it and answers each customer message once.
extension ScriptedShopper {
    /// The customer can write only while the shopper picks, so that is when the shopper reads.
    var chatIsOpen: Bool {
        mainBatchState.map { WorkflowState.parse($0).opensChat } ?? false
    }

    /// Reads the conversation and answers each customer message it has not answered yet, once.
    func pollChat() async {
        let conversation: ChatConversation
        do {
            conversation = try await client.shopperConversation(orderID: orderID)
            pollFailing = false
        } catch {
            // One report per run of failures, not one a second.
            if !pollFailing { emit(.failed(index: nil, what: "read the chat", error: Self.describe(error))) }
            pollFailing = true
            return
        }
        for message in conversation.chatMessages where message.senderType == .user {
            guard answered.insert(message.id.value).inserted else { continue }
            let reply = ScenarioLines.reply(to: message.body, using: &replyRandom)
            do {
                _ = try await client.shopperSays(orderID: orderID, body: reply)
                emit(.replied(to: message.body, reply: reply))
            } catch {
                emit(.failed(index: nil, what: "reply to \"\(message.body.prefix(40))\"", error: Self.describe(error)))
            }
        }
    }
}
