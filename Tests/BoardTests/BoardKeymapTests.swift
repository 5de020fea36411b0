import Testing
import TerminalUI
@testable import Board

@Suite struct BoardKeymapTests {
    @Test func everyBoundKeyIsNamedOnItsHelpLine() {
        for entry in BoardKeymap.entries {
            #expect(entry.unnamedKeys.isEmpty, "\"\(entry.keys)\" does not name \(entry.unnamedKeys.map(\.helpName))")
        }
        // The keys the help used to leave out are bound and helped now.
        for key: Key in [.character(" "), .character("n"), .ctrl("f"), .ctrl("b")] {
            #expect(BoardKeymap.command(for: key, replay: true) != nil, "\(key.helpName) is not bound")
            #expect(BoardKeymap.entries(replay: true).contains { $0.bindings.contains { $0.key == key } })
        }
    }

    @Test func replayKeysAreBoundAndHelpedOnlyInAReplay() {
        #expect(BoardKeymap.command(for: .character(" "), replay: false) == nil)
        #expect(BoardKeymap.command(for: .character("n"), replay: true) == .nextChange)
        #expect(!BoardKeymap.entries(replay: false).contains { $0.keys == "space" })
        #expect(BoardKeymap.entries(replay: true).contains { $0.keys == "space" })
    }

    @Test func everyHintNamesKeysBoundWhereItShows() {
        for replay in [false, true] {
            for hint in BoardKeymap.hints where hint.inReplay == nil || hint.inReplay == replay {
                for key in hint.keys {
                    #expect(BoardKeymap.command(for: key, replay: replay) != nil, "\"\(hint.text)\": \(key.helpName) is not bound")
                }
            }
        }
        #expect(BoardKeymap.hintLine(replay: false) == "⏎ open · / filter · s sort · f finished · o add · ? help · q quit")
        #expect(BoardKeymap.hintLine(replay: true)
            == "⏎ open · / filter · s sort · f finished · space pause · n next change · ? help · q quit")
    }

    @Test func aKeyHasOneMeaning() {
        let keys = BoardKeymap.entries.flatMap(\.bindings).map(\.key)
        #expect(Set(keys).count == keys.count)
    }
}
