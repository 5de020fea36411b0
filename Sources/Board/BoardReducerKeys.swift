import ConnectModels
import TerminalUI
import Foundation
import OrderFeed

extension BoardReducer {
    static func handle(_ key: Key, _ state: inout BoardState) -> [BoardEffect] {
        if key == .resize { return [] }
        let command = BoardKeymap.command(for: key, replay: state.settings.replaySpeed != nil)
        if command == .repaint { return [.repaint] }
        // A key means the person has seen what the status line kept for them.
        if state.status?.expires == .distantFuture { state.status = nil }
        if state.showHelp {
            // Any key only closes the help, so a stray key cannot act unseen.
            state.showHelp = false
            return []
        }
        if let mode = state.inputMode { return edit(key, mode, &state) }
        if case .mouse(let event) = key { mouse(event, &state) }
        guard let command else { return [] }
        return run(command, &state)
    }

    static func run(_ command: BoardCommand, _ state: inout BoardState) -> [BoardEffect] {
        switch command {
        case .down: move(by: 1, &state)
        case .up: move(by: -1, &state)
        case .pageDown: move(by: pageSize(state), &state)
        case .pageUp: move(by: -pageSize(state), &state)
        case .first: move(by: -state.visible.count, &state)
        case .last: move(by: state.visible.count, &state)
        case .open:
            if let id = state.selectedID { return [.drillIn(orderID: id)] }
        case .quit: return [.quit]
        case .help: state.showHelp = true
        case .repaint: return [.repaint]
        case .sort:
            state.sort = state.sort.next
            rebuild(&state)
            say("sorted by \(state.sort.rawValue)", &state)
        case .toggleFinished:
            state.showFinished.toggle()
            rebuild(&state)
            say(state.showFinished ? "finished orders shown at the bottom" : "finished orders hidden", &state)
        case .filter:
            state.inputMode = .filter
            state.input = InputLine(text: state.filter.text, isEditing: true)
        case .pauseReplay: return [.toggleReplayPause]
        case .nextChange: return [.nextReplayChange]
        case .addOrder where state.settings.replaySpeed != nil:
            say("A replay shows the recorded orders; it adds none.", severity: .warning, &state)
        case .addOrder:
            state.inputMode = .addOrder
            state.input = InputLine(isEditing: true)
        case .clearFilter:
            if !state.filter.isEmpty { setFilter("", &state) }
        }
        return []
    }

    /// The wheel moves the cursor three rows; a click puts it on the row under the pointer.
    static func mouse(_ event: MouseEvent, _ state: inout BoardState) {
        switch event.kind {
        case .wheelDown: move(by: 3, &state)
        case .wheelUp: move(by: -3, &state)
        case .press:
            let index = state.top + event.y - 2
            guard event.y >= 2, event.y < 2 + BoardState.listHeight(state.size), state.visible.indices.contains(index) else { return }
            move(by: index - (state.selectedIndex ?? 0), &state)
        }
    }

    static func pageSize(_ state: BoardState) -> Int { max(1, BoardState.listHeight(state.size) - 1) }

    static func move(by delta: Int, _ state: inout BoardState) {
        guard !state.visible.isEmpty else { return }
        let current = state.selectedIndex ?? 0
        state.selectedID = state.visible[min(state.visible.count - 1, max(0, current + delta))]
        state.cursorChosen = true
        reveal(&state)
    }

    static func setFilter(_ text: String, _ state: inout BoardState) {
        state.filter = BoardFilter(text)
        rebuild(&state)
    }

    /// Keys while the bottom line takes text: the filter applies as it is typed; Enter keeps it, Esc clears it.
    static func edit(_ key: Key, _ mode: BoardInputMode, _ state: inout BoardState) -> [BoardEffect] {
        switch key {
        case .escape:
            state.inputMode = nil
            state.input = InputLine()
            if mode == .filter { setFilter("", &state) }
            return []
        case .enter:
            return submit(mode, &state)
        case .backspace: state.input.backspace()
        case .delete: state.input.deleteForward()
        case .left: state.input.moveLeft()
        case .right: state.input.moveRight()
        case .home, .ctrl("a"): state.input.moveHome()
        case .end, .ctrl("e"): state.input.moveEnd()
        case .ctrl("u"): state.input.deleteToStart()
        case .character(let c):
            // A pasted escape sequence must not reach the screen, so typed text is sanitized like the server's.
            for ch in Text.sanitize(String(c)) where state.input.text.count < 200 { state.input.insert(ch) }
        default: return []
        }
        if mode == .filter { setFilter(state.input.text, &state) }
        return []
    }

    static func submit(_ mode: BoardInputMode, _ state: inout BoardState) -> [BoardEffect] {
        switch mode {
        case .filter:
            state.inputMode = nil
            state.input = InputLine()
            return []
        case .addOrder:
            switch OrderRef.parse(state.input.text) {
            case .failure(let problem):
                // The line stays open with the text, so a typo can be mended instead of typed again.
                say(problem.description, severity: .error, sticky: true, &state)
                return []
            case .success(let ref):
                state.inputMode = nil
                state.input = InputLine()
                if state.rows[ref.orderID] != nil {
                    state.selectedID = ref.orderID
                    state.cursorChosen = true
                    reveal(&state)
                    say("order \(ref.orderID) is already on the board", severity: .warning, &state)
                    return []
                }
                say("adding order \(ref.orderID)…", &state)
                return [.addOrder(userID: ref.userID, orderID: ref.orderID)]
            }
        }
    }
}
