import Dashboard
import Testing
import TerminalUI

@Suite("Colour parsing and depth reduction")
struct ColorTests {
    @Test("parses hex, numbers, names and palette names")
    func parse() {
        #expect(ColorParser.parse("#ff0000") == .rgb(255, 0, 0))
        #expect(ColorParser.parse("#FFA500") == .rgb(255, 165, 0))
        #expect(ColorParser.parse("#abc") == .rgb(0xAA, 0xBB, 0xCC))
        #expect(ColorParser.parse("0") == .indexed(0))
        #expect(ColorParser.parse("255") == .indexed(255))
        #expect(ColorParser.parse("red") == .indexed(1))
        #expect(ColorParser.parse("white") == .indexed(7))
        #expect(ColorParser.parse("bright-blue") == .indexed(12))
        #expect(ColorParser.parse("gray") == .indexed(8))
        #expect(ColorParser.parse("default") == .terminalDefault)
        #expect(ColorParser.parse("accent", palette: ["accent": .rgb(1, 2, 3)]) == .rgb(1, 2, 3))
        // A palette entry may give a basic name its own shade.
        #expect(ColorParser.parse("red", palette: ["red": .rgb(200, 10, 10)]) == .rgb(200, 10, 10))
    }

    @Test("rejects what is not a colour", arguments: ["256", "-1", "#12345", "#gggggg", "bleu", "", "bright-pink", "#ff00000"])
    func rejects(text: String) {
        #expect(ColorParser.parse(text) == nil)
    }

    @Test("rgb to 256 colours picks the cube or the gray ramp")
    func to256() {
        #expect(TerminalColor.rgb(255, 0, 0).reduced(to: .indexed256) == .indexed(196))
        #expect(TerminalColor.rgb(0, 255, 0).reduced(to: .indexed256) == .indexed(46))
        #expect(TerminalColor.rgb(0, 0, 255).reduced(to: .indexed256) == .indexed(21))
        #expect(TerminalColor.rgb(255, 255, 255).reduced(to: .indexed256) == .indexed(231))
        #expect(TerminalColor.rgb(0, 0, 0).reduced(to: .indexed256) == .indexed(16))
        #expect(TerminalColor.rgb(128, 128, 128).reduced(to: .indexed256) == .indexed(244))
        #expect(TerminalColor.rgb(0x87, 0xaf, 0xd7).reduced(to: .indexed256) == .indexed(110))
        #expect(TerminalColor.indexed(123).reduced(to: .indexed256) == .indexed(123))
    }

    @Test("16 and 8 colours keep the hue")
    func toBasic() {
        #expect(TerminalColor.rgb(255, 0, 0).reduced(to: .basic16) == .indexed(9))
        #expect(TerminalColor.rgb(205, 0, 0).reduced(to: .basic16) == .indexed(1))
        #expect(TerminalColor.rgb(255, 0, 0).reduced(to: .basic8) == .indexed(1))
        #expect(TerminalColor.rgb(0, 180, 0).reduced(to: .basic8) == .indexed(2))
        #expect(TerminalColor.rgb(20, 20, 30).reduced(to: .basic8) == .indexed(0))
        #expect(TerminalColor.rgb(240, 240, 240).reduced(to: .basic8) == .indexed(7))
        #expect(TerminalColor.indexed(196).reduced(to: .basic16) == .indexed(9))
        #expect(TerminalColor.indexed(196).reduced(to: .basic8) == .indexed(1))
        #expect(TerminalColor.indexed(12).reduced(to: .basic8) == .indexed(4))
        #expect(TerminalColor.indexed(12).reduced(to: .basic16) == .indexed(12))
    }

    @Test("truecolor keeps rgb, monochrome drops colour, default stays default")
    func extremes() {
        #expect(TerminalColor.rgb(1, 2, 3).reduced(to: .truecolor) == .rgb(1, 2, 3))
        for depth in ColorDepth.allCases {
            #expect(TerminalColor.terminalDefault.reduced(to: depth) == .terminalDefault)
        }
        #expect(TerminalColor.rgb(1, 2, 3).reduced(to: .monochrome) == .terminalDefault)
        #expect(TerminalColor.indexed(5).reduced(to: .monochrome) == .terminalDefault)
    }

    @Test("every reduction lands inside the depth's palette")
    func inRange() {
        for r in stride(from: 0, through: 255, by: 51) {
            for g in stride(from: 0, through: 255, by: 51) {
                for b in stride(from: 0, through: 255, by: 51) {
                    let c = TerminalColor.rgb(UInt8(r), UInt8(g), UInt8(b))
                    guard case let .indexed(n16) = c.reduced(to: .basic16), case let .indexed(n8) = c.reduced(to: .basic8),
                          case let .indexed(n256) = c.reduced(to: .indexed256) else {
                        Issue.record("not indexed: \(c)")
                        continue
                    }
                    #expect(n16 < 16)
                    #expect(n8 < 8)
                    #expect(n256 >= 16)
                }
            }
        }
    }

    @Test("NO_COLOR counts only when set and not empty")
    func noColor() {
        #expect(ColorEnvironment.noColor(["NO_COLOR": "1"]))
        #expect(ColorEnvironment.noColor(["NO_COLOR": "yes"]))
        #expect(!ColorEnvironment.noColor(["NO_COLOR": ""]))
        #expect(!ColorEnvironment.noColor([:]))
    }
}
