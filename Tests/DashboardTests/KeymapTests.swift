import ConnectModels
import Foundation
import OrderTracking
import Testing
import TerminalUI
@testable import Dashboard

/// One binding and a mode it is live in, so each gets its own test case.
struct LiveBinding: Sendable, CustomTestStringConvertible {
    var binding: KeyBinding
    var mode: KeyMode
    var testDescription: String { "\(binding.key.helpName) → \(binding.command) (\(mode))" }

    static var all: [LiveBinding] {
        Keymap.bindings.flatMap { b -> [LiveBinding] in
            switch b.mode {
            case .browsingOrTyping: [LiveBinding(binding: b, mode: .browsing), LiveBinding(binding: b, mode: .typing)]
            default: [LiveBinding(binding: b, mode: b.mode)]
            }
        }
    }
}

@Suite struct KeymapTests {
    /// The words of a help or hint label, split where people read a break.
    func names(in label: String) -> Set<String> {
        Set(label.split(whereSeparator: { $0 == " " || $0 == "/" || $0 == "," }).map(String.init))
    }

    @Test func everyBindingIsNamedOnItsHelpLineAndTheHelpShowsEveryLine() {
        var state = Fixture.state([.order(Fixture.order(.picking))], size: Size(width: 160, height: 50), isDemo: true)
        _ = reduce(&state, .key(.character("?")))
        let help = render(state, size: state.size).lines()
        for entry in Keymap.entries {
            for binding in entry.bindings {
                #expect(names(in: entry.keys).contains(binding.key.helpName), "\(binding.key.helpName) is not on \"\(entry.keys)\"")
            }
            #expect(help.contains { $0.contains(entry.keys) && $0.contains(entry.action) }, "help lacks \"\(entry.keys)\"")
        }
    }

    @Test func demoKeysAreHelpedOnlyInTheDemo() {
        let plain = KeyHelp.entries(isDemo: false)
        #expect(!plain.contains { $0.bindings.contains { $0.demoOnly } })
        #expect(KeyHelp.entries(isDemo: true).count == Keymap.entries.count)
    }

    @Test func everyHintNamesKeysThatAreBoundWhereTheHintShows() {
        for hint in Keymap.hints {
            let mode: KeyMode = hint.shown == .typing ? .typing : .browsing
            for key in hint.keys {
                #expect(hint.text.contains(key.helpName), "\"\(hint.text)\" does not name \(key.helpName)")
                #expect(Keymap.command(for: key, in: mode, isDemo: true) != nil, "\"\(hint.text)\": \(key.helpName) is not bound")
            }
        }
    }

    @Test func aKeyHasOneMeaningPerMode() {
        for mode in [KeyMode.browsing, .typing, .always] {
            let keys = Keymap.bindings.filter { $0.mode.covers(mode) }.map(\.key)
            #expect(Set(keys).count == keys.count, "a key is bound twice in \(mode)")
        }
    }

    @Test func hintsAreTheOnesTheStatusBarShowedBefore() {
        var s = Fixture.deliveryPicking
        #expect(KeyHelp.hints(s) == "j/k select · a approve · x reject · Tab pane · r refresh · t theme · ? help · q quit")
        s = Fixture.state([.order(Fixture.order(.picking))], isDemo: true, focus: .chat)
        #expect(KeyHelp.hints(s) == "i type · j/k scroll · End newest · Tab pane · r refresh · t theme · ? help · q quit · space pause · n next")
        s = Fixture.state([.order(Fixture.order(.picking))], focus: .handling)
        #expect(KeyHelp.hints(s) == "j/k scroll · Tab pane · r refresh · t theme · ? help · q quit")
        _ = reduce(&s, .key(.character("i")))
        #expect(KeyHelp.hints(s) == "Enter send · Esc leave · ←→ Home End move · Ctrl-U clear · ↑↓ scroll chat")
    }

    /// A chat long enough to scroll at 80x24, so the chat's scroll keys have somewhere to go.
    static let longChat = ChatConversation(
        chatMessages: (1...40).map { Fixture.message($0, from: $0 % 2 == 0, "Message number \($0) about the order", minute: $0 / 4) },
        metadata: Fixture.metadata)

    /// A state where the binding's command has something to do.
    func prepared(for live: LiveBinding) -> DashboardState {
        let command = live.binding.command
        let focus: PaneID = command == .startTypingInChat ? .chat : .items
        var s = Fixture.state([.order(Fixture.order(.picking)), .items(Fixture.groceryItems), .handling(Fixture.handling),
                               .chat(Self.longChat), .outbox(Fixture.outbox)],
                              size: Size(width: 80, height: 24), isDemo: true, focus: focus)
        if command == .clearMessage { _ = reduce(&s, .key(.character("r"))) }
        if live.mode == .always { _ = reduce(&s, .key(.character("?"))) }
        if live.mode == .typing {
            _ = reduce(&s, .key(.character("i")))
            for c in "hello world" { _ = reduce(&s, .key(.character(c))) }
            for _ in 0..<3 { _ = reduce(&s, .key(.left)) }
        }
        // Keys that move down or to the end need to start away from it, and the other way round.
        let towardsEnd: Set<KeyCommand> = [.scrollDown, .pageDown, .bottom]
        let towardsStart: Set<KeyCommand> = [.scrollUp, .pageUp, .top]
        if live.mode == .typing, towardsEnd.contains(command) {
            for _ in 0..<2 { _ = reduce(&s, .key(.pageUp)) }
        } else if live.mode == .browsing, towardsEnd.contains(command) {
            _ = reduce(&s, .key(.home))
        } else if live.mode == .browsing, towardsStart.contains(command) {
            _ = reduce(&s, .key(.end))
        }
        return s
    }

    @Test("the reducer acts on every binding in the table", arguments: LiveBinding.all)
    func reducerActsOn(_ live: LiveBinding) {
        var s = prepared(for: live)
        #expect(s.input.isEditing == (live.mode == .typing))
        let before = s
        let effects = reduce(&s, .key(live.binding.key))
        #expect(s != before || !effects.isEmpty, "\(live.testDescription) did nothing")
    }

    @Test func ctrlLRepaintsEvenOverTheHelpAndTheQuitQuestion() {
        var s = Fixture.deliveryPicking
        _ = reduce(&s, .key(.character("?")))
        #expect(reduce(&s, .key(.ctrl("l"))) == [.repaint])
        #expect(s.showHelp, "a repaint does not close the help")
        _ = reduce(&s, .key(.escape))
        _ = reduce(&s, .key(.character("q")))
        #expect(s.confirmingQuit)
        #expect(reduce(&s, .key(.ctrl("l"))) == [.repaint])
        #expect(s.confirmingQuit)
    }

    @Test func ctrlAEAndDEditTheInputLine() {
        var s = Fixture.deliveryPicking
        _ = reduce(&s, .key(.character("i")))
        for c in "abc" { _ = reduce(&s, .key(.character(c))) }
        _ = reduce(&s, .key(.ctrl("a")))
        _ = reduce(&s, .key(.ctrl("d")))
        #expect(s.input.text == "bc")
        _ = reduce(&s, .key(.ctrl("e")))
        _ = reduce(&s, .key(.character("d")))
        #expect(s.input.text == "bcd")
    }
}
