import ConnectModels
import Foundation
import Recording

/// A recording laid out for playing back: its Connect exchanges on one time line from the recording's start,
/// queued per endpoint and order, the moments when something changed, and the orders it followed.
public struct ReplayTimeline: Sendable {
    /// Which queue an exchange answers from: the endpoint ("GET /v2/post_checkout/orders/{order_id}") and the order.
    public struct Key: Hashable, Sendable {
        public var endpoint: String
        public var orderID: String?
        public init(endpoint: String, orderID: String?) {
            self.endpoint = endpoint
            self.orderID = orderID
        }
        /// True for calls that change something on the server.
        public var isWrite: Bool { !endpoint.hasPrefix("GET ") }
    }

    /// One recorded reply, and when it arrived on the recording's line.
    public struct Exchange: Sendable {
        /// Its place in the recording, by arrival.
        public var index = 0
        public var key: Key
        /// When the request went out, from the recording's start.
        public var sentAt: Duration
        /// When the reply was complete, from the recording's start.
        public var at: Duration
        public var status: Int
        public var headers: [HARNameValue]
        public var body: Data
        /// A transport failure in words, when no reply came (status 0).
        public var error: String?

        /// True when both say the same: an unchanged poll.
        func sameReply(as other: Exchange) -> Bool {
            status == other.status && body == other.body && error == other.error
        }
    }

    /// When the recording started: the session's start, or its first request.
    public let start: Date
    /// When its last reply arrived, from `start`.
    public let end: Duration
    /// Every Connect exchange, by arrival.
    public let exchanges: [Exchange]
    /// The orders followed, in the recording's order.
    public let orders: [RecordedOrder]
    /// What recorded it: "watch", "board" or "demo" (a recording from elsewhere counts as "watch").
    public let command: String
    /// Moments something new arrived: the first reply of each queue, and each reply unlike the one before it.
    public let changes: [Duration]
    /// Whether chat bodies were replaced by their length when recorded.
    public let redactedChat: Bool

    /// True when the recording holds a board: it replays as a board.
    public var isBoard: Bool { command == "board" || orders.count > 1 }

    public init(_ document: HARDocument) {
        // A request ordertop cancelled itself got no reply anyone heard: no call of the replay may get one in its place.
        let entries = document.log.entries.filter { !Self.wasCancelled($0) }.compactMap { entry in Self.key(for: entry).map { (entry, $0) } }
        let firstRequest = entries.map(\.0.startedDateTime).min()
        let start = [document.log.session?.startedAt, firstRequest].compactMap { $0 }.min() ?? Date(timeIntervalSince1970: 0)
        var exchanges = entries.map { entry, key in
            Exchange(key: key, sentAt: Self.duration(entry.startedDateTime.timeIntervalSince(start)),
                     at: Self.duration(entry.startedDateTime.timeIntervalSince(start) + max(0, entry.time) / 1000),
                     status: entry.response.status, headers: entry.response.headers, body: entry.response.content.data,
                     error: entry.response.status == 0 ? (entry.error ?? "no reply") : nil)
        }
        // Stable: requests that ended at the same moment keep the recording's order.
        exchanges = exchanges.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
        for index in exchanges.indices { exchanges[index].index = index }
        self.start = start
        self.exchanges = exchanges
        end = exchanges.last?.at ?? .zero
        var orders = document.log.session?.orders ?? []
        for exchange in exchanges {
            if let id = exchange.key.orderID, !orders.contains(where: { $0.orderID == id }) {
                orders.append(RecordedOrder(userID: nil, orderID: id))
            }
        }
        self.orders = orders
        command = document.log.session?.command ?? "watch"
        redactedChat = document.log.session?.redactedChat ?? false
        var last: [Key: Exchange] = [:]
        var changes: [Duration] = []
        for exchange in exchanges where !exchange.key.isWrite {
            if let previous = last[exchange.key], previous.sameReply(as: exchange) { continue }
            last[exchange.key] = exchange
            if changes.last != exchange.at { changes.append(exchange.at) }
        }
        self.changes = changes
    }

    /// The distinct moments replies arrived after `start` and up to `end`, in order.
    public func arrivals(after start: Duration, through end: Duration) -> [Duration] {
        var low = 0, high = exchanges.count
        while low < high {
            let middle = (low + high) / 2
            if exchanges[middle].at <= start { low = middle + 1 } else { high = middle }
        }
        var moments: [Duration] = []
        for exchange in exchanges[low...] {
            guard exchange.at <= end else { break }
            if moments.last != exchange.at { moments.append(exchange.at) }
        }
        return moments
    }

    /// The first change after `offset`, if any.
    public func nextChange(after offset: Duration) -> Duration? {
        changes.first { $0 > offset }
    }

    /// The recorded moment `offset` into the recording.
    public func date(at offset: Duration) -> Date {
        start.addingTimeInterval(offset.secondsDouble)
    }

    static func duration(_ seconds: TimeInterval) -> Duration {
        .microseconds(Int64((max(0, seconds) * 1_000_000).rounded()))
    }

    /// True for a request ordertop gave up on itself (recorded with status 0 and a cancellation as its error).
    static func wasCancelled(_ entry: HAREntry) -> Bool {
        entry.response.status == 0 && (entry.error?.lowercased().contains("cancel") ?? false)
    }

    /// The queue an entry answers from: its `_endpoint` and `_order_id` when ordertop recorded it, else worked out
    /// from the method and the URL's path, so a HAR saved elsewhere replays too; nil for what is not a Connect call.
    static func key(for entry: HAREntry) -> Key? {
        if let endpoint = entry.endpoint, ConnectEndpoints.templates.contains(endpoint) {
            return Key(endpoint: endpoint, orderID: entry.orderID)
        }
        return ConnectEndpoints.match(method: entry.request.method, url: entry.request.url)
    }
}
