import Dashboard
import Testing
import TerminalUI

@Suite("Text layout by cells")
struct TextLayoutTests {
    static let samples: [String] = [
        "",
        "hello world",
        "The quick brown fox jumps over the lazy dog",
        "日本語のテキストを折り返します。東京都渋谷区",
        "emoji 🍌🍎🥑 and flags 🇨🇦🇯🇵 and family 👨‍👩‍👧‍👦 end",
        "combining e\u{301}e\u{301}e\u{301} a\u{308}o\u{308}u\u{308} marks",
        String(repeating: "x", count: 1_000),
        "short " + String(repeating: "長", count: 1_000) + " tail",
        "mixed ascii中文mixed😀text   with   spaces\nand\n\nnewlines",
        "\u{301}leading combining mark",
    ]

    @Test("wrap never exceeds the width", arguments: [0, 1, 2, 3, 5, 10, 80])
    func wrapWidth(width: Int) {
        for sample in Self.samples {
            let lines = Text.wrap(sample, width: width)
            for line in lines { #expect(Text.width(line) <= width, "\(sample.prefix(20)) at \(width): \(line)") }
            if width == 0 { #expect(lines.isEmpty) } else { #expect(!lines.isEmpty) }
        }
    }

    @Test("wrap keeps every non-space character when nothing is too wide")
    func wrapKeepsText() {
        for sample in Self.samples {
            let joined = Text.wrap(sample, width: 7).joined().filter { $0 != " " && $0 != "\n" }
            #expect(joined == sample.filter { $0 != " " && $0 != "\n" })
        }
    }

    @Test("wrap breaks at spaces and respects newlines")
    func wrapWords() {
        #expect(Text.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(Text.wrap("a\n\nb", width: 10) == ["a", "", "b"])
        #expect(Text.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(Text.wrap("日本語", width: 4) == ["日本", "語"])
        #expect(Text.wrap("日本語", width: 1) == ["…", "…", "…"])
        #expect(Text.wrap("hi 日本", width: 5) == ["hi 日", "本"])
    }

    @Test("a 1000-character word wraps into full lines")
    func longWord() {
        let lines = Text.wrap(String(repeating: "a", count: 1_000), width: 33)
        #expect(lines.count == 31)
        #expect(lines.dropLast().allSatisfy { $0.count == 33 })
    }

    @Test("truncate fits the cells and marks the cut", arguments: [0, 1, 2, 3, 4, 9, 50])
    func truncate(cells: Int) {
        for sample in Self.samples {
            let cut = Text.truncate(sample, toCells: cells)
            #expect(Text.width(cut) <= cells)
            if Text.width(sample) > cells, cells > 0 { #expect(cut.hasSuffix("…")) }
            if Text.width(sample) <= cells { #expect(cut == sample) }
        }
    }

    @Test("truncate known values")
    func truncateValues() {
        #expect(Text.truncate("hello world", toCells: 6) == "hello…")
        #expect(Text.truncate("日本語", toCells: 4) == "日…")
        #expect(Text.truncate("日本語", toCells: 6) == "日本語")
        #expect(Text.truncate("e\u{301}e\u{301}e\u{301}", toCells: 3) == "e\u{301}e\u{301}e\u{301}")
        #expect(Text.truncate("abc", toCells: 1) == "…")
    }

    @Test("pad gives exactly the asked width")
    func pad() {
        for sample in Self.samples {
            for cells in [0, 1, 2, 7, 30] {
                for alignment in [Text.Alignment.left, .right, .center] {
                    #expect(Text.width(Text.pad(sample, toCells: cells, alignment: alignment)) == cells)
                }
            }
        }
        #expect(Text.pad("ab", toCells: 5, alignment: .right) == "   ab")
        #expect(Text.pad("ab", toCells: 6, alignment: .center) == "  ab  ")
    }
}
