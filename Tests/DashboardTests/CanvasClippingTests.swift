import Dashboard
import Testing
import TerminalUI

@Suite("Canvas clipping")
struct CanvasClippingTests {
    @Test("fill outside the canvas does nothing instead of trapping", arguments: [
        Rect(x: 0, y: 30, width: 5, height: 2), Rect(x: 100, y: 0, width: 5, height: 2),
        Rect(x: -10, y: 0, width: 3, height: 2), Rect(x: 0, y: -10, width: 3, height: 2),
        Rect(x: 9, y: 4, width: 0, height: 0),
    ])
    func fillOutside(rect: Rect) {
        var canvas = Canvas(size: Size(width: 10, height: 5))
        canvas.fill(rect, with: "#")
        #expect(!canvas.text.contains("#"))
    }

    @Test("fill partly outside draws the inside part")
    func fillPartly() {
        var canvas = Canvas(size: Size(width: 4, height: 2))
        canvas.fill(Rect(x: 2, y: -1, width: 10, height: 2), with: "#")
        #expect(canvas.lines() == ["  ##", "    "])
    }

    @Test("a wide grapheme cut by the clip's left edge leaves a space, not stale text")
    func wideAtLeftEdge() {
        var canvas = Canvas(size: Size(width: 6, height: 1), fill: Cell(text: "x"))
        canvas.put("日本", x: 1, y: 0, clip: Rect(x: 2, y: 0, width: 4, height: 1))
        #expect(canvas.lines() == ["xx 本x"])
        for col in 0..<6 { #expect(canvas[col, 0] != nil) }
    }
}
