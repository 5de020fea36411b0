import CNCursesW
#if canImport(Glibc)
import Glibc
#endif

extension CursesScreen {
    /// Rings the terminal bell, and with `osc9` sends an OSC 9 desktop notification (iTerm2, kitty, WezTerm,
    /// foot; others ignore it). Only printable text goes into the sequence, so it cannot end early or carry
    /// another escape.
    public func ring(bell: Bool, osc9: String?) {
        if bell { _ = beep() }
        guard let osc9 else { return }
        let text = String(osc9.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) }
            .map(Character.init)).prefix(200)
        let sequence = "\u{1B}]9;\(text)\u{07}"
        // Written straight to the terminal: curses has no call for it, and it moves no cursor.
        let bytes = Array(sequence.utf8)
        _ = bytes.withUnsafeBytes { write(STDOUT_FILENO, $0.baseAddress, $0.count) }
    }
}
