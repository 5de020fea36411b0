import Dashboard
import Testing
import TerminalUI

@Suite("Text.sanitize")
struct TextSanitizerTests {
    /// No scalar that a terminal would act on may survive.
    static func isInert(_ s: String) -> Bool {
        s.unicodeScalars.allSatisfy { scalar in
            let v = scalar.value
            let control = v < 0x20 && v != 0x0A || (0x7F...0x9F).contains(v)
            let bidi = (0x202A...0x202E).contains(v) || (0x2066...0x2069).contains(v) || [0x200E, 0x200F, 0x061C].contains(v)
            return !control && !bidi
        }
    }

    @Test("CSI sequences disappear completely", arguments: [
        ("a\u{1B}[2Jb", "ab"),
        ("a\u{1B}[Hb", "ab"),
        ("move\u{1B}[10;20Hhere", "movehere"),
        ("\u{1B}[31mred\u{1B}[0m", "red"),
        ("up\u{1B}[5Aup", "upup"),
        ("\u{1B}[?1049h\u{1B}[?25lalt", "alt"),
        ("x\u{1B}[38;2;255;0;0my", "xy"),
    ])
    func csi(input: String, expected: String) {
        #expect(Text.sanitize(input) == expected)
    }

    @Test("OSC title and clipboard writes are removed with their payload")
    func osc() {
        #expect(Text.sanitize("hi\u{1B}]0;pwned title\u{07}there") == "hithere")
        #expect(Text.sanitize("hi\u{1B}]2;pwned\u{1B}\\there") == "hithere")
        let clipboard = "copy\u{1B}]52;c;cm0gLXJmIH4K\u{07}done"
        #expect(Text.sanitize(clipboard) == "copydone")
        #expect(!Text.sanitize(clipboard).contains("cm0g"))
        // Hyperlinks: the link text is kept, the escape around it is not.
        #expect(Text.sanitize("\u{1B}]8;;http://evil\u{1B}\\click\u{1B}]8;;\u{1B}\\") == "click")
    }

    @Test("DCS, SOS, PM and APC strings are removed")
    func stringSequences() {
        #expect(Text.sanitize("a\u{1B}P1$r0m\u{1B}\\b") == "ab")
        #expect(Text.sanitize("a\u{1B}Xsos\u{1B}\\b") == "ab")
        #expect(Text.sanitize("a\u{1B}^pm\u{1B}\\b") == "ab")
        #expect(Text.sanitize("a\u{1B}_Gf=100;AAAA\u{1B}\\b") == "ab")
    }

    @Test("8-bit C1 forms and their payloads are removed")
    func c1() {
        #expect(Text.sanitize("a\u{9B}2Jb") == "ab")
        #expect(Text.sanitize("a\u{9D}0;title\u{9C}b") == "ab")
        #expect(Text.sanitize("a\u{9D}52;c;AAAA\u{07}b") == "ab")
        #expect(Text.sanitize("a\u{90}q\u{9C}b") == "ab")
        #expect(Text.sanitize("a\u{85}\u{8D}\u{9C}b") == "ab")
    }

    @Test("two-character and nF escapes are removed, a lone ESC is dropped")
    func shortEscapes() {
        #expect(Text.sanitize("a\u{1B}cb") == "ab")        // RIS: full reset
        #expect(Text.sanitize("a\u{1B}7b\u{1B}8") == "ab") // save and restore cursor
        #expect(Text.sanitize("a\u{1B}(0b") == "ab")       // line-drawing charset
        #expect(Text.sanitize("a\u{1B}#8b") == "ab")       // DECALN fills the screen
        #expect(Text.sanitize("end\u{1B}") == "end")
        #expect(Text.sanitize("\u{1B}日本") == "日本")
    }

    @Test("other controls go, tabs and newlines follow the flag")
    func controls() {
        #expect(Text.sanitize("a\u{07}\u{08}\u{00}\u{7F}b") == "ab")
        #expect(Text.sanitize("a\tb") == "a b")
        #expect(Text.sanitize("one\ntwo\r\nthree\rfour") == "one two three four")
        #expect(Text.sanitize("one\ntwo\r\nthree", keepNewlines: true) == "one\ntwo\nthree")
        #expect(Text.sanitize("line\u{2028}sep", keepNewlines: true) == "line\nsep")
    }

    @Test("bidi overrides and isolates are stripped")
    func bidi() {
        let trojan = "invoice\u{202E}fdp.exe\u{202C} \u{2066}x\u{2069}\u{2067}\u{2068}\u{200E}\u{200F}\u{061C}\u{202A}\u{202B}\u{202D}"
        let clean = Text.sanitize(trojan)
        #expect(clean == "invoicefdp.exe x")
        #expect(Self.isInert(clean))
    }

    @Test("ordinary text, emoji sequences and combining marks are untouched")
    func keepsText() {
        let text = "Café 日本語 👨‍👩‍👧 🇨🇦 e\u{301} — 2 × 🍌"
        #expect(Text.sanitize(text) == text)
    }

    @Test("long strings are capped with an ellipsis")
    func cap() {
        let long = String(repeating: "a", count: 100_000)
        let capped = Text.sanitize(long, maxCharacters: 100)
        #expect(capped.count == 100)
        #expect(capped.hasSuffix("…"))
        #expect(Text.sanitize(long).count == Text.defaultMaxCharacters)
        #expect(Text.sanitize("short", maxCharacters: 100) == "short")
        let zalgo = "z" + String(repeating: "\u{301}", count: 5_000)
        #expect(Text.sanitize(zalgo).unicodeScalars.count <= 32)
    }

    @Test("a mix of every attack comes out inert")
    func everything() {
        var hostile = ""
        for i in 0..<0x100 { hostile += "\u{1B}[\(i)m" + String(UnicodeScalar(UInt8(i))) + "\u{1B}]0;t\(i)\u{07}" }
        hostile += "\u{1B}]52;c;AAAA" // unterminated: swallows the rest, like a terminal would
        let clean = Text.sanitize(hostile, keepNewlines: true)
        #expect(Self.isInert(clean))
        #expect(!clean.contains("\u{1B}"))
        #expect(!clean.contains("t65"))
    }
}
