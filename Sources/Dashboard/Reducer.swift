import ConnectModels
import Foundation
import OrderTracking
import TerminalUI
import OrderFeed

/// Applies one action to the state and returns the work the app should do. Pure: no I/O, no clock.
public func reduce(_ state: inout DashboardState, _ action: Action) -> [Effect] {
    var effects: [Effect]
    switch action {
    case .key(let key):
        effects = Reducer.handle(key, &state)
    case .tracker(let event):
        effects = Reducer.apply(event, &state)
    case .tick(let date):
        state.now = date
        if let s = state.status, s.expires <= date { state.status = nil }
        effects = []
    case .resize(let size):
        state.size = size
        Reducer.refreshChatLineCounts(&state)
        Reducer.clampScrolls(&state)
        Reducer.revealSelection(&state, Reducer.layout(state))
        effects = []
    case .themeLoaded(let name, let problems):
        Reducer.themeLoaded(name, problems: problems, &state)
        effects = []
    case .themesOff:
        Reducer.say("NO_COLOR is set: themes are off", &state)
        effects = []
    case .startupWarning(let text):
        Reducer.say(Text.sanitize(text), severity: .warning, &state)
        effects = []
    case .demoPaused(let paused):
        state.demoPaused = paused
        Reducer.say(paused ? "Shopper paused (space resumes)" : "Shopper resumed", &state)
        effects = []
    case .effectFailed(let effect, let reason):
        Reducer.effectFailed(effect, reason: reason, &state)
        effects = []
    }
    effects += Reducer.markReadIfNeeded(&state)
    return effects
}

/// The reducer's helpers, grouped so `reduce` reads as a table of contents.
enum Reducer {
    /// Shows a notice in the status bar and keeps it in the history. An error stays until the next key,
    /// and nothing milder replaces it meanwhile, so the person always gets to read it.
    static func say(_ text: String, severity: Notice.Severity = .info, _ state: inout DashboardState) {
        state.notices.append(NoticeRecord(time: state.now, severity: severity, text: text))
        if let current = state.status, current.severity == .error, current.expires > state.now, severity < .error { return }
        let expires = severity == .error ? Date.distantFuture : state.now.addingTimeInterval(DashboardState.statusDuration)
        state.status = StatusMessage(text: text, severity: severity, expires: expires)
    }

    static func layout(_ state: DashboardState) -> DashboardLayout { DashboardLayout(state: state, size: state.size) }

    /// Asks once per new batch of unread shopper messages, and only while the chat is on screen.
    static func markReadIfNeeded(_ state: inout DashboardState) -> [Effect] {
        guard !state.unreadShopperIDs.isEmpty,
              state.unreadShopperIDs.contains(where: { !state.markReadRequested.contains($0) }),
              layout(state).chatIsVisible else { return [] }
        state.markReadRequested.formUnion(state.unreadShopperIDs)
        return [.markChatRead]
    }

    // MARK: Scrolling

    /// Lines of content a pane holds at its current width (the chat counts from the bottom and is not listed).
    static func contentLines(_ pane: PaneID, _ state: DashboardState, _ layout: DashboardLayout) -> Int {
        let width = (layout.rect(pane)?.width ?? 2) - 2
        switch pane {
        case .items: return ItemsPane.lineCount(state)
        case .handling: return HandlingPane.lines(state, width: width).count
        case .timeline: return TimelinePane.lineCount(state, width: width)
        case .shopper: return ShopperPane.textLines(state, width: width).count
        default: return 0
        }
    }

    static func clampScrolls(_ state: inout DashboardState) {
        let l = layout(state)
        for pane in [PaneID.items, .handling, .timeline, .shopper] {
            let maxOffset = max(0, contentLines(pane, state, l) - l.contentHeight(pane))
            if let v = state.scroll[pane], v > maxOffset { state.scroll[pane] = maxOffset }
        }
    }

    /// Scrolls a pane by `delta` lines (positive shows later lines).
    static func scroll(_ pane: PaneID, by delta: Int, _ state: inout DashboardState) {
        let l = layout(state)
        switch pane {
        case .chat:
            let width = (l.rect(.chat)?.width ?? 2) - 2
            let wanted = max(0, state.scrollOffset(.chat) - delta)
            let counts = width == state.chatLineWidth ? state.chatLineCounts : nil
            let clamped = ChatLog.visible(state.chatEntries, width: width, height: l.chatMessageRows, offset: wanted,
                                          time: state.localTime, counts: counts).offset
            state.scroll[.chat] = clamped
            state.chatFollows = clamped == 0
        case .items:
            moveSelection(by: delta, &state, l)
        default:
            let maxOffset = max(0, contentLines(pane, state, l) - l.contentHeight(pane))
            state.scroll[pane] = min(maxOffset, max(0, state.scrollOffset(pane) + delta))
        }
    }

    /// Moves the item cursor and scrolls so it stays in view, with its list's title when that is just above.
    static func moveSelection(by delta: Int, _ state: inout DashboardState, _ l: DashboardLayout) {
        let list = state.itemList
        guard !list.itemRows.isEmpty, state.fulfillmentType != .lastMileDelivery else { return }
        let current = state.selectedItemID.flatMap { list.selectionIndexByID[$0] }
        let target = current.map { min(list.itemRows.count - 1, max(0, $0 + delta)) } ?? (delta >= 0 ? 0 : list.itemRows.count - 1)
        let row = list.itemRows[target]
        if case .item(let index, _) = list.rows[row] { state.selectedItemID = state.items[index].id }
        revealSelection(&state, l)
    }

    static func revealSelection(_ state: inout DashboardState, _ l: DashboardLayout) {
        let list = state.itemList
        guard let id = state.selectedItemID, let pos = list.selectionIndexByID[id] else { return }
        let row = list.itemRows[pos]
        let height = max(1, l.contentHeight(.items))
        var top = row
        if row > 0, case .groupHeader = list.rows[row - 1] { top = row - 1 }
        var bottom = row
        if row + 1 < list.rows.count, case .replacement = list.rows[row + 1] { bottom = row + 1 }
        var offset = state.scrollOffset(.items)
        if bottom >= offset + height { offset = bottom - height + 1 }
        if row < offset { offset = row }
        // The list's title comes along only when there is room for it and the item together.
        if top < offset, bottom - top < height { offset = top }
        state.scroll[.items] = max(0, offset)
    }
}
