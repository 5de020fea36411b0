import AppRuntime
import ArgumentParser
import Board
import ConnectModels
import Dashboard
import Foundation
import OrderTracking
import Recording
import Replay
import TerminalUI
import OrderFeed

/// `ordertop replay FILE.har`: a recording made with --record, played back through the real tracker and the real
/// dashboard (or board), on the recorded timeline. Nothing goes to the network and nothing is sent.
struct ReplayCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Play a recording (--record FILE.har) back: the dashboard, or the board, as ordertop saw it.",
        discussion: """
            The recorded replies reach a real tracker at the moments they were recorded, --speed times as fast. \
            space pauses, n jumps to the next change, q quits; the header shows the recorded time. Chat sending and \
            replacement decisions are off. A board's recording replays as a board. --plain and --json print the \
            events as watch and board do, each with its recorded time, and end with the recording.
            """)

    @Argument(help: ArgumentHelp("The recording: a HAR file written by --record (or a HAR of Connect calls saved elsewhere).",
                                 valueName: "file.har"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("How many recorded seconds pass in one real second.", valueName: "x"))
    var speed: Double = 1

    @Flag(name: .long, help: "Print one line per change instead of the screen, and end with the recording.")
    var plain = false

    @Flag(name: .long, help: "Print one JSON object per change instead of the screen (README: \"Scripting with --json\").")
    var json = false

    @OptionGroup var ui: DashboardOptions

    func validate() throws {
        if plain && json { throw ValidationError("--plain and --json cannot be used together: --plain prints text for people, --json JSON for scripts") }
        guard speed.isFinite, speed >= 0.01, speed <= 10_000 else {
            throw ValidationError("--speed must be between 0.01 and 10000 (1 plays the recording in real time)")
        }
    }

    func run() async throws {
        let document: HARDocument
        do {
            document = try HARFile.load(path: file)
        } catch {
            throw CommandFailure.fail("\(error)", code: 2)
        }
        let session = ReplaySession(document: document, speed: speed)
        let timeline = session.timeline
        guard !timeline.orders.isEmpty else {
            throw CommandFailure.fail("\(URL(fileURLWithPath: file).lastPathComponent) holds no order to replay: none of its Connect requests names an order",
                                      code: 2)
        }
        let player = session.player
        let playing = Task { await player.play() }
        defer { playing.cancel() }
        let recordingEnds: @Sendable () async -> String = {
            await player.settle()
            return await session.endNotice(clock: LocalTime(timeZone: .current).clockSeconds)
        }
        let now: @Sendable () -> Date = { player.date() }
        let registry = TrackerRegistry { ref in session.tracker(orderID: ref.orderID) }
        let refs = timeline.orders.map { OrderRef(userID: $0.userID ?? "", orderID: $0.orderID) }
        let code: Int32
        if plain || json {
            if timeline.isBoard {
                let lines: any EventLines = json ? JSONLines() : PlainBoardLines()
                code = await LineBoard.run(registry: registry, arriving: Self.once(refs), lines: lines, output: StandardOutputLines().write,
                                           now: now, recordingEnds: recordingEnds)
            } else {
                let lines: any EventLines = json ? JSONLines() : PlainWatchLines()
                let ref = refs[0]
                code = await LineWatcher.run(tracker: session.tracker(orderID: ref.orderID), lines: lines,
                                             userID: ref.userID.isEmpty ? nil : ref.userID, output: StandardOutputLines().write,
                                             now: now, recordingEnds: recordingEnds)
            }
        } else {
            let environment = ProcessInfo.processInfo.environment
            try FileLogHandler.bootstrap(path: ui.logFile ?? FileLogHandler.defaultPath(environment: environment))
            code = try await Self.screen(session: session, registry: registry, refs: refs, ui: ui, environment: environment,
                                         recordingEnds: recordingEnds)
        }
        if code != 0 { throw ExitCode(code) }
    }

    /// The orders of the recording, all at once, as an orders file would give them.
    static func once(_ refs: [OrderRef]) -> AsyncStream<OrdersFile.Contents> {
        AsyncStream { continuation in
            continuation.yield(OrdersFile.Contents(orders: refs, problems: []))
            continuation.finish()
        }
    }

    /// The dashboard, or the board, on curses, on the recording's clock.
    @MainActor
    static func screen(session: ReplaySession, registry: TrackerRegistry, refs: [OrderRef], ui: DashboardOptions,
                       environment: [String: String], recordingEnds: @escaping @Sendable () async -> String) async throws -> Int32 {
        let player = session.player
        let controls = DemoControls(togglePause: { await player.togglePause() }, nextStep: { await player.nextChange() })
        let outcome: RunOutcome
        // The notice comes from a task of its own, not the main actor's: the loop holds the main actor while it waits.
        if session.timeline.isBoard {
            let (news, post) = AsyncStream.makeStream(of: DeskProgram.Action.self)
            let ending = Task.detached { post.yield(.board(.notice(.info(await recordingEnds())))) }
            defer { ending.cancel() }
            let settings = BoardSettings(replaySpeed: player.speed)
            outcome = try await ScreenRunner.run(theme: ui.theme, options: ui, environment: environment, now: { player.date() }) { themes, name, warnings in
                DeskProgram(registry: registry, arriving: once(refs), settings: settings, themes: themes, themeName: name,
                            startupWarnings: warnings, playback: controls, news: news)
            }
        } else {
            let (news, post) = AsyncStream.makeStream(of: Dashboard.Action.self)
            let ending = Task.detached { post.yield(.tracker(.notice(.info(await recordingEnds() + " q quits.")))) }
            defer { ending.cancel() }
            let tracker = session.tracker(orderID: refs[0].orderID)
            outcome = try await ScreenRunner.run(theme: ui.theme, options: ui, environment: environment, now: { player.date() }) { themes, name, warnings in
                DashboardProgram(order: tracker, themes: themes, themeName: name, startupWarnings: warnings, demo: controls,
                                 mouseEnabled: !ui.noMouse, replaySpeed: player.speed, news: news)
            }
        }
        if case .signalled(let signal) = outcome { return signal.exitCode }
        return 0
    }
}
