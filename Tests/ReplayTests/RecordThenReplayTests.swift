import ConnectClient
import ConnectModels
import ConnectSandbox
import Dashboard
import Foundation
import OrderTracking
import Recording
import Replay
import TestSupport
import Testing
import TerminalUI

/// The issue's first test: record the demo against the sandbox, play the recording back, and see the same thing.
@Suite(.serialized) struct RecordThenReplayTests {
    /// What one run of a tracker showed: its events, each with the tracker's time, and the dashboard built from them.
    struct Seen {
        var states: [WorkflowState] = []
        var dashboard: DashboardState
        var lastEventAt: Date

        static let size = Size(width: 120, height: 40)

        init(start: Date) {
            dashboard = DashboardState(now: start, timeZone: TimeZone(identifier: "UTC")!, size: Self.size)
            lastEventAt = start
        }

        mutating func take(_ event: TrackerEvent, at date: Date) {
            if case .order(let order) = event, states.last != order.workflowState { states.append(order.workflowState) }
            _ = Dashboard.reduce(&dashboard, .tick(date))
            _ = Dashboard.reduce(&dashboard, .tracker(event))
            lastEventAt = date
        }

        /// The dashboard a second after the last event, as text: the same moment relative to each run's own clock.
        var finalScreen: String {
            var state = dashboard
            _ = Dashboard.reduce(&state, .tick(lastEventAt.addingTimeInterval(1)))
            return renderFrame(state, size: Self.size).canvas.text
        }
    }

    /// Follows `tracker` until its order ends, for at most `seconds`; each event at the time the tracker had it.
    static func follow(_ tracker: OrderTracker, within seconds: Int) async -> (Seen, finished: Bool) {
        await tracker.start()
        let watcher = Task {
            var seen: Seen?
            for await stamped in tracker.events.stamped {
                if seen == nil { seen = Seen(start: stamped.date) }
                seen?.take(stamped.event, at: stamped.date)
                if case .finished = stamped.event, let seen { return (seen, true) }
            }
            return (seen ?? Seen(start: Date()), false)
        }
        let timeout = Task {
            try await Task.sleep(for: .seconds(seconds))
            await tracker.stop()
        }
        let result = await watcher.value
        timeout.cancel()
        await tracker.stop()
        return result
    }

    @Test func theReplayOfARecordedDemoEndsOnTheSameScreenAfterTheSameStates() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ordertop-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("demo.har").path

        // Live: the demo's order and scripted shopper on a real sandbox, a recording tracker, a dashboard fed by it.
        var live: (Seen, finished: Bool)?
        try await withSandbox { sandbox in
            let order = try await ScenarioSetup.createOrder(baseURL: sandbox.server.baseURL, clientID: sandbox.server.configuration.clientID,
                                                            clientSecret: sandbox.server.configuration.clientSecret, kind: .delivery, seed: 11)
            let session = RecordingSession(command: "demo", orders: [RecordedOrder(userID: order.userID, orderID: order.orderID)],
                                           redactedChat: false, startedAt: Date(), interval: 0.1)
            let recorder = HARRecorder(path: path, session: session, redactChat: false)
            try await recorder.start()
            let client = ConnectClient(baseURL: sandbox.server.baseURL, token: order.userToken,
                                       transport: RecordingTransport(base: HTTPClientTransport(), recorder: recorder))
            let tracker = OrderTracker(client: client, orderID: order.orderID,
                                       configuration: TrackerConfiguration(normalInterval: .milliseconds(100), slowInterval: .milliseconds(100)))
            let shopper = order.makeShopper(seed: 11, clock: ContinuousClock(), speed: 40)
            await shopper.start()
            live = await Self.follow(tracker, within: 120)
            await shopper.stop()
            try await recorder.finish()
        }
        let recorded = try #require(live)
        #expect(recorded.finished, "the live order did not end in time: \(recorded.0.states)")
        #expect(recorded.0.states.last == .delivered)

        // Replay: the recording's replies to a fresh tracker on the replay's clock, faster than it was made.
        let document = try HARFile.load(path: path)
        let replay = ReplaySession(document: document, speed: 8)
        let orderID = try #require(replay.timeline.orders.first?.orderID)
        let player = replay.player
        let playing = Task { await player.play() }
        let replayed = await Self.follow(replay.tracker(orderID: orderID), within: 120)
        playing.cancel()

        #expect(replayed.finished)
        #expect(replayed.0.states == recorded.0.states)
        let (screen, liveScreen) = (replayed.0.finalScreen, recorded.0.finalScreen)
        let differing = zip(screen.split(separator: "\n", omittingEmptySubsequences: false),
                            liveScreen.split(separator: "\n", omittingEmptySubsequences: false))
            .enumerated().filter { $0.element.0 != $0.element.1 }
            .map { "row \($0.offset):\n  replay: \($0.element.0)\n  live:   \($0.element.1)" }
        #expect(screen == liveScreen, "\(differing.joined(separator: "\n"))")
        // Nothing is left unplayed but polls that repeat what was shown.
        #expect(await player.feed.played > 0)
    }
}
