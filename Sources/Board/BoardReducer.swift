import ConnectModels
import TerminalUI
import Foundation
import OrderTracking
import OrderFeed

/// Applies one action to the board and returns the work its host should do. Pure: no I/O, no clock.
public func reduceBoard(_ state: inout BoardState, _ action: BoardAction) -> [BoardEffect] {
    switch action {
    case .tracker(let orderID, let event):
        return BoardReducer.apply(TrackerEventSanitizer.clean(event), to: orderID, &state)
    case .key(let key):
        return BoardReducer.handle(key, &state)
    case .tick(let date):
        state.now = date
        if let s = state.status, s.expires <= date { state.status = nil }
        // Time alone can make an order stuck, so every order is looked at again; that is a pass, not a sort.
        return BoardReducer.refreshAttention(state.orderIDs, &state)
    case .resize(let size):
        state.size = size
        BoardReducer.reveal(&state)
        return []
    case .ordersAdded(let refs):
        for ref in refs where state.rows[ref.orderID] == nil {
            state.rows[ref.orderID] = BoardRow(ref: ref)
            state.orderIDs.append(ref.orderID)
        }
        BoardReducer.rebuild(&state)
        return []
    case .orderLoadProblems(let problems):
        guard let first = problems.first else { return [] }
        let more = problems.count > 1 ? " (and \(problems.count - 1) more)" : ""
        BoardReducer.say(Text.sanitize(first) + more, severity: .warning, sticky: true, &state)
        return []
    case .cycle(let text):
        // An empty text means no estimate yet: the header leaves the part out.
        state.cycle = text.isEmpty ? nil : Text.sanitize(text)
        return []
    case .notice(let notice):
        BoardReducer.say(Text.sanitize(notice.text), severity: notice.severity, sticky: notice.severity == .error, &state)
        return []
    case .replayPaused(let paused):
        state.replayPaused = paused
        return []
    }
}

/// The board reducer's helpers, grouped so `reduceBoard` reads as a table of contents.
enum BoardReducer {
    /// The longest desktop notification: a notification is a glance, and some terminals cut long ones badly.
    static let notificationLength = 120

    static func apply(_ event: TrackerEvent, to orderID: String, _ state: inout BoardState) -> [BoardEffect] {
        guard var row = state.rows[orderID] else { return [] }
        let before = placement(row, state)
        row.apply(event, now: state.now)
        state.rows[orderID] = row
        return refreshAttention([orderID], &state, rebuildAnyway: placement(row, state) != before)
    }

    /// What decides where a row sits and whether it is shown; when it is unchanged the list need not be rebuilt.
    static func placement(_ row: BoardRow, _ state: BoardState) -> Placement {
        Placement(finished: row.isFinished, state: row.state, stateSince: row.stateSince, searchText: row.searchText,
                  lastData: state.sort == .age ? row.lastData : nil)
    }

    struct Placement: Equatable {
        var finished: Bool
        var state: WorkflowState?
        var stateSince: Date?
        var searchText: String
        var lastData: Date?
    }

    /// Works out again which of `ids` need attention; rebuilds the list when that changed and returns the
    /// bell and notification for the orders that newly need it.
    static func refreshAttention(_ ids: [String], _ state: inout BoardState, rebuildAnyway: Bool = false) -> [BoardEffect] {
        var changed = false
        var newly: [String] = []
        for id in ids {
            guard let row = state.rows[id] else { continue }
            let new = row.attentionPriority(now: state.now, stuckAfter: state.settings.stuckAfter)
            let old = state.attentionPriority[id]
            guard new != old else { continue }
            changed = true
            state.attentionPriority[id] = new
            if old == nil { newly.append(id) }
        }
        if changed || rebuildAnyway { rebuild(&state) }
        return announce(newly, state)
    }

    static func announce(_ newly: [String], _ state: BoardState) -> [BoardEffect] {
        guard !newly.isEmpty else { return [] }
        var effects: [BoardEffect] = []
        if state.settings.bell { effects.append(.bell) }
        if state.settings.notify {
            var text = "ordertop: \(newly.count) orders need attention"
            if newly.count == 1, let row = state.rows[newly[0]] {
                let reasons = row.attention(now: state.now, stuckAfter: state.settings.stuckAfter).map(\.text)
                text = "ordertop: order \(row.shortID) needs attention: " + reasons.joined(separator: ", ")
            }
            effects.append(.notify(Text.truncate(Text.sanitize(text), toCells: notificationLength)))
        }
        return effects
    }

    /// Sorts and filters the rows again, keeping the cursor on its order; when that order left the list,
    /// the cursor stays at the same height, on whatever row is there now.
    static func rebuild(_ state: inout BoardState) {
        let oldIndex = state.selectedIndex
        let shown = state.orderIDs.compactMap { state.rows[$0] }.filter { row in
            (state.showFinished || !row.isFinished) && state.filter.matches(row)
        }
        state.visible = state.sort.ordered(shown, priority: state.attentionPriority)
        if !state.cursorChosen {
            state.selectedID = state.visible.first
        } else if state.selectedIndex == nil {
            state.selectedID = state.visible.isEmpty ? nil : state.visible[min(oldIndex ?? 0, state.visible.count - 1)]
        }
        reveal(&state)
    }

    /// Scrolls so the cursor's row is on screen, and never past the end of the list.
    static func reveal(_ state: inout BoardState) {
        let height = BoardState.listHeight(state.size)
        var top = min(state.top, max(0, state.visible.count - height))
        if let i = state.selectedIndex, height > 0 {
            if i < top { top = i }
            if i >= top + height { top = i - height + 1 }
        }
        state.top = max(0, top)
    }

    /// Shows a message in the status line. A sticky one stays until the next key, and nothing replaces it meanwhile.
    static func say(_ text: String, severity: Notice.Severity = .info, sticky: Bool = false, _ state: inout BoardState) {
        if let current = state.status, current.expires == .distantFuture, !sticky { return }
        let expires = sticky ? Date.distantFuture : state.now.addingTimeInterval(BoardState.statusDuration)
        state.status = StatusMessage(text: text, severity: severity, expires: expires)
    }
}
