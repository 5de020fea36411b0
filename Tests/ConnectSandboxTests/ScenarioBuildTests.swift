import ConnectModels
@testable import ConnectSandbox
import Testing

@Suite("DemoScenario: the steps as data")
struct ScenarioBuildTests {
    let place = ScenarioPlace.collinsville
    var names: [String] { ScenarioBasket.items.map(\.name) }

    func build(_ kind: DemoScenarioKind, seed: UInt64 = 7) -> DemoScenario {
        DemoScenario(kind: kind, itemNames: kind == .lastMile ? [] : names, destination: place.destination, store: place.store,
                     seed: seed, customerName: "Sierra")
    }

    func advances(_ scenario: DemoScenario) -> [String] {
        scenario.steps.compactMap { if case .advance(let role, let state) = $0.action { "\(role.rawValue):\(state)" } else { nil } }
    }

    @Test("the same seed gives the same steps and texts; another seed does not")
    func repeatable() {
        for kind in DemoScenarioKind.allCases {
            #expect(build(kind, seed: 42) == build(kind, seed: 42))
            #expect(build(kind, seed: 42).steps != build(kind, seed: 43).steps)
        }
    }

    @Test("offsets never go back, and a delivery takes about three minutes at speed 1")
    func timing() {
        for kind in DemoScenarioKind.allCases {
            for seed in UInt64(0)..<20 {
                let scenario = build(kind, seed: seed)
                let offsets = scenario.steps.map(\.offset)
                #expect(offsets == offsets.sorted(), "\(kind) seed \(seed)")
                #expect(scenario.duration > .seconds(140) && scenario.duration < .seconds(220), "\(kind) seed \(seed): \(scenario.duration)")
            }
        }
    }

    @Test("each kind walks its batch states in order")
    func states() {
        #expect(advances(build(.delivery)) == ["main:picking", "main:verifying_replacements", "main:checkout",
                                               "main:receipt_sanity_check", "main:delivering", "main:completed"])
        #expect(advances(build(.pickup)) == ["main:picking", "main:verifying_replacements", "main:checkout", "main:receipt_sanity_check",
                                             "main:bags_check", "main:staged", "runner:at_store", "runner:bags_verified", "runner:completed"])
        #expect(advances(build(.lastMile)) == ["main:waiting_for_delivery", "main:acknowledged_for_delivery", "main:at_store",
                                               "main:bags_verified", "main:delivering", "main:completed"])
    }

    @Test("picking finds, replaces, refunds, and leaves a few lines open")
    func linePlan() {
        for seed in UInt64(0)..<20 {
            let scenario = build(.delivery, seed: seed)
            let plan = scenario.linePlan
            let open = (1...names.count).map(String.init).filter { plan[$0] == nil }
            let replaced = plan.values.filter { if case .replaced = $0 { true } else { false } }
            #expect(open.count >= 2, "seed \(seed)")
            #expect(replaced.count == 2, "seed \(seed)")
            #expect(plan.values.filter { $0 == .refunded }.count == 1, "seed \(seed)")
            #expect(plan.values.filter { $0 == .found }.count == names.count - open.count - 3, "seed \(seed)")
        }
        #expect(build(.lastMile).linePlan.isEmpty)
    }

    @Test("the greeting comes first, each replacement is followed by its question, and moves happen only while delivering")
    func chatAndRouteOrder() throws {
        for kind in [DemoScenarioKind.delivery, .pickup] {
            let steps = build(kind).steps
            let greeting = try #require(steps.firstIndex { if case .say(let text) = $0.action { text.contains("Sierra") } else { false } })
            let firstItem = try #require(steps.firstIndex { if case .updateItem = $0.action { true } else { false } })
            #expect(greeting < firstItem)
            for (index, step) in steps.enumerated() {
                guard case .updateItem(_, let update) = step.action, update.status == .replaced else { continue }
                let replacement = try #require(update.replacementItem?.name)
                guard case .say(let question) = steps[index + 1].action else { Issue.record("no question after \(step)"); continue }
                #expect(question.contains(replacement))
            }
        }
        for kind in [DemoScenarioKind.delivery, .lastMile] {
            let steps = build(kind).steps
            let delivering = try #require(steps.firstIndex { $0.action == .advance(.main, to: "delivering") })
            let completed = try #require(steps.firstIndex { $0.action == .advance(.main, to: "completed") })
            let moves = steps.indices.filter { if case .move = steps[$0].action { true } else { false } }
            #expect((20...40).contains(moves.count))
            #expect(moves.allSatisfy { $0 > delivering && $0 < completed })
            // "On my way" is said just before delivering starts, so a watcher's one read on entering it shows it.
            guard case .say(let onMyWay) = steps[delivering - 1].action else {
                Issue.record("no message right before delivering in \(kind)")
                continue
            }
            #expect(!onMyWay.isEmpty)
        }
        #expect(!build(.pickup).steps.contains { if case .move = $0.action { true } else { false } })
        #expect(!build(.lastMile).steps.contains { if case .updateItem = $0.action { true } else { false } })
    }

    @Test("pickup ends with user_arrived, then the runner batch to completed")
    func pickupEnding() throws {
        let actions = build(.pickup).steps.map(\.action)
        let staged = try #require(actions.firstIndex(of: .advance(.main, to: "staged")))
        let arrived = try #require(actions.firstIndex(of: .userArrived))
        let runner = try #require(actions.firstIndex(of: .createBatch(.runner, .runnerCustomer)))
        #expect(staged < arrived && arrived < runner)
        #expect(actions.last == .advance(.runner, to: "completed"))
    }

    @Test("the route starts at the store, ends at the door, and stays near the line between them")
    func route() {
        var rng = ScenarioRandom(seed: 3)
        let points = ScenarioRoute.points(from: place.store, to: place.destination, count: 30, using: &rng)
        #expect(points.count == 30)
        #expect(points.first == place.store)
        #expect(points.last == place.destination)
        let latRange = min(place.store.latitude, place.destination.latitude) - 0.01...max(place.store.latitude, place.destination.latitude) + 0.01
        let lonRange = min(place.store.longitude, place.destination.longitude) - 0.01...max(place.store.longitude, place.destination.longitude) + 0.01
        #expect(points.allSatisfy { latRange.contains($0.latitude) && lonRange.contains($0.longitude) })
        // Not a ruler line: consecutive points differ, and some legs are not straight towards the door.
        #expect(Set(points.map { "\($0.latitude),\($0.longitude)" }).count == 30)
    }

    @Test("replies are short, in character, and follow the seed")
    func replies() {
        var a = ScenarioRandom(seed: 9), b = ScenarioRandom(seed: 9)
        let messages = ["thanks!", "yes that's fine", "no, skip it", "are the avocados ripe?", "hello"]
        let first = messages.map { ScenarioLines.reply(to: $0, using: &a) }
        #expect(first == messages.map { ScenarioLines.reply(to: $0, using: &b) })
        #expect(first.allSatisfy { !$0.isEmpty && $0.count < 80 })
        #expect(["You're welcome!", "Happy to help!", "Anytime!"].contains(first[0]))
        var c = ScenarioRandom(seed: 1)
        let declines = ["No problem, I'll put it back.", "Got it, I'll skip that one.", "Understood, I'll look for something else."]
        #expect(declines.contains(ScenarioLines.reply(to: "No, skip it please", using: &c)))
        #expect(declines.contains(ScenarioLines.reply(to: "I don\u{2019}t want that", using: &c)))
        #expect(!declines.contains(ScenarioLines.reply(to: "I know, right", using: &c)))
    }
}
