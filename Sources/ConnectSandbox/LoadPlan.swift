import ConnectModels

/// One order of a load simulation before it is placed: its flow, customer, seed and when its shopper starts.
public struct SimulatedOrderPlan: Sendable, Hashable {
    /// 0-based position in the simulation.
    public var index: Int
    public var kind: DemoScenarioKind
    /// Seeds this order's scenario (shopper, steps, texts).
    public var seed: UInt64
    /// A user of its own, so a board mints one token per order as it would for real customers.
    public var userID: String
    public var customerName: String
    public var place: ScenarioPlace
    /// When its shopper starts, counted from the start of the run on the simulation's clock (already divided by the speed).
    /// Until then the order waits in `brand_new`, as an order does before a shopper takes it.
    public var startsAfter: Duration
}

/// Lays out a load simulation from a count, a seed and a speed: mixed flows, staggered starts, one user per order.
/// Pure, so the same inputs always give the same orders.
public enum LoadPlan {
    /// Mostly deliveries, as in life; the first three orders already cover every flow.
    static let kinds: [DemoScenarioKind] = [.delivery, .pickup, .lastMile, .delivery]

    /// Customers, more than the demo's, so a board of many orders does not show the same few names.
    static let customerNames = [
        "Sierra", "Jonah", "Maya", "Oliver", "Amara", "Lucas", "Priya", "Mateo", "Hana", "Kwame", "Elena", "Tomasz",
        "Ingrid", "Yusuf", "Camille", "Diego", "Aiko", "Bruno", "Leila", "Finn", "Zara", "Nikolai", "Ama", "Rosa",
    ]

    /// The time between two shoppers' starts at speed 1: 20 s, less when there are many orders, so the last one starts
    /// within 10 minutes.
    static func gap(orders: Int) -> Duration {
        min(.seconds(20), .seconds(600) / max(orders, 1))
    }

    /// `count` orders for `seed`, their starts scaled by `speed` (> 0).
    public static func orders(count: Int, seed: UInt64, speed: Double) -> [SimulatedOrderPlan] {
        let root = ScenarioRandom(seed: seed)
        let gap = gap(orders: count).secondsDouble
        return (0..<max(count, 0)).map { index in
            var rng = root.derived(1000 + UInt64(index))
            let name = rng.pick(customerNames)
            // A little jitter, never enough to swap two starts: each stays within a quarter gap of its slot.
            let slot = index == 0 ? 0 : (Double(index) + rng.double(in: -0.25...0.25)) * gap
            let place = ScenarioPlace.collinsville.nearby(using: &rng)
            return SimulatedOrderPlan(index: index, kind: kinds[index % kinds.count], seed: rng.next() % 1_000_000_000,
                                      userID: "sim-\(seed)-\(index + 1)-\(name.lowercased())", customerName: name, place: place,
                                      startsAfter: .milliseconds(Int64((slot / speed * 1000).rounded())))
        }
    }
}

extension ScenarioPlace {
    /// The same store and a door up to about a kilometre from this one, so the board's distances differ.
    func nearby(using rng: inout ScenarioRandom) -> ScenarioPlace {
        var copy = self
        copy.destination = Coordinates(latitude: destination.latitude + rng.double(in: -0.009...0.009),
                                       longitude: destination.longitude + rng.double(in: -0.009...0.009))
        return copy
    }
}
