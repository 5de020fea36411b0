import CNCursesW
import TerminalUI

/// The curses key codes the decoder understands, so tests can name them without importing curses.
public enum CursesKeyCode {
    public static let up = UInt32(KEY_UP)
    public static let down = UInt32(KEY_DOWN)
    public static let left = UInt32(KEY_LEFT)
    public static let right = UInt32(KEY_RIGHT)
    public static let home = UInt32(KEY_HOME)
    public static let end = UInt32(KEY_END)
    public static let find = UInt32(KEY_FIND)
    public static let select = UInt32(KEY_SELECT)
    public static let pageUp = UInt32(KEY_PPAGE)
    public static let pageDown = UInt32(KEY_NPAGE)
    public static let backTab = UInt32(KEY_BTAB)
    public static let enter = UInt32(KEY_ENTER)
    public static let backspace = UInt32(KEY_BACKSPACE)
    public static let delete = UInt32(KEY_DC)
    public static let resize = UInt32(KEY_RESIZE)
    public static let mouse = UInt32(KEY_MOUSE)
    /// The code of function key F`n`.
    public static func function(_ n: Int) -> UInt32 { UInt32(KEY_F0) + UInt32(n) }
}

/// The curses mouse button bits the decoder understands.
public enum CursesMouseButton {
    public static let button1Pressed = UInt(CN_BUTTON1_PRESSED)
    public static let wheelUp = UInt(CN_BUTTON4_PRESSED)
    public static let wheelDown = UInt(CN_BUTTON5_PRESSED)
}

extension Key {
    /// Decodes one `wget_wch` result: `isFunctionKey` is true when it returned KEY_CODE_YES.
    /// Returns nil for codes the dashboard has no use for. KEY_MOUSE is not decoded here (see `MouseEvent.decode`).
    public static func decode(code: UInt32, isFunctionKey: Bool) -> Key? {
        if isFunctionKey { return decodeFunctionKey(code) }
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(code) + 0x60)))
        case 0, 28...31: return nil
        case 0x80..<0xA0: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .character(Character(scalar))
        }
    }

    private static func decodeFunctionKey(_ code: UInt32) -> Key? {
        switch code {
        case CursesKeyCode.up: return .up
        case CursesKeyCode.down: return .down
        case CursesKeyCode.left: return .left
        case CursesKeyCode.right: return .right
        // tmux sends Home/End as find/select in some modes.
        case CursesKeyCode.home, CursesKeyCode.find: return .home
        case CursesKeyCode.end, CursesKeyCode.select: return .end
        case CursesKeyCode.pageUp: return .pageUp
        case CursesKeyCode.pageDown: return .pageDown
        case CursesKeyCode.backTab: return .backTab
        case CursesKeyCode.enter: return .enter
        case CursesKeyCode.backspace: return .backspace
        case CursesKeyCode.delete: return .delete
        case CursesKeyCode.resize: return .resize
        case CursesKeyCode.function(1)...CursesKeyCode.function(63):
            return .function(Int(code - CursesKeyCode.function(0)))
        default: return nil
        }
    }

    /// Appends decoded keys, folding a combining scalar into the character typed before it
    /// (curses delivers `e` + U+0301 as two codes, the user typed one grapheme).
    static func append(_ key: Key, to keys: inout [Key]) {
        if case .character(let c) = key, case .character(let previous)? = keys.last {
            let joined = String(previous) + String(c)
            if joined.count == 1, let merged = joined.first {
                keys[keys.count - 1] = .character(merged)
                return
            }
        }
        keys.append(key)
    }
}

extension MouseEvent {
    /// Decodes a curses mouse event: button 1 press and the wheel; other buttons give nil.
    public static func decode(buttonState: UInt, x: Int, y: Int) -> MouseEvent? {
        if CursesMouseButton.wheelUp != 0, buttonState & CursesMouseButton.wheelUp != 0 {
            return MouseEvent(kind: .wheelUp, x: x, y: y)
        }
        if CursesMouseButton.wheelDown != 0, buttonState & CursesMouseButton.wheelDown != 0 {
            return MouseEvent(kind: .wheelDown, x: x, y: y)
        }
        if buttonState & CursesMouseButton.button1Pressed != 0 {
            return MouseEvent(kind: .press, x: x, y: y)
        }
        return nil
    }
}
