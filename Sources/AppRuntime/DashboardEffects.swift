import ConnectModels
import Dashboard
import OrderTracking
import TerminalUI

/// What the dashboard's effects do to one order's tracker: shared by `watch` and by the board's drill-in.
public struct DashboardEffects: Sendable {
    public typealias Action = Dashboard.Action
    public typealias Effect = Dashboard.Effect

    let tracker: OrderTracker
    let themes: ThemeCycler
    let demo: DemoControls?
    let reloadToken: (@Sendable () -> BearerToken?)?

    public init(tracker: OrderTracker, themes: ThemeCycler, demo: DemoControls? = nil, reloadToken: (@Sendable () -> BearerToken?)? = nil) {
        self.tracker = tracker
        self.themes = themes
        self.demo = demo
        self.reloadToken = reloadToken
    }

    /// The runtime's work for one of the dashboard's effects.
    public func interpret(_ effect: Effect, in state: DashboardState) -> Command<Action> {
        let tracker = tracker
        switch effect {
        case .quit:
            return .quit
        case .repaint:
            return .repaint
        case .sendChat(let text):
            return Self.attempt(effect) { _ = try await tracker.send(text) }
        case .approveReplacement(let id):
            return Self.attempt(effect) { try await tracker.approve(lineItemID: id.value) }
        case .rejectReplacement(let id):
            return Self.attempt(effect) { try await tracker.reject(lineItemID: id.value) }
        case .markChatRead:
            return .background { await tracker.markRead(); return nil }
        case .retryFailedMessages:
            return .background { await tracker.retryFailed(); return nil }
        case .refreshNow:
            let reloadToken = reloadToken
            return .background {
                if let token = reloadToken?() { await tracker.updateToken(token) }
                await tracker.refreshNow()
                return nil
            }
        case .cycleTheme:
            switch themes.next(after: state.themeName) {
            case .off: return .dispatch(.themesOff)
            case .unchanged: return .none
            case .switchTo(let theme, let problems):
                return .batch([.setTheme(theme), .dispatch(.themeLoaded(name: theme.name, problems: problems))])
            }
        case .demoTogglePause:
            guard let demo else { return .none }
            return .background { .demoPaused(await demo.togglePause()) }
        case .demoNextStep:
            guard let demo else { return .none }
            return .background { await demo.nextStep(); return nil }
        }
    }

    /// Work that can fail: a failure comes back as `.effectFailed`, and the reducer words it.
    private static func attempt(_ effect: Effect, _ work: @escaping @Sendable () async throws -> Void) -> Command<Action> {
        .background {
            do {
                try await work()
                return nil
            } catch {
                return .effectFailed(effect, reason: "\(error)")
            }
        }
    }
}
