import ConnectModels
import Dashboard
import OrderTracking
import OrderFeed
import TerminalUI

/// What the dashboard's effects do to one order's channel: shared by `watch` and by the board's drill-in.
public struct DashboardEffects: Sendable {
    public typealias Action = Dashboard.Action
    public typealias Effect = Dashboard.Effect

    let order: any OrderChannel
    let themes: ThemeCycler
    let demo: DemoControls?
    let reloadToken: (@Sendable () -> BearerToken?)?

    public init(order: any OrderChannel, themes: ThemeCycler, demo: DemoControls? = nil, reloadToken: (@Sendable () -> BearerToken?)? = nil) {
        self.order = order
        self.themes = themes
        self.demo = demo
        self.reloadToken = reloadToken
    }

    /// The runtime's work for one of the dashboard's effects.
    public func interpret(_ effect: Effect, in state: DashboardState) -> Command<Action> {
        let order = order
        switch effect {
        case .quit:
            return .quit
        case .repaint:
            return .repaint
        case .sendChat(let text):
            return Self.attempt(effect) { try await order.perform(.sendChat(text)) }
        case .approveReplacement(let id):
            return Self.attempt(effect) { try await order.perform(.approveReplacement(lineItemID: id.value)) }
        case .rejectReplacement(let id):
            return Self.attempt(effect) { try await order.perform(.rejectReplacement(lineItemID: id.value)) }
        case .markChatRead:
            return Self.attempt(effect) { try await order.perform(.markChatRead) }
        case .retryFailedMessages:
            return Self.attempt(effect) { try await order.perform(.retryFailedMessages) }
        case .refreshNow:
            let reloadToken = reloadToken
            return Self.attempt(effect) { try await order.perform(.refreshNow(token: reloadToken?())) }
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
