import ConnectModels
import ConnectSandbox
import Foundation
import TestSupport
import Testing

/// The seed tutorials, step by step, through the real client.
@Suite struct SeedTutorialTests {
    @Test func chatTutorial() async throws {
        try await withSandbox { sandbox in
            let orderID = try await sandbox.createOrder(user: "user-1", customerName: "Sierra")
            let (_, batchID) = try await sandbox.assign(orderID, type: .delivery, name: "Zelma")
            let advanced = try await sandbox.client.advanceBatch(batchID, to: "picking")
            #expect(advanced.workflowState == "picking")
            #expect(advanced.id.value == batchID)

            _ = try await sandbox.client.shopperSays(orderID: orderID, body: "Hi, this is Zelma, your shopper. I'm just getting started on your shopping list.")
            let user = try await sandbox.user("user-1")
            let conversation = try await user.chatMessages(orderID: orderID)
            #expect(conversation.chatMessages.count == 1)
            #expect(conversation.chatMessages[0].senderType == .driver)
            #expect(conversation.chatMessages[0].read == false)
            #expect(conversation.metadata?.customer?.displayName == "Sierra")
            #expect(conversation.metadata?.shoppers.map(\.displayName) == ["Zelma"])
            #expect(conversation.displayName(for: conversation.chatMessages[0]) == "Zelma")

            let sent = try await user.sendChatMessage(orderID: orderID, body: "Hi, this is Sierra.", imageURL: "")
            #expect(sent.type == "CHAT")
            let stored = await sandbox.store.messages(orderID: orderID)
            #expect(stored.last?.body == "Hi, this is Sierra.")
            #expect(stored.last?.senderType == .user)

            // The shopper reads the customer's message with a client token.
            let shopperView = try await sandbox.client.shopperConversation(orderID: orderID)
            #expect(shopperView.chatMessages.map(\.body).last == "Hi, this is Sierra.")

            let read = try await user.markChatRead(orderID: orderID)
            #expect(read.messagesReadCount == 1)
            let again = try await user.markChatRead(orderID: orderID)
            #expect(again.messagesReadCount == 0)
            #expect(try await user.chatMessages(orderID: orderID).chatMessages[0].read == true)
        }
    }

    @Test func orderStatusTutorialDelivery() async throws {
        try await withSandbox { sandbox in
            let orderID = try await sandbox.createOrder(user: "user-1")
            let user = try await sandbox.user("user-1")
            let order = try await user.order(orderID)
            #expect(order.workflowState == .brandNew)
            #expect(order.fulfillmentType == .delivery)
            #expect(order.fulfillmentDetails?.windowEndsAt != nil)

            let items = try await user.items(orderID: orderID)
            #expect(items.count >= 12)
            #expect(items.allSatisfy { $0.status == .notPicked })
            #expect(Set(items.map(\.item.costUnit)).isSuperset(of: [.each, .lb, .kg]))
            #expect(Set(items.map(\.id)).count == items.count)
            let lineNums = await sandbox.store.lineItems(orderID: orderID).map(\.lineNum)
            #expect(lineNums == (1...items.count).map(String.init))

            let handling = try await user.handling(orderID: orderID)
            #expect(handling.address?.addressLine1 == "501 Belt Line Rd")
            #expect(handling.address?.postalCode == "62234")
            #expect(handling.coordinates == Coordinates(latitude: 38.6924568, longitude: -89.9785745))
            #expect(try await user.location(orderID: orderID).coordinates == nil)

            let (shopperID, batchID) = try await sandbox.assign(orderID)
            #expect(try await user.order(orderID).workflowState == .acknowledged)

            let expected: [(String, WorkflowState)] = [
                ("picking", .picking), ("verifying_replacements", .verifyingReplacements), ("checkout", .checkout),
                ("receipt_sanity_check", .bagsCheck), ("delivering", .delivering), ("completed", .delivered),
            ]
            for (batchState, orderState) in expected {
                if batchState == "verifying_replacements" {
                    _ = try await sandbox.client.updateShopperItem(shopperID: shopperID, orderID: orderID, lineNum: "2", ShopperItemUpdate(status: .found))
                    let found = try await user.items(orderID: orderID)
                    #expect(found[1].status == .found)
                }
                let reply = try await sandbox.client.advanceBatch(batchID)
                #expect(reply.workflowState == batchState)
                #expect(try await user.order(orderID).workflowState == orderState)
                let location = try await user.location(orderID: orderID)
                if orderState == .delivering {
                    #expect(location.coordinates != nil)
                    _ = try await sandbox.client.moveShopper(orderID: orderID, to: Coordinates(latitude: 38.7, longitude: -89.98))
                    #expect(try await user.location(orderID: orderID).coordinates == Coordinates(latitude: 38.7, longitude: -89.98))
                } else {
                    #expect(location.coordinates == nil)
                }
            }
            // Past the end is refused.
            let error = await connectError { try await sandbox.client.advanceBatch(batchID) }
            #expect(error?.status == 400)
            #expect(error?.body?.key == "workflow_state")
        }
    }

    @Test func orderStatusTutorialSetsStagedOnADeliveryBatch() async throws {
        try await withSandbox { sandbox in
            let orderID = try await sandbox.createOrder()
            let (_, batchID) = try await sandbox.assign(orderID)
            #expect(try await sandbox.client.advanceBatch(batchID, to: "staged").workflowState == "staged")
            #expect(try await sandbox.user("user-1").order(orderID).workflowState == .staged)
            #expect(try await sandbox.client.advanceBatch(batchID).workflowState == "delivering")
        }
    }

    @Test func pickupWalk() async throws {
        try await withSandbox { sandbox in
            let orderID = try await sandbox.createOrder(type: .pickup)
            let user = try await sandbox.user("user-1")
            #expect(try await user.order(orderID).pickupCategory == "curbside")
            #expect(try await user.pickupDetails(orderID: orderID).pickupInstructions.isEmpty == false)
            let early = await connectError { try await user.userArrived(orderID: orderID) }
            #expect(early?.status == 400)

            let (shopperID, batchID) = try await sandbox.assign(orderID, type: .pickup)
            var states: [WorkflowState] = [try await user.order(orderID).workflowState]
            for _ in 0..<6 {
                _ = try await sandbox.client.advanceBatch(batchID)
                states.append(try await user.order(orderID).workflowState)
            }
            #expect(states == [.acknowledged, .picking, .verifyingReplacements, .checkout, .bagsCheck, .bagsCheck, .readyForPickup])

            let runner = try await sandbox.client.createBatch(CreateBatchRequest(batchType: .runnerCustomer, shopperID: FlexibleID(shopperID),
                                                                                 orders: [BatchOrderRef(id: FlexibleID(orderID))]))
            #expect(runner.workflowState == "brand_new")
            #expect(try await user.order(orderID).workflowState == .runnerAwaiting)
            #expect(try await user.userArrived(orderID: orderID).success)
            #expect(try await user.order(orderID).workflowState == .userAtStore)
            _ = try await sandbox.client.advanceBatch(runner.id.value)
            #expect(try await user.order(orderID).workflowState == .runnerAcknowledged)
            _ = try await sandbox.client.advanceBatch(runner.id.value)
            #expect(try await user.order(orderID).workflowState == .bagsVerified)
            _ = try await sandbox.client.advanceBatch(runner.id.value)
            #expect(try await user.order(orderID).workflowState == .delivered)
        }
    }

    @Test func lastMileWalk() async throws {
        try await withSandbox { sandbox in
            let orderID = try await sandbox.createOrder(type: .lastMileDelivery)
            let user = try await sandbox.user("user-1")
            #expect(try await user.items(orderID: orderID).isEmpty)
            let (_, batchID) = try await sandbox.assign(orderID)
            var states: [WorkflowState] = [try await user.order(orderID).workflowState]
            for _ in 0..<6 {
                _ = try await sandbox.client.advanceBatch(batchID)
                states.append(try await user.order(orderID).workflowState)
            }
            #expect(states == [.stagedForDelivery, .waitingForDelivery, .acknowledgedForDelivery, .atStore, .bagsVerified, .delivering, .delivered])
        }
    }
}
