import ConnectModels
import Foundation
import TerminalUI

extension Reducer {
    static func handle(_ key: Key, _ state: inout DashboardState) -> [Effect] {
        if key == .resize { return [] }
        // A key means the person has seen the error the status bar kept for them.
        if state.status?.severity == .error { state.status = nil }
        if let command = Keymap.command(for: key, in: .always, isDemo: state.hasPlaybackKeys) { return run(command, &state) }
        if state.confirmingQuit {
            state.confirmingQuit = false
            if key == .character("y") || key == .character("Y") { return [.quit] }
            say("Quit canceled", &state)
            return []
        }
        if state.showHelp || state.showNotices {
            // Any key only closes the overlay, so a stray key cannot act unseen.
            state.showHelp = false
            state.showNotices = false
            return []
        }
        if case .mouse(let event) = key { return mouse(event, &state) }
        let mode: KeyMode = state.input.isEditing ? .typing : .browsing
        if let command = Keymap.command(for: key, in: mode, isDemo: state.hasPlaybackKeys) { return run(command, &state) }
        if mode == .typing, case .character(let c) = key {
            // A pasted control character or escape would reach the shopper's screen; typed text is sanitized here too.
            for ch in Text.sanitize(String(c)) { state.input.insert(ch) }
        }
        return []
    }

    static func pageSize(_ pane: PaneID, _ state: DashboardState) -> Int {
        let l = layout(state)
        let rows = pane == .chat ? l.chatMessageRows : l.contentHeight(pane)
        return max(1, rows - 1)
    }

    static func cycleFocus(_ step: Int, _ state: inout DashboardState) {
        let order = layout(state).focusOrder
        guard !order.isEmpty else { return }
        let i = order.firstIndex(of: state.focus) ?? 0
        state.focus = order[(i + step + order.count) % order.count]
        state.focusChosen = true
        // Stacked panes change size with focus, so offsets must fit the new heights.
        clampScrolls(&state)
        if state.focus == .items { revealSelection(&state, layout(state)) }
    }

    /// Carries out a command from the keymap; while typing, moving and scrolling act on the chat.
    static func run(_ command: KeyCommand, _ state: inout DashboardState) -> [Effect] {
        if state.readOnly,
           [.startTyping, .approve, .reject, .retryFailed].contains(command) || (command == .startTypingInChat && state.focus == .chat) {
            say(state.isReplay ? "Replay: nothing is sent; this is what ordertop saw when it recorded."
                    : "Read-only: this board does not send messages or answer replacements.", severity: .warning, &state)
            return []
        }
        let pane = state.input.isEditing ? PaneID.chat : state.focus
        switch command {
        case .nextPane, .previousPane:
            state.input.isEditing = false
            cycleFocus(command == .nextPane ? 1 : -1, &state)
        case .scrollDown: scroll(pane, by: 1, &state)
        case .scrollUp: scroll(pane, by: -1, &state)
        case .pageDown: scroll(pane, by: pageSize(pane, state), &state)
        case .pageUp: scroll(pane, by: -pageSize(pane, state), &state)
        case .top: scroll(pane, by: -1_000_000, &state)
        case .bottom: scroll(pane, by: 1_000_000, &state)
        case .startTyping: startTyping(&state)
        case .startTypingInChat where state.focus == .chat: startTyping(&state)
        case .startTypingInChat: break
        case .send: return send(&state)
        case .leaveInput: state.input.isEditing = false
        case .clearMessage: state.status = nil
        case .cursorLeft: state.input.moveLeft()
        case .cursorRight: state.input.moveRight()
        case .cursorHome: state.input.moveHome()
        case .cursorEnd: state.input.moveEnd()
        case .deleteBackward: state.input.backspace()
        case .deleteForward: state.input.deleteForward()
        case .deleteToStart: state.input.deleteToStart()
        case .approve: return decide(approve: true, &state)
        case .reject: return decide(approve: false, &state)
        case .refresh:
            say("Refreshing…", &state)
            return [.refreshNow]
        case .cycleTheme: return [.cycleTheme]
        case .retryFailed: return retryFailed(&state)
        case .help: state.showHelp = true
        case .notices: state.showNotices = true
        case .quit:
            if state.unsentCount == 0 { return [.quit] }
            state.confirmingQuit = true
        case .quitNow: return [.quit]
        case .repaint: return [.repaint]
        case .demoTogglePause: return [.demoTogglePause]
        case .demoNextStep: return [.demoNextStep]
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
            say(reason, severity: .error, &state)
            return []
        }
        say("Sending \(failed) failed message\(failed == 1 ? "" : "s") again…", &state)
        return [.retryFailedMessages]
    }

    static func startTyping(_ state: inout DashboardState) {
        state.focus = .chat
        state.focusChosen = true
        if let reason = state.chatClosedReason {
            say(reason, severity: .error, &state)
            return
        }
        state.input.isEditing = true
    }

    static func send(_ state: inout DashboardState) -> [Effect] {
        if let reason = state.chatClosedReason {
            state.input.isEditing = false
            say("Not sent: " + reason, severity: .error, &state)
            return []
        }
        let text = Text.sanitize(state.input.text, keepNewlines: true).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty {
            say("Nothing to send: type a message first.", severity: .error, &state)
            return []
        }
        let length = SendChatMessageRequest.length(of: text)
        let limit = SendChatMessageRequest.maximumLength
        if length > limit {
            say("Not sent: \(length) characters, the limit is \(limit). Shorten the message.", severity: .error, &state)
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
            say("Focus the items pane (Tab) and select a replacement to \(verb) it.", severity: .error, &state)
            return []
        }
        guard let item = state.selectedItem else {
            say("Select a replaced item with j/k first.", severity: .error, &state)
            return []
        }
        switch item.replacementDecisionRefusal(in: state.workflowState) {
        case .noPendingReplacement?:
            say("\(Text.truncate(item.item.name, toCells: 40)) has no pending replacement to \(verb).", severity: .error, &state)
            return []
        case let refusal?:
            say("\(refusal).", severity: .error, &state)
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
            state.focusChosen = true
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
