import ConnectClient
import ConnectModels
import Foundation
import Recording

/// Answers a `ConnectClient`'s calls from a recording instead of the network: each call gets the next recorded reply
/// of its endpoint and order, once the replay's clock reaches the moment that reply arrived. Nothing is sent.
public struct ReplayTransport: ConnectTransport {
    let feed: ReplayFeed
    let clock: ReplayClock
    /// Told when each reply reaches its call, so a tracker's clock can read the recorded moment it last heard.
    let heard: HeardTimes?

    public init(feed: ReplayFeed, clock: ReplayClock, heard: HeardTimes? = nil) {
        self.feed = feed
        self.clock = clock
        self.heard = heard
    }

    public func execute(_ request: OutgoingRequest) async throws -> IncomingReply {
        let key = ReplayTimeline.Key(endpoint: request.endpoint, orderID: request.orderID)
        guard let exchange = await feed.next(key, now: clock.now.offset) else {
            if key.endpoint == ConnectEndpoints.markRead {
                // Marking read is the viewer's doing: it changes what this screen shows, not what was recorded.
                return IncomingReply(status: 200, headers: [], body: Data(#"{"messages_read_count":0}"#.utf8))
            }
            if key.isWrite { throw ConnectError.invalidRequest("nothing is sent during a replay") }
            if let last = await feed.repeatLast(key) { return try Self.reply(last, to: request) }
            // The recording has no more of these replies: wait, as a poll of a silent server would, until the replay ends.
            try await clock.sleep(until: ReplayClock.Instant(offset: .seconds(Int64.max / 4)), tolerance: nil)
            throw CancellationError()
        }
        do {
            // A write is answered at once: when the viewer acts differently from the recording, it must not stall.
            if !key.isWrite { try await clock.sleep(until: ReplayClock.Instant(offset: exchange.at), tolerance: nil) }
        } catch {
            await feed.cancelled(exchange)
            throw error
        }
        await feed.delivered(exchange)
        heard?.note(exchange)
        return try Self.reply(exchange, to: request)
    }

    /// A recorded exchange as the reply, or the error, its call gets.
    static func reply(_ exchange: ReplayTimeline.Exchange, to request: OutgoingRequest) throws -> IncomingReply {
        if let reason = exchange.error {
            throw ConnectError.transport(endpoint: request.endpoint, baseURL: "the recording", reason: reason, mayHaveBeenSent: true)
        }
        return IncomingReply(status: exchange.status, headers: exchange.headers, body: exchange.body)
    }
}

/// Per order, the recorded moment of the latest reply its tracker has heard: the replay's time for that tracker, so
/// what it says is stamped with when the recording had it, even when the tracker runs behind the replay's clock.
public final class HeardTimes: @unchecked Sendable {
    // Guarded by `lock`: written by the transport's calls, read by the trackers' clocks.
    private let lock = NSLock()
    private var latest: [String: Duration] = [:]

    public init() {}

    func note(_ exchange: ReplayTimeline.Exchange) {
        guard let orderID = exchange.key.orderID else { return }
        lock.withLock { latest[orderID] = max(latest[orderID] ?? .zero, exchange.at) }
    }

    /// The latest recorded reply heard for the order, if any.
    public func latest(_ orderID: String) -> Duration? { lock.withLock { latest[orderID] } }
}
