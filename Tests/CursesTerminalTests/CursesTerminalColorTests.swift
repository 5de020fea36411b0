@testable import CursesTerminal
import Dashboard
import Testing

@Suite("CursesTerminal colours")
struct CursesTerminalColorTests {
    @Test("depth detection from COLORS and COLORTERM")
    func detect() {
        #expect(ColorSupport.detectDepth(hasColors: false, colors: 256, colorTerm: nil) == .monochrome)
        #expect(ColorSupport.detectDepth(hasColors: true, colors: 0, colorTerm: nil) == .monochrome)
        #expect(ColorSupport.detectDepth(hasColors: true, colors: 8, colorTerm: nil) == .basic8)
        #expect(ColorSupport.detectDepth(hasColors: true, colors: 16, colorTerm: nil) == .basic16)
        #expect(ColorSupport.detectDepth(hasColors: true, colors: 256, colorTerm: nil) == .indexed256)
        #expect(ColorSupport.detectDepth(hasColors: true, colors: 256, colorTerm: "truecolor") == .truecolor)
        #expect(ColorSupport.detectDepth(hasColors: true, colors: 256, colorTerm: "24bit") == .truecolor)
        #expect(ColorSupport.detectDepth(hasColors: true, colors: 1 << 24, colorTerm: nil) == .truecolor)
    }

    @Test("render depth: curses needs a direct-colour entry for 24-bit, and overrides only lower it")
    func render() {
        #expect(ColorSupport.renderDepth(detected: .truecolor, colors: 256, override: nil) == .indexed256)
        #expect(ColorSupport.renderDepth(detected: .truecolor, colors: 1 << 24, override: nil) == .truecolor)
        #expect(ColorSupport.renderDepth(detected: .indexed256, colors: 256, override: .monochrome) == .monochrome)
        #expect(ColorSupport.renderDepth(detected: .basic8, colors: 8, override: .truecolor) == .basic8)
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
}
