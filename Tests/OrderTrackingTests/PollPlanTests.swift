import ConnectModels
import Testing
@testable import OrderTracking

/// The rules of the seeds, written out state by state, so a change in PollPlan shows up here.
@Suite("PollPlan")
struct PollPlanTests {
    static let shopping: Set<WorkflowState> = [.picking, .verifyingReplacements]
    static let beforePicking: Set<WorkflowState> = [.acknowledged, .stagedForDelivery, .waitingForDelivery, .acknowledgedForDelivery, .atStore]
    static let afterCheckout: Set<WorkflowState> = [.checkout, .receiptSanityCheck, .bagsCheck, .staged, .bagsVerified, .readyForPickup,
                                                    .userAtStore, .runnerAwaiting, .runnerAcknowledged]

    static let cases: [(FulfillmentType, WorkflowState)] = {
        var all: [(FulfillmentType, WorkflowState)] = []
        for type in FulfillmentType.known { for state in WorkflowState.known { all.append((type, state)) } }
        return all
    }()

    @Test("order: slow while brand_new, normal with a shopper, off at delivered and canceled", arguments: cases)
    func order(type: FulfillmentType, state: WorkflowState) throws {
        let plan = try #require(PollPlan.plan(for: type, state: state))
        switch state {
        case .brandNew: #expect(plan.order == .poll(.slow))
        case .delivered, .canceled: #expect(plan.order == .off)
        default: #expect(plan.order == .poll(.normal))
        }
    }

    @Test("items: once before picking, polled while shopping, once more after checkout, never for last mile", arguments: cases)
    func items(type: FulfillmentType, state: WorkflowState) throws {
        let plan = try #require(PollPlan.plan(for: type, state: state))
        if type == .lastMileDelivery {
            #expect(plan.items == .off)
        } else if Self.shopping.contains(state) {
            #expect(plan.items == .poll(.normal))
        } else if state == .brandNew || Self.beforePicking.contains(state) {
            #expect(plan.items == .once("initial"))
        } else {
            #expect(plan.items == .once("final"))
        }
    }

    @Test("handling: fetched once in every state", arguments: cases)
    func handling(type: FulfillmentType, state: WorkflowState) throws {
        #expect(try #require(PollPlan.plan(for: type, state: state)).handling == .once("handling"))
    }

    @Test("location: only while delivering, never for pickup", arguments: cases)
    func location(type: FulfillmentType, state: WorkflowState) throws {
        let plan = try #require(PollPlan.plan(for: type, state: state))
        #expect(plan.location == ((state == .delivering && type != .pickup) ? .poll(.normal) : .off))
    }

    @Test("chat: polled and sendable from picking until checkout", arguments: cases)
    func chat(type: FulfillmentType, state: WorkflowState) throws {
        let plan = try #require(PollPlan.plan(for: type, state: state))
        let inWindow = Self.shopping.contains(state) && type != .lastMileDelivery
        #expect(ChatWindow(type: type, state: state).isOpen == inWindow)
        if inWindow {
            #expect(plan.chat == .poll(.normal))
        } else if case .poll = plan.chat {
            Issue.record("chat is polled in \(state) for \(type)")
        }
        if state == .brandNew || Self.beforePicking.contains(state) {
            #expect(plan.chat == .off, "no chat before picking")
        }
        if type == .lastMileDelivery && state != .delivering && !state.isFinal {
            #expect(plan.chat == .off, "last mile: read only on the way and at the end")
        }
    }

    @Test("unknown states have no plan of their own, so the last one is kept")
    func unknownState() {
        #expect(PollPlan.plan(for: .delivery, state: .unknown("teleporting")) == nil)
        #expect(PollPlan.plan(for: .delivery, state: WorkflowState(rawValue: "PICKING")) != nil)
    }

    @Test("the plan depends on the state only: a skipped state gives the same plan")
    func pathIndependence() {
        // picking, then straight to delivering: the plan for delivering is the plan for delivering.
        let direct = PollPlan.plan(for: .delivery, state: .delivering)
        #expect(direct?.location == .poll(.normal))
        #expect(direct?.chat == .once("delivering"))
        #expect(direct?.items == .once("final"))
    }

    @Test("the initial plan fetches the order and the handling; items wait for the order's type")
    func initial() {
        let plan = PollPlan.initial(for: nil)
        #expect(plan.order == .poll(.normal))
        #expect(plan.items == .off)
        #expect(PollPlan.initial(for: .delivery).items == .once("initial"))
        #expect(plan.handling == .once("handling"))
        #expect(plan.location == .off && plan.chat == .off)
        #expect(PollPlan.initial(for: .lastMileDelivery).items == .off)
    }

    @Test("backoff doubles up to the ceiling, with bounded jitter")
    func backoff() {
        let b = Backoff(initial: .seconds(1), ceiling: .seconds(10), jitter: 0.2)
        #expect(b.delay(attempt: 1, unit: 0.5) == .seconds(1))
        #expect(b.delay(attempt: 2, unit: 0.5) == .seconds(2))
        #expect(b.delay(attempt: 3, unit: 0.5) == .seconds(4))
        #expect(b.delay(attempt: 10, unit: 0.5) == .seconds(10))
        #expect(b.delay(attempt: 10, unit: 1.0) <= .seconds(10))
        #expect(b.delay(attempt: 2, unit: 0) == .milliseconds(1600))
        #expect(b.delay(attempt: 2, unit: 1) == .milliseconds(2400))
    }
}
