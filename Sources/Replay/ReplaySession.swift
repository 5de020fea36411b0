import ConnectClient
import ConnectModels
import Foundation
import OrderTracking
import Recording

/// Everything a replay needs: the recording, the player that moves its clock, and real trackers whose calls the
/// recording answers. Nothing goes to the network, and nothing is sent.
public struct ReplaySession: Sendable {
    public let timeline: ReplayTimeline
    public let player: ReplayPlayer
    let heard = HeardTimes()

    /// The trackers ask again as soon as they have a reply: each call waits in the transport until the recording had
    /// its reply, so the recording's own pace rules, whatever cadence it was made with.
    static let configuration = TrackerConfiguration(normalInterval: .zero, slowInterval: .zero, seed: 1)

    public init(document: HARDocument, speed: Double, realClock: any Clock<Duration> = ContinuousClock()) {
        timeline = ReplayTimeline(document)
        player = ReplayPlayer(timeline: timeline, speed: speed, realClock: realClock)
    }

    /// A tracker for one recorded order, on the replay's clock, with no outbox store: a replay keeps nothing.
    public func tracker(orderID: String) -> OrderTracker {
        let client = ConnectClient(baseURL: "replay:", transport: ReplayTransport(feed: player.feed, clock: player.clock, heard: heard))
        let (player, heard, timeline) = (player, heard, timeline)
        // The tracker's time is the recorded moment of the last reply it heard: what it says then is stamped with
        // when the recording had it, however far the replay's clock has run on meanwhile.
        return OrderTracker(client: client, orderID: orderID, configuration: Self.configuration, clock: player.clock,
                            outboxStore: nil, now: { heard.latest(orderID).map(timeline.date(at:)) ?? player.date() })
    }

    /// What the viewer is told when the recording has been played to its end; `clock` writes a time as the screen does.
    public func endNotice(clock formatted: (Date) -> String) async -> String {
        let played = await player.feed.played, total = player.feed.total
        let clock = formatted(timeline.date(at: timeline.end))
        var text = "The recording ends here (\(clock)): \(played) of \(total) recorded replies played."
        let exhausted = await player.feed.exhausted
        if !exhausted.isEmpty {
            let names = Set(exhausted.map { $0.endpoint.split(separator: "/").last.map(String.init) ?? $0.endpoint }).sorted()
            text += " It holds no more replies for: \(names.joined(separator: ", "))."
        }
        return text
    }
}
