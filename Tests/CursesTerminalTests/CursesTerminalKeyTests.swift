import CursesTerminal
import Dashboard
import Testing
import TerminalUI

@Suite("CursesTerminal key decoding")
struct CursesTerminalKeyTests {
    @Test("plain codes from wget_wch", arguments: [
        (UInt32(9), Key.tab), (10, .enter), (13, .enter), (27, .escape), (127, .backspace), (8, .backspace),
        (1, .ctrl("a")), (21, .ctrl("u")), (3, .ctrl("c")), (26, .ctrl("z")), (12, .ctrl("l")),
        (UInt32(Character("q").unicodeScalars.first!.value), .character("q")),
        (0x20, .character(" ")), (0xE9, .character("é")), (0x9999, .character("香")), (0x1F600, .character("😀")),
    ] as [(UInt32, Key)])
    func plain(code: UInt32, expected: Key) {
        #expect(Key.decode(code: code, isFunctionKey: false) == expected)
    }

    @Test("control codes with no meaning are dropped")
    func dropped() {
        for code: UInt32 in [0, 28, 29, 30, 31, 0x85, 0x9B] {
            #expect(Key.decode(code: code, isFunctionKey: false) == nil, "code \(code)")
        }
    }

    @Test("function key codes")
    func functionKeys() {
        let table: [(UInt32, Key)] = [
            (CursesKeyCode.up, .up), (CursesKeyCode.down, .down), (CursesKeyCode.left, .left), (CursesKeyCode.right, .right),
            (CursesKeyCode.home, .home), (CursesKeyCode.find, .home), (CursesKeyCode.end, .end), (CursesKeyCode.select, .end),
            (CursesKeyCode.pageUp, .pageUp), (CursesKeyCode.pageDown, .pageDown), (CursesKeyCode.backTab, .backTab),
            (CursesKeyCode.enter, .enter), (CursesKeyCode.backspace, .backspace), (CursesKeyCode.delete, .delete),
            (CursesKeyCode.resize, .resize), (CursesKeyCode.function(1), .function(1)), (CursesKeyCode.function(12), .function(12)),
        ]
        for (code, key) in table {
            #expect(Key.decode(code: code, isFunctionKey: true) == key, "code \(code)")
        }
    }

    @Test("a function key code is not read as a character")
    func functionFlagMatters() {
        // KEY_UP is 0o403, which is also the scalar U+0103 (ă) when it is not a function key.
        #expect(Key.decode(code: CursesKeyCode.up, isFunctionKey: false) == .character("ă"))
        #expect(Key.decode(code: 0x1234_5678 & 0xFFFF, isFunctionKey: true) == nil)
    }

    @Test("mouse button 1 and the wheel")
    func mouse() {
        #expect(MouseEvent.decode(buttonState: CursesMouseButton.button1Pressed, x: 3, y: 4) == MouseEvent(kind: .press, x: 3, y: 4))
        #expect(MouseEvent.decode(buttonState: CursesMouseButton.wheelUp, x: 1, y: 2) == MouseEvent(kind: .wheelUp, x: 1, y: 2))
        #expect(MouseEvent.decode(buttonState: CursesMouseButton.wheelDown, x: 0, y: 0) == MouseEvent(kind: .wheelDown, x: 0, y: 0))
        #expect(MouseEvent.decode(buttonState: 0, x: 0, y: 0) == nil)
    }

    @Test("every key the keymap binds is one curses can deliver")
    func keymapIsReachable() {
        // Plain codes up to U+07FF cover every character the table binds; function keys run from KEY_MIN to KEY_MAX.
        var deliverable: Set<Key> = []
        for code: UInt32 in 0..<0x800 { Key.decode(code: code, isFunctionKey: false).map { _ = deliverable.insert($0) } }
        for code: UInt32 in 0o400...0o777 { Key.decode(code: code, isFunctionKey: true).map { _ = deliverable.insert($0) } }
        for binding in Keymap.bindings {
            #expect(deliverable.contains(binding.key), "\(binding.key.helpName) (\(binding.command)) can never arrive")
        }
        // The two the table used to hold: Ctrl-C comes as code 3 (lower case), Ctrl-H as code 8 (Backspace).
        #expect(!deliverable.contains(.ctrl("C")))
        #expect(!deliverable.contains(.ctrl("h")))
    }
}
