@testable import CursesTerminal
import Dashboard
import Testing
import TerminalUI

@Suite("CursesTerminal colours")
struct CursesTerminalColorTests {
    @Test("depth from COLORS: 24-bit only with a direct-colour entry")
    func depth() {
        #expect(ColorSupport.depth(colors: 0) == .monochrome)
        #expect(ColorSupport.depth(colors: 7) == .monochrome)
        #expect(ColorSupport.depth(colors: 8) == .basic8)
        #expect(ColorSupport.depth(colors: 16) == .basic16)
        #expect(ColorSupport.depth(colors: 88) == .basic16)
        // COLORTERM=truecolor on a 256-colour entry cannot be drawn in 24 bits by curses.
        #expect(ColorSupport.depth(colors: 256) == .indexed256)
        #expect(ColorSupport.depth(colors: 1 << 24) == .truecolor)
    }

    @Test("an override (NO_COLOR, a flag) lowers the depth but never raises it")
    func override() {
        #expect(ColorSupport.depth(colors: 256, override: .monochrome) == .monochrome)
        #expect(ColorSupport.depth(colors: 1 << 24, override: .indexed256) == .indexed256)
        #expect(ColorSupport.depth(colors: 8, override: .truecolor) == .basic8)
        #expect(ColorSupport.depth(colors: 256, override: .truecolor) == .indexed256)
    }

    @Test("colour numbers for curses")
    func numbers() {
        #expect(ColorSupport.cursesColor(.terminalDefault, colors: 256) == -1)
        #expect(ColorSupport.cursesColor(.indexed(200), colors: 256) == 200)
        #expect(ColorSupport.cursesColor(.indexed(9), colors: 8) == 1)
        #expect(ColorSupport.cursesColor(.rgb(255, 0, 0), colors: 256) == 196)
        #expect(ColorSupport.cursesColor(.rgb(128, 128, 128), colors: 256) == 244)
        #expect(ColorSupport.cursesColor(.rgb(255, 0, 0), colors: 16) == 9)
        #expect(ColorSupport.cursesColor(.rgb(0x12, 0x34, 0x56), colors: 1 << 24) == 0x123456)
        #expect(ColorSupport.cursesColor(.indexed(3), colors: 1 << 24) == 3)
        #expect(ColorSupport.cursesColor(.indexed(196), colors: 1 << 24) == 0xFF0000)
    }

    @Test("an RGB colour gets the same index from the theme's reduction and from the curses path",
          arguments: [(256, ColorDepth.indexed256), (16, .basic16), (8, .basic8)])
    func onePalette(colors: Int, depth: ColorDepth) {
        // Steps that fall between the cube levels and the gray ramp, where two distance formulas disagree.
        for r in stride(from: 0, through: 255, by: 17) {
            for g in stride(from: 0, through: 255, by: 17) {
                for b in stride(from: 0, through: 255, by: 17) {
                    let colour = TerminalColor.rgb(UInt8(r), UInt8(g), UInt8(b))
                    let theme = Theme(name: "probe", roles: [.text: RoleStyle(foreground: colour)])
                    guard case let .indexed(n) = theme.style(for: .text, depth: depth).foreground else {
                        Issue.record("\(colour) did not reduce to an index at \(depth)")
                        continue
                    }
                    #expect(ColorSupport.cursesColor(colour, colors: colors) == Int32(n), "\(colour) at \(colors) colours")
                }
            }
        }
    }
}
