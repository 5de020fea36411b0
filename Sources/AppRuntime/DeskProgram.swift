import Board
import ConnectModels
import Dashboard
import Foundation
import OrderTracking
import TerminalUI
import OrderFeed

/// The support desk as a screen program: the board of many orders, and Enter into one order's full dashboard,
/// while every tracker keeps polling under the board's request budget.
public struct DeskProgram: ScreenProgram {
    public typealias State = DeskState

    /// News and keys for the desk.
    public enum Action: Sendable {
        case board(BoardAction)
        /// For the dashboard of this order, if it is still the one open.
        case dashboard(orderID: String, Dashboard.Action)
        case tracker(orderID: String, TrackerEvent)
        case key(Key)
        case resize(Size)
        case tick(Date)
    }

    /// Work the desk asks for.
    public enum Effect {
        case board(BoardEffect)
        case dashboard(orderID: String, Dashboard.Effect)
    }

    let registry: any OrderFeedSource
    /// The orders as they become known: a file's at once, a pipe's line by line.
    let arriving: AsyncStream<OrdersFile.Contents>
    let settings: BoardSettings
    let themes: ThemeCycler
    let themeName: String
    let startupWarnings: [String]
    /// The header's "each order every ~N s", from the request budget.
    let cycle: (@Sendable () async -> String)?
    /// In a replay: pause and jump on the recording's clock.
    let playback: DemoControls?
    /// Actions from outside the trackers, such as the replay's "the recording ends here".
    let news: AsyncStream<Action>?

    public init(registry: any OrderFeedSource, arriving: AsyncStream<OrdersFile.Contents>, settings: BoardSettings,
                themes: ThemeCycler, themeName: String, startupWarnings: [String] = [],
                cycle: (@Sendable () async -> String)? = nil, playback: DemoControls? = nil, news: AsyncStream<Action>? = nil) {
        self.playback = playback
        self.news = news
        self.registry = registry
        self.arriving = arriving
        self.settings = settings
        self.themes = themes
        self.themeName = themeName
        self.startupWarnings = startupWarnings
        self.cycle = cycle
    }

    public func initialState(size: Size, now: Date) -> DeskState {
        DeskState(board: BoardState(now: now, size: size, settings: settings))
    }

    public func render(_ state: DeskState, size: Size) -> Frame {
        if let drilled = state.drilled {
            let frame = renderFrame(drilled.dashboard, size: size)
            return Frame(canvas: frame.canvas, cursor: frame.cursor)
        }
        let frame = renderBoardFrame(state.board, size: size)
        return Frame(canvas: frame.canvas, cursor: frame.cursor)
    }

    public func key(_ key: Key) -> Action { .key(key) }
    public func resize(_ size: Size) -> Action { .resize(size) }
    public func tick(_ now: Date) -> Action { .tick(now) }

    public func reduce(_ state: inout DeskState, _ action: Action) -> [Effect] {
        switch action {
        case .board(let action):
            return board(&state, action)
        case .tracker(let orderID, let event):
            state.latest.record(event, for: orderID)
            return board(&state, .tracker(orderID: orderID, event)) + reduceDashboard(&state, orderID, .tracker(event))
        case .dashboard(let orderID, let action):
            // Pausing the replay from an order's dashboard pauses the board's clock too: there is one.
            if case .demoPaused(let paused) = action { _ = board(&state, .replayPaused(paused)) }
            return reduceDashboard(&state, orderID, action)
        case .resize(let size):
            var effects = board(&state, .resize(size))
            if let id = state.drilled?.orderID { effects += reduceDashboard(&state, id, .resize(size)) }
            return effects
        case .tick(let now):
            var effects = board(&state, .tick(now))
            if let id = state.drilled?.orderID { effects += reduceDashboard(&state, id, .tick(now)) }
            return effects
        case .key(let key):
            guard let drilled = state.drilled else { return board(&state, .key(key)) }
            let dashboard = drilled.dashboard
            // Esc goes back to the board, unless the dashboard has something of its own to close.
            if key == .escape, !dashboard.input.isEditing, !dashboard.showHelp, !dashboard.showNotices, !dashboard.confirmingQuit {
                state.drilled = nil
                return []
            }
            return reduceDashboard(&state, drilled.orderID, .key(key))
        }
    }

    /// Reduces an action into the board. Opening an order is a change of screen, not work, so it happens here.
    private func board(_ state: inout DeskState, _ action: BoardAction) -> [Effect] {
        var effects: [Effect] = []
        for effect in reduceBoard(&state.board, action) {
            if case .drillIn(let orderID) = effect {
                if state.board.rows[orderID] != nil { state.drilled = (orderID, open(orderID, in: state)) }
            } else {
                effects.append(.board(effect))
            }
        }
        return effects
    }

    /// Reduces an action into the open dashboard when it is this order's; the board hears the rest.
    private func reduceDashboard(_ state: inout DeskState, _ orderID: String, _ action: Dashboard.Action) -> [Effect] {
        guard var drilled = state.drilled, drilled.orderID == orderID else { return [] }
        let effects = Dashboard.reduce(&drilled.dashboard, action)
        state.drilled = drilled
        return effects.map { .dashboard(orderID: orderID, $0) }
    }

    /// A new dashboard for an order, filled with everything the board has seen of it.
    private func open(_ orderID: String, in state: DeskState) -> DashboardState {
        var dashboard = DashboardState(now: state.board.now, size: state.board.size, themeName: themeName)
        dashboard.readOnly = settings.readonly
        dashboard.replaySpeed = settings.replaySpeed
        if state.board.replayPaused { _ = Dashboard.reduce(&dashboard, .demoPaused(true)) }
        for event in state.latest.replay(orderID) { _ = Dashboard.reduce(&dashboard, .tracker(event)) }
        return dashboard
    }

    public func interpret(_ effect: Effect, in state: DeskState) -> Command<Action> {
        switch effect {
        case .board(.drillIn):
            return .none
        case .board(.addOrder(let userID, let orderID)):
            let registry = registry
            return .background {
                let added = await registry.add([OrderRef(userID: userID, orderID: orderID)])
                return added.isEmpty ? nil : .board(.ordersAdded(added))
            }
        case .board(.quit):
            return .quit
        case .board(.bell):
            return .alert(bell: true, notification: nil)
        case .board(.notify(let text)):
            return .alert(bell: false, notification: text)
        case .board(.repaint):
            return .repaint
        case .board(.toggleReplayPause):
            guard let playback else { return .none }
            return .background { .board(.replayPaused(await playback.togglePause())) }
        case .board(.nextReplayChange):
            guard let playback else { return .none }
            return .background { await playback.nextStep(); return nil }
        case .dashboard(let orderID, let effect):
            guard let order = registry.channel(orderID), let dashboard = state.drilled?.dashboard else { return .none }
            if settings.readonly, Self.writes(effect) {
                return .dispatch(.dashboard(orderID: orderID, .effectFailed(effect, reason: "the board is read-only (--readonly)")))
            }
            return DashboardEffects(order: order, themes: themes, demo: playback).interpret(effect, in: dashboard)
                .map { .dashboard(orderID: orderID, $0) }
        }
    }

    /// Effects that change the order on the server, refused on a read-only board.
    static func writes(_ effect: Dashboard.Effect) -> Bool {
        switch effect {
        case .sendChat, .approveReplacement, .rejectReplacement, .retryFailedMessages: true
        default: false
        }
    }

    public func feed(_ inbox: Inbox<Action>) async {
        registry.connect { orderID, stamped in inbox.send(.tracker(orderID: orderID, stamped.event)) }
        let registry = registry, arriving = arriving, cycle = cycle, news = news
        await withTaskGroup(of: Void.self) { group in
            if let news {
                group.addTask { for await action in news { inbox.send(action) } }
            }
            group.addTask {
                for await chunk in arriving {
                    let added = await registry.add(chunk.orders)
                    if !added.isEmpty { inbox.send(.board(.ordersAdded(added))) }
                    if !chunk.problems.isEmpty { inbox.send(.board(.orderLoadProblems(chunk.problems))) }
                }
            }
            guard let cycle else { return }
            group.addTask {
                // The refresh cycle changes with the budget and the orders' phases; a few seconds is fresh enough.
                while !Task.isCancelled {
                    inbox.send(.board(.cycle(await cycle())))
                    try? await Task.sleep(for: .seconds(3))
                }
            }
        }
    }

    /// Hundreds of orders bring news many times a second, and each row's data is seconds old anyway: two frames a
    /// second for news keep the board's CPU low; keys are still drawn at once.
    public var frameInterval: Duration { .milliseconds(500) }

    public func start(_ inbox: Inbox<Action>) async {
        for warning in startupWarnings { inbox.send(.board(.notice(.warning(warning)))) }
    }

    public func stop() async { await registry.stopAll() }
}
