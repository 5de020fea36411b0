import ConnectModels

/// Which flow a demo order follows.
public enum DemoScenarioKind: String, Sendable, Hashable, CaseIterable {
    case delivery
    case pickup
    case lastMile = "last-mile"

    /// The order's fulfillment type for this flow.
    public var fulfillmentType: FulfillmentType {
        switch self {
        case .delivery: .delivery
        case .pickup: .pickup
        case .lastMile: .lastMileDelivery
        }
    }

    /// The batch type the shopper works the order in.
    public var batchType: BatchType {
        switch self {
        case .delivery: .delivery
        case .pickup: .pickup
        case .lastMile: .deliveryOnly
        }
    }
}

/// The batch a step acts on: the shopper's own, or the pickup runner's.
public enum DemoBatchRole: String, Sendable, Hashable {
    case main, runner
}

/// One thing the scripted shopper does, through the sandbox's HTTP calls.
public enum DemoAction: Sendable, Hashable {
    case createShopper(displayName: String)
    case createBatch(DemoBatchRole, BatchType)
    case advance(DemoBatchRole, to: String)
    case updateItem(lineNum: String, ShopperItemUpdate)
    case say(String)
    case move(Coordinates)
    /// The customer taps "I'm here" (needs the user token).
    case userArrived
}

/// A scripted action and when it happens, counted from the start at speed 1.
public struct DemoStep: Sendable, Hashable, CustomStringConvertible {
    public var offset: Duration
    public var action: DemoAction
    /// One line for people: "advance to picking", "found line 3 (Whole Milk, 1 gal)".
    public var description: String

    public init(offset: Duration, action: DemoAction, description: String) {
        self.offset = offset
        self.action = action
        self.description = description
    }
}

/// A whole demo scenario as data: the ordered, timed steps of a scripted shopper.
public struct DemoScenario: Sendable, Hashable {
    public let kind: DemoScenarioKind
    public let seed: UInt64
    public let shopperName: String
    public let steps: [DemoStep]

    /// How long the scenario takes at speed 1.
    public var duration: Duration { steps.last?.offset ?? .zero }

    /// Builds the steps for an order whose lines are named `itemNames` (line numbers "1"..."N").
    public init(kind: DemoScenarioKind, itemNames: [String], destination: Coordinates, store: Coordinates, seed: UInt64,
                customerName: String? = nil) {
        var builder = Builder(seed: seed, customerName: customerName)
        switch kind {
        case .delivery:
            builder.shopping(itemNames: itemNames, batchType: .delivery)
            builder.advance(.main, "checkout", after: 14...17)
            builder.advance(.main, "receipt_sanity_check", after: 9...11)
            builder.drive(from: store, to: destination, over: 52)
            builder.advance(.main, "completed", after: 3...4)
        case .pickup:
            builder.shopping(itemNames: itemNames, batchType: .pickup)
            builder.advance(.main, "checkout", after: 14...17)
            builder.advance(.main, "receipt_sanity_check", after: 8...10)
            builder.advance(.main, "bags_check", after: 8...10)
            builder.advance(.main, "staged", after: 8...10)
            builder.say(after: 1...2) { ScenarioLines.line(for: .readyForPickup, using: &$0) }
            builder.add(after: 14...18, .userArrived, "the customer taps \"I'm here\"")
            builder.add(after: 2...3, .createBatch(.runner, .runnerCustomer), "create the runner batch")
            builder.say(after: 1...2) { ScenarioLines.line(for: .bringingOut, using: &$0) }
            builder.advance(.runner, "at_store", after: 8...10)
            builder.advance(.runner, "bags_verified", after: 10...12)
            builder.advance(.runner, "completed", after: 10...12)
        case .lastMile:
            builder.start(batchType: .deliveryOnly)
            builder.advance(.main, "waiting_for_delivery", after: 6...8)
            builder.advance(.main, "acknowledged_for_delivery", after: 12...15)
            let name = builder.shopperName
            builder.say(after: 1...2) { ScenarioLines.lastMileHello(shopper: name, customer: customerName, using: &$0) }
            builder.advance(.main, "at_store", after: 18...22)
            builder.say(after: 1...2) { ScenarioLines.line(for: .atStore, using: &$0) }
            builder.advance(.main, "bags_verified", after: 14...16)
            builder.drive(from: store, to: destination, over: 100)
            builder.advance(.main, "completed", after: 3...4)
        }
        self.kind = kind
        self.seed = seed
        self.shopperName = builder.shopperName
        self.steps = builder.steps
    }

    /// Builds the steps for an order of `lineCount` lines whose names are not known.
    public init(kind: DemoScenarioKind, lineCount: Int, destination: Coordinates, store: Coordinates, seed: UInt64,
                customerName: String? = nil) {
        self.init(kind: kind, itemNames: (0..<max(0, lineCount)).map { "item \($0 + 1)" }, destination: destination,
                  store: store, seed: seed, customerName: customerName)
    }

    /// What happens to each line while picking. Exposed so tests and the UI can tell which lines stay open.
    public enum LinePlan: Sendable, Hashable {
        case found, replaced(with: String), refunded, leftOpen
    }

    /// How each line ("1"..."N") is handled, in the order the lines are numbered.
    public var linePlan: [String: LinePlan] {
        var plan: [String: LinePlan] = [:]
        for step in steps {
            guard case .updateItem(let line, let update) = step.action else { continue }
            switch update.status {
            case .found: plan[line] = .found
            case .replaced: plan[line] = .replaced(with: update.replacementItem?.name ?? "")
            case .toRefund: plan[line] = .refunded
            default: break
            }
        }
        return plan
    }

    /// Appends steps on a running timeline, drawing jitter and texts from the seed.
    struct Builder {
        var rng: ScenarioRandom
        var texts: ScenarioRandom
        var steps: [DemoStep] = []
        var seconds: Double = 0
        let shopperName: String
        let customerName: String?

        init(seed: UInt64, customerName: String?) {
            var rng = ScenarioRandom(seed: seed)
            texts = rng.derived(1)
            shopperName = rng.pick(ScenarioLines.shopperNames)
            self.rng = rng
            self.customerName = customerName
        }

        mutating func add(after gap: ClosedRange<Double>, _ action: DemoAction, _ description: String) {
            seconds += rng.double(in: gap)
            let millis = (seconds * 1000).rounded()
            steps.append(DemoStep(offset: .milliseconds(Int64(millis)), action: action, description: description))
        }

        mutating func advance(_ role: DemoBatchRole, _ state: String, after gap: ClosedRange<Double>) {
            let batch = role == .runner ? "runner batch" : "batch"
            add(after: gap, .advance(role, to: state), "advance the \(batch) to \(state)")
        }

        mutating func say(after gap: ClosedRange<Double>, _ line: (inout ScenarioRandom) -> String) {
            let text = line(&texts)
            add(after: gap, .say(text), "say \"\(text)\"")
        }

        mutating func start(batchType: BatchType) {
            add(after: 0...0, .createShopper(displayName: shopperName), "create shopper \(shopperName)")
            add(after: 0.8...1.2, .createBatch(.main, batchType), "create the \(batchType.rawValue) batch")
        }

        /// Picking: a greeting, then the lines one by one; some replaced (with a question), one refunded, a few left open.
        mutating func shopping(itemNames: [String], batchType: BatchType) {
            start(batchType: batchType)
            advance(.main, "picking", after: 3...5)
            let shopper = shopperName
            let customer = customerName
            say(after: 1.5...2.5) { ScenarioLines.greeting(shopper: shopper, customer: customer, using: &$0) }

            let count = itemNames.count
            let openCount = count >= 5 ? max(1, count / 5) : (count >= 3 ? 1 : 0)
            let replacedCount = count >= 6 ? 2 : (count >= 3 ? 1 : 0)
            let refundCount = count >= 4 ? 1 : 0
            var lines = Array(0..<count)
            lines.shuffle(using: &rng)
            let open = Set(lines.prefix(openCount))
            let replaced = Set(lines.dropFirst(openCount).prefix(replacedCount))
            let refunded = Set(lines.dropFirst(openCount + replacedCount).prefix(refundCount))
            // The shopper walks the aisles in list order, with the open lines still to find when checkout comes.
            let worked = (0..<count).filter { !open.contains($0) }
            let gap = worked.isEmpty ? 0 : 66.0 / Double(worked.count)
            for index in worked {
                let line = String(index + 1)
                let name = itemNames[index]
                let jitter = (gap * 0.7)...(gap * 1.3)
                if replaced.contains(index) {
                    let replacement = ScenarioBasket.replacement(for: name)
                    let spec = ReplacementItemSpec(name: replacement, quantity: FlexibleNumber("1.0"), costUnit: .each)
                    add(after: jitter, .updateItem(lineNum: line, ShopperItemUpdate(status: .replaced, replacementItem: spec)),
                        "replace line \(line) (\(name)) with \(replacement)")
                    say(after: 2...3) { ScenarioLines.replacementQuestion(original: name, replacement: replacement, using: &$0) }
                } else if refunded.contains(index) {
                    add(after: jitter, .updateItem(lineNum: line, ShopperItemUpdate(status: .toRefund)),
                        "refund line \(line) (\(name))")
                    say(after: 1.5...2.5) { ScenarioLines.refund(original: name, using: &$0) }
                } else {
                    add(after: jitter, .updateItem(lineNum: line, ShopperItemUpdate(status: .found)), "found line \(line) (\(name))")
                }
            }
            advance(.main, "verifying_replacements", after: 3...5)
            if replacedCount > 0 { say(after: 1.5...2.5) { ScenarioLines.line(for: .verifying, using: &$0) } }
        }

        /// "On my way" just before delivering, then the car moves from the store to the door, then "I'm here".
        /// The message comes first because a watcher reads the chat once on entering `delivering`, as it
        /// stops polling the chat at checkout; a message sent after that read would wait for delivery.
        mutating func drive(from store: Coordinates, to destination: Coordinates, over seconds: Double) {
            say(after: 7...9) { ScenarioLines.line(for: .onMyWay, using: &$0) }
            advance(.main, "delivering", after: 0.8...1.2)
            let count = Int(rng.next() % 21) + 20
            let route = ScenarioRoute.points(from: store, to: destination, count: count, using: &rng)
            let gap = seconds / Double(route.count)
            for (index, point) in route.enumerated() {
                add(after: (gap * 0.8)...(gap * 1.2), .move(point),
                    String(format: "drive to %.5f, %.5f (%d/%d)", point.latitude, point.longitude, index + 1, route.count))
            }
            say(after: 1...2) { ScenarioLines.line(for: .arrived, using: &$0) }
        }
    }
}
