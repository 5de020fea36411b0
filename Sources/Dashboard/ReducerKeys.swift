import ConnectModels
import Foundation

extension Reducer {
    static func handle(_ key: Key, _ state: inout DashboardState) -> [Effect] {
        if key == .ctrl("c") || key == .ctrl("C") { return [.quit] }
        if key == .resize { return [] }
        if state.confirmingQuit {
            state.confirmingQuit = false
            if key == .character("y") || key == .character("Y") { return [.quit] }
            say("Quit canceled", &state)
            return []
        }
        if state.showHelp {
            // Any key only closes the overlay, so a stray key cannot act unseen.
            state.showHelp = false
            return []
        }
        if case .mouse(let event) = key { return mouse(event, &state) }
        if state.input.isEditing { return inputKey(key, &state) }
        return commandKey(key, &state)
    }

    static func pageSize(_ pane: PaneID, _ state: DashboardState) -> Int {
        let l = layout(state)
        let rows = pane == .chat ? l.chatMessageRows : l.contentHeight(pane)
        return max(1, rows - 1)
    }

    static func cycleFocus(_ step: Int, _ state: inout DashboardState) {
        let order = PaneID.focusOrder
        let i = order.firstIndex(of: state.focus) ?? 0
        state.focus = order[(i + step + order.count) % order.count]
        // Stacked panes change size with focus, so offsets must fit the new heights.
        clampScrolls(&state)
        if state.focus == .items { revealSelection(&state, layout(state)) }
    }

    static func commandKey(_ key: Key, _ state: inout DashboardState) -> [Effect] {
        switch key {
        case .tab: cycleFocus(1, &state)
        case .backTab: cycleFocus(-1, &state)
        case .character("j"), .down: scroll(state.focus, by: 1, &state)
        case .character("k"), .up: scroll(state.focus, by: -1, &state)
        case .pageDown: scroll(state.focus, by: pageSize(state.focus, state), &state)
        case .pageUp: scroll(state.focus, by: -pageSize(state.focus, state), &state)
        case .home, .character("g"): scroll(state.focus, by: -1_000_000, &state)
        case .end, .character("G"): scroll(state.focus, by: 1_000_000, &state)
        case .character("i"): startTyping(&state)
        case .enter where state.focus == .chat: startTyping(&state)
        case .character("a"): return decide(approve: true, &state)
        case .character("x"): return decide(approve: false, &state)
        case .character("r"):
            say("Refreshing…", &state)
            return [.refreshNow]
        case .character("t"): return [.cycleTheme]
        case .character("R"): return retryFailed(&state)
        case .character("?"): state.showHelp = true
        case .character("q"):
            let unsent = state.unsentCount
            if unsent == 0 { return [.quit] }
            state.confirmingQuit = true
        case .character(" ") where state.isDemo: return [.demoTogglePause]
        case .character("n") where state.isDemo: return [.demoNextStep]
        case .escape: state.status = nil
        default: break
        }
        return []
    }

    /// Puts refused messages back in the queue; they are kept, so nothing has to be typed again.
    static func retryFailed(_ state: inout DashboardState) -> [Effect] {
        let failed = state.outbox.filter { if case .failed = $0.state { true } else { false } }.count
        guard failed > 0 else {
            say("No failed messages to send again", &state)
            return []
        }
        if let reason = state.chatClosedReason {
            say(reason, error: true, &state)
            return []
        }
        say("Sending \(failed) failed message\(failed == 1 ? "" : "s") again…", &state)
        return [.retryFailedMessages]
    }

    static func startTyping(_ state: inout DashboardState) {
        state.focus = .chat
        if let reason = state.chatClosedReason {
            say(reason, error: true, &state)
            return
        }
        state.input.isEditing = true
    }

    static func inputKey(_ key: Key, _ state: inout DashboardState) -> [Effect] {
        switch key {
        case .escape: state.input.isEditing = false
        case .enter: return send(&state)
        case .left: state.input.moveLeft()
        case .right: state.input.moveRight()
        case .home, .ctrl("a"): state.input.moveHome()
        case .end, .ctrl("e"): state.input.moveEnd()
        case .backspace, .ctrl("h"): state.input.backspace()
        case .delete, .ctrl("d"): state.input.deleteForward()
        case .ctrl("u"): state.input.deleteToStart()
        case .up: scroll(.chat, by: -1, &state)
        case .down: scroll(.chat, by: 1, &state)
        case .pageUp: scroll(.chat, by: -pageSize(.chat, state), &state)
        case .pageDown: scroll(.chat, by: pageSize(.chat, state), &state)
        case .tab, .backTab:
            state.input.isEditing = false
            cycleFocus(key == .tab ? 1 : -1, &state)
        case .character(let c):
            // A pasted control character or escape would reach the shopper's screen; typed text is sanitized here too.
            let clean = Text.sanitize(String(c))
            for ch in clean { state.input.insert(ch) }
        default: break
        }
        return []
    }

    static func send(_ state: inout DashboardState) -> [Effect] {
        if let reason = state.chatClosedReason {
            state.input.isEditing = false
            say("Not sent: " + reason, error: true, &state)
            return []
        }
        let text = Text.sanitize(state.input.text, keepNewlines: true).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            say("Nothing to send: type a message first.", error: true, &state)
            return []
        }
        let length = SendChatMessageRequest.length(of: text)
        let limit = SendChatMessageRequest.maximumLength
        if length > limit {
            say("Not sent: \(length) characters, the limit is \(limit). Shorten the message.", error: true, &state)
            return []
        }
        state.input.clear()
        state.chatFollows = true
        state.scroll[.chat] = 0
        say("Sending…", &state)
        return [.sendChat(text)]
    }

    static func decide(approve: Bool, _ state: inout DashboardState) -> [Effect] {
        let verb = approve ? "approve" : "reject"
        guard state.focus == .items else {
            say("Focus the items pane (Tab) and select a replacement to \(verb) it.", error: true, &state)
            return []
        }
        guard let item = state.selectedItem else {
            say("Select a replaced item with j/k first.", error: true, &state)
            return []
        }
        switch item.replacementDecisionRefusal(in: state.workflowState) {
        case .noPendingReplacement?:
            say("\(Text.truncate(item.item.name, toCells: 40)) has no pending replacement to \(verb).", error: true, &state)
            return []
        case let refusal?:
            say("\(refusal).", error: true, &state)
            return []
        case nil: break
        }
        say((approve ? "Approving" : "Rejecting") + " the replacement for \(Text.truncate(item.item.name, toCells: 40))…", &state)
        return [approve ? .approveReplacement(lineItemID: item.id) : .rejectReplacement(lineItemID: item.id)]
    }

    static func mouse(_ event: MouseEvent, _ state: inout DashboardState) -> [Effect] {
        guard state.mouseEnabled else { return [] }
        let l = layout(state)
        guard let pane = l.pane(atX: event.x, y: event.y) else { return [] }
        switch event.kind {
        case .press:
            guard PaneID.focusOrder.contains(pane) else { return [] }
            if pane != .chat { state.input.isEditing = false }
            if state.focus != pane {
                state.focus = pane
                clampScrolls(&state)
            }
        case .wheelUp:
            if pane == .items { scrollItemsView(by: -3, &state) } else { scroll(pane, by: -3, &state) }
        case .wheelDown:
            if pane == .items { scrollItemsView(by: 3, &state) } else { scroll(pane, by: 3, &state) }
        }
        return []
    }

    /// The wheel moves the view, not the selection, like in a browser.
    static func scrollItemsView(by delta: Int, _ state: inout DashboardState) {
        let l = layout(state)
        let maxOffset = max(0, contentLines(.items, state, l) - l.contentHeight(.items))
        state.scroll[.items] = min(maxOffset, max(0, state.scrollOffset(.items) + delta))
    }
}
