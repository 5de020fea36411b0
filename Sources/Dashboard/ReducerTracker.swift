import ConnectModels
import Foundation
import OrderTracking
import TerminalUI
import OrderFeed

extension Reducer {
    static func apply(_ event: TrackerEvent, _ state: inout DashboardState) -> [Effect] {
        typealias S = TrackerEventSanitizer
        switch event {
        case .order(let order):
            let wasOpen = state.chatClosedReason == nil
            state.order = S.clean(order)
            state.lastUpdate = state.now
            followPhase(&state)
            if wasOpen, let reason = state.chatClosedReason {
                if state.input.isEditing { state.input.isEditing = false }
                say(reason, &state)
            }
            clampScrolls(&state)
        case .items(let items):
            state.items = items.map { S.clean($0) }
            state.itemList = ItemList(items: state.items)
            state.itemsLoaded = true
            state.lastUpdate = state.now
            let firstLoad = state.selectedItemID == nil
            if state.selectedItem == nil { selectDefaultItem(&state) }
            clampScrolls(&state)
            // Only the first load scrolls to the default choice; later updates must not move the view under the reader.
            if firstLoad { revealSelection(&state, layout(state)) }
        case .handling(let handling):
            state.handling = S.clean(handling)
            state.lastUpdate = state.now
            clampScrolls(&state)
        case .location(let coordinates):
            state.lastUpdate = state.now
            guard let c = coordinates, c.isValid else {
                state.shopperLocation = nil
                break
            }
            state.shopperLocation = c
            if state.trail.last != c { state.trail.append(c) }
            if state.trail.count > DashboardState.trailCapacity {
                state.trail.removeFirst(state.trail.count - DashboardState.trailCapacity)
            }
        case .chat(let conversation):
            let clean = S.clean(conversation)
            state.conversation = clean
            state.unreadShopperIDs = clean.unreadShopperMessages.map(\.id.value)
            state.lastUpdate = state.now
            rebuildChat(&state)
        case .outbox(let messages):
            state.outbox = messages.map { S.clean($0) }
            rebuildChat(&state)
        case .connection(let endpoint, let status):
            state.connection[endpoint] = S.clean(status)
            state.connectionSince[endpoint] = state.now
        case .notice(let notice):
            say(S.clean(notice.text), severity: notice.severity, &state)
        case .finished(let final):
            state.finished = S.clean(final)
            state.input.isEditing = false
            say("Order \(S.clean(final).title.lowercased()): tracking stopped.", &state)
        }
        return []
    }

    /// Until the person picks a pane, the focus goes to what matters in the phase (the map while delivering),
    /// and never to a pane the order does not have.
    static func followPhase(_ state: inout DashboardState) {
        let panes = layout(state).focusOrder
        if !state.focusChosen || !panes.contains(state.focus), let first = DashboardLayout.emphasis(state).first {
            state.focus = first
        }
    }

    /// Selects the first pending replacement, since that is what needs an answer, or else the first item.
    static func selectDefaultItem(_ state: inout DashboardState) {
        let pending = state.items.first { $0.status == .replaced && $0.replacementStatus == .pending }
        if let pending {
            state.selectedItemID = pending.id
        } else if let first = state.itemList.itemRows.first, case .item(let i, _) = state.itemList.rows[first] {
            state.selectedItemID = state.items[i].id
        } else {
            state.selectedItemID = nil
        }
    }

    /// The chat's text width in the current layout, or 0 when it has no room.
    static func chatWidth(_ state: DashboardState) -> Int {
        guard let rect = layout(state).rect(.chat) else { return 0 }
        return max(0, rect.width - 2)
    }

    /// Recounts each entry's lines when the entries or the chat's width changed.
    static func refreshChatLineCounts(_ state: inout DashboardState, force: Bool = false) {
        let width = chatWidth(state)
        guard force || width != state.chatLineWidth || state.chatLineCounts.count != state.chatEntries.count else { return }
        let time = state.localTime
        state.chatLineWidth = width
        state.chatLineCounts = width > 0 ? state.chatEntries.map { ChatLog.lines(of: $0, width: width, time: time).count } : []
    }

    /// Rebuilds the chat entries; a scrolled-up view moves up by the new lines so it does not jump.
    static func rebuildChat(_ state: inout DashboardState) {
        let old = state.chatEntries
        let new = ChatLog.entries(conversation: state.conversation, outbox: state.outbox)
        state.chatEntries = new
        refreshChatLineCounts(&state, force: true)
        guard !state.chatFollows, new.count > old.count else { return }
        let l = layout(state)
        guard let rect = l.rect(.chat), rect.width > 2 else { return }
        let added = ChatLog.lineCount(new[old.count...], width: rect.width - 2, time: state.localTime)
        state.scroll[.chat] = state.scrollOffset(.chat) + added
    }
}
