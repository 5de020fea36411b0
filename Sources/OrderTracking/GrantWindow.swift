/// The requests granted lately, and the rule that keeps them under a rate: no window of `span(rate)` holds
/// more than `capacity(rate)` grants, and grants are at least 1/rate apart. At 1 request/s or more the window is
/// one second and holds the whole part of the rate, so no second ever sees more than the rate; below that, one
/// request per 1/rate seconds. A sliding window rather than a token bucket, because a bucket's burst comes on top
/// of its rate within one second, and "most requests in any one second" is what the rate promises. The spacing
/// keeps the window's grants from going out in one burst: requests granted together leave together but reach
/// the server a few milliseconds apart in any order, so a burst at each end of a second would put more than the
/// rate into one second of the server's log. Spread out, and 2% further apart than the rate needs (a tenth of a
/// request a second at 5/s), they never do: that takes arrivals 20 ms out of step, where a loaded machine's are
/// 1-2 ms (measured: `bench/board-load.sh`).
struct GrantWindow {
    /// Grant times, oldest first; entries before `first` are dropped ones kept until the next compaction.
    private var times: [Duration] = []
    private var first = 0
    /// How far back grants are kept: a minute for the statistics, more when a slow rate's window is longer.
    let history: Duration

    init(history: Duration) { self.history = history }

    static func capacity(_ rate: Double) -> Int { rate >= 1 ? Int(rate.rounded(.down)) : 1 }
    static func span(_ rate: Double) -> Duration { rate >= 1 ? .seconds(1) : .milliseconds(Int64((1000 / rate).rounded(.up))) }

    private var live: ArraySlice<Duration> { times[first...] }

    /// The earliest moment, not before `now`, at which one more grant keeps the rule at `rate`.
    func nextSlot(after now: Duration, rate: Double) -> Duration {
        let capacity = Self.capacity(rate)
        let spaced = live.last.map { $0 + Self.spacing(rate) } ?? now
        guard live.count >= capacity else { return max(now, spaced) }
        return max(now, spaced, times[times.count - capacity] + Self.span(rate))
    }

    /// The least time between two grants: a second shared evenly by the rate's grants, and 2% more.
    static func spacing(_ rate: Double) -> Duration { span(rate) * 1.02 / capacity(rate) }

    mutating func record(_ time: Duration) {
        times.append(time)
        drop(before: time - history)
    }

    /// How many grants came at or after `start`.
    func count(since start: Duration) -> Int {
        live.reversed().prefix { $0 >= start }.count
    }

    private mutating func drop(before limit: Duration) {
        while first < times.count, times[first] < limit { first += 1 }
        // Compact now and then, so dropping stays cheap and the array does not grow for ever.
        if first > 1024, first * 2 > times.count {
            times.removeFirst(first)
            first = 0
        }
    }
}
