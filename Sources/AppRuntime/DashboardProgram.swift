import ConnectModels
import Dashboard
import Foundation
import Logging
import OrderTracking
import TerminalUI
import EventLines
import OrderFeed

/// The order dashboard as a screen program: it reads one order's channel and carries its effects out there.
public struct DashboardProgram: ScreenProgram {
    public typealias State = DashboardState
    public typealias Action = Dashboard.Action
    public typealias Effect = Dashboard.Effect

    let order: any OrderChannel
    let themes: ThemeCycler
    let themeName: String
    let startupWarnings: [String]
    let demo: DemoControls?
    let reloadToken: (@Sendable () -> BearerToken?)?
    let mouseEnabled: Bool
    /// Set in a replay: how fast recorded time passes (`demo` then holds the replay's pause and jump).
    let replaySpeed: Double?
    /// Actions from outside the tracker, such as the replay's "the recording ends here".
    let news: AsyncStream<Action>?
    let logger: Logger

    /// `themeName` is the theme the terminal starts with; `startupWarnings` show in the status bar at once.
    /// `reloadToken` is asked on `r`: a token file may hold a fresh token after a 401.
    public init(order: any OrderChannel, themes: ThemeCycler, themeName: String, startupWarnings: [String] = [],
                demo: DemoControls? = nil, reloadToken: (@Sendable () -> BearerToken?)? = nil, mouseEnabled: Bool = true,
                replaySpeed: Double? = nil, news: AsyncStream<Action>? = nil, logger: Logger = Logger(label: "ordertop.watch")) {
        self.order = order
        self.themes = themes
        self.themeName = themeName
        self.startupWarnings = startupWarnings
        self.demo = demo
        self.reloadToken = reloadToken
        self.mouseEnabled = mouseEnabled
        self.replaySpeed = replaySpeed
        self.news = news
        self.logger = logger
    }

    public func initialState(size: Size, now: Date) -> DashboardState {
        var state = DashboardState(now: now, size: size, themeName: themeName, isDemo: demo != nil && replaySpeed == nil,
                                   mouseEnabled: mouseEnabled)
        state.replaySpeed = replaySpeed
        state.readOnly = replaySpeed != nil
        return state
    }

    public func reduce(_ state: inout DashboardState, _ action: Action) -> [Effect] { Dashboard.reduce(&state, action) }

    public func render(_ state: DashboardState, size: Size) -> Frame {
        let frame = renderFrame(state, size: size)
        return Frame(canvas: frame.canvas, cursor: frame.cursor)
    }

    public func key(_ key: Key) -> Action { .key(key) }
    public func resize(_ size: Size) -> Action { .resize(size) }
    public func tick(_ now: Date) -> Action { .tick(now) }

    public func feed(_ inbox: Inbox<Action>) async {
        await withTaskGroup(of: Void.self) { group in
            if let news {
                group.addTask { for await action in news { inbox.send(action) } }
            }
            group.addTask { [order] in
                let formatter = PlainEventFormatter(timeZone: .current)
                for await stamped in order.news {
                    let event = stamped.event
                    inbox.send(.tracker(event))
                    switch event {
                    case .connection, .notice, .finished, .order: logger.info("\(formatter.describeForLog(event))")
                    default: break
                    }
                }
            }
        }
    }

    public func start(_ inbox: Inbox<Action>) async {
        for warning in startupWarnings { inbox.send(.startupWarning(warning)) }
        await order.start()
    }

    public func stop() async { await order.stop() }

    public func interpret(_ effect: Effect, in state: DashboardState) -> Command<Action> {
        DashboardEffects(order: order, themes: themes, demo: demo, reloadToken: reloadToken).interpret(effect, in: state)
    }
}
