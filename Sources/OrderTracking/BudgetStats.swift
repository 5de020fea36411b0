/// The shared budget at one moment, for the board's header.
public struct BudgetStats: Hashable, Sendable {
    /// The configured ceiling (`--max-rps`).
    public var maxRequestsPerSecond: Double
    /// What the budget grants now: lower than the ceiling for a while after a 429.
    public var currentRate: Double
    /// Requests granted in the last 60 s.
    public var requestsLastMinute: Int
    /// Requests queued for their turn.
    public var waiting: Int
    /// How much longer every request is held by a 429's Retry-After (or backoff); nil when not paused.
    public var pausedFor: Duration?

    public init(maxRequestsPerSecond: Double, currentRate: Double, requestsLastMinute: Int, waiting: Int, pausedFor: Duration?) {
        self.maxRequestsPerSecond = maxRequestsPerSecond
        self.currentRate = currentRate
        self.requestsLastMinute = requestsLastMinute
        self.waiting = waiting
        self.pausedFor = pausedFor
    }

    /// True while a 429 keeps the pace below the ceiling.
    public var isSlowed: Bool { currentRate < maxRequestsPerSecond }
}

/// How often each order is refreshed when every order's plan shares one budget: "each order every ~12 s".
/// The orders ask for `demand` requests per second in all; when that is more than the budget's rate, every
/// poll waits its turn and the cycle stretches by demand/rate. It never gets shorter than the plans' own.
public struct RefreshCycle: Hashable, Sendable, CustomStringConvertible {
    /// The time between two reads of one order, on average.
    public var interval: Duration

    public init(interval: Duration) { self.interval = interval }

    /// `orders` orders, each needing `requestsPerOrder` requests per round of its plan, one round every `planInterval`.
    public init(orders: Int, requestsPerOrder: Double, planInterval: Duration, rate: Double) {
        let round = Double(max(orders, 0)) * max(requestsPerOrder, 0) / max(rate, .leastNonzeroMagnitude)
        interval = max(planInterval, .milliseconds(Int64((round * 1000).rounded())))
    }

    /// The estimate for trackers whose plans are `plans` (one per order), under `configuration`'s cadences; nil when no
    /// order is polled any more.
    public static func estimate(plans: [PollPlan], configuration: TrackerConfiguration, rate: Double) -> RefreshCycle? {
        var demand = 0.0, orderIntervals: [Double] = []
        for plan in plans {
            for endpoint in TrackedEndpoint.allCases {
                if case .poll(let cadence) = plan[endpoint] { demand += 1 / configuration.interval(cadence).secondsDouble }
            }
            if case .poll(let cadence) = plan.order { orderIntervals.append(configuration.interval(cadence).secondsDouble) }
        }
        guard !orderIntervals.isEmpty else { return nil }
        let own = orderIntervals.reduce(0, +) / Double(orderIntervals.count)
        let stretch = max(1, demand / max(rate, .leastNonzeroMagnitude))
        return RefreshCycle(interval: .milliseconds(Int64((own * stretch * 1000).rounded())))
    }

    public var description: String {
        let seconds = interval.secondsDouble
        if seconds < 120 { return "each order every ~\(max(1, Int(seconds.rounded()))) s" }
        return "each order every ~\(Int((seconds / 60).rounded())) min"
    }
}
