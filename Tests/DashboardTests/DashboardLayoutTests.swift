import ConnectModels
import Foundation
import Testing
@testable import Dashboard

@Suite struct DashboardLayoutTests {
    static let widths = [0, 1, 2, 3, 10, 30, 59, 60, 61, 80, 119, 120, 121, 200]
    static let heights = [0, 1, 2, 3, 5, 15, 16, 17, 24, 40, 60]

    /// Every scenario at every awkward size: no crash, straight rows, straight borders, no controls.
    @Test(arguments: Fixture.scenarios.map(\.0))
    func anySizeRendersCleanly(_ name: String) throws {
        let base = try #require(Fixture.scenarios.first { $0.0 == name }?.1)
        for w in Self.widths {
            for h in Self.heights {
                var state = base
                let size = Size(width: w, height: h)
                _ = reduce(&state, .resize(size))
                for key in [Key.tab, .character("j"), .pageDown, .character("i"), .character("香"), .escape, .character("?")] {
                    _ = reduce(&state, .key(key))
                }
                _ = reduce(&state, .key(.character("x")))
                let result = renderFrame(state, size: size)
                #expect(result.canvas.size == size)
                let problems = Snapshot.violations(result)
                #expect(problems.isEmpty, "\(name) at \(size): \(problems.prefix(3))")
                if let cursor = result.cursor {
                    #expect(cursor.x >= 0 && cursor.x < w && cursor.y >= 0 && cursor.y < h)
                }
            }
        }
    }

    @Test func belowTheMinimumItSaysSoInTheMiddle() {
        let state = Fixture.deliveryPicking
        let canvas = render(state, size: Size(width: 59, height: 20))
        let lines = canvas.lines()
        let row = lines.firstIndex { $0.contains("terminal too small (need 60x16)") }
        #expect(row == 9)
        #expect(render(state, size: Size(width: 60, height: 15)).text.contains("terminal too small"))
        #expect(!render(state, size: Size(width: 60, height: 16)).text.contains("terminal too small"))
        Snapshot.assertMatches(render(state, size: Size(width: 40, height: 8)), named: "too-small-40x8")
        #expect(render(state, size: Size(width: 0, height: 0)).cells.isEmpty)
        #expect(render(state, size: Size(width: 1, height: 1)).lines() == ["t"])
    }

    @Test func wideTerminalsPutPanesSideBySide() throws {
        let state = Fixture.deliveryPicking
        let wide = DashboardLayout(state: state, size: Size(width: 120, height: 40))
        #expect(wide.isWide)
        let items = try #require(wide.rect(.items)), chat = try #require(wide.rect(.chat))
        #expect(items.maxX <= chat.x)
        #expect(items.y < chat.maxY && chat.y < items.maxY)
        let narrow = DashboardLayout(state: state, size: Size(width: 119, height: 40))
        #expect(!narrow.isWide)
        let nItems = try #require(narrow.rect(.items)), nChat = try #require(narrow.rect(.chat))
        #expect(nItems.maxY <= nChat.y)
        #expect(nItems.width == 119 && nChat.width == 119)
    }

    @Test func panesTileTheBodyWithoutOverlap() {
        for size in Fixture.sizes + [Size(width: 60, height: 16), Size(width: 119, height: 17)] {
            let layout = DashboardLayout(state: Fixture.deliveryDelivering, size: size)
            var covered = Set<Int>()
            for (_, r) in layout.rects {
                for y in r.y..<r.maxY {
                    for x in r.x..<r.maxX {
                        #expect(covered.insert(y * size.width + x).inserted, "overlap at \(x),\(y) in \(size)")
                        #expect(x < size.width && y < size.height)
                    }
                }
            }
            #expect(covered.count == size.width * size.height, "gaps at \(size)")
        }
    }

    @Test func hitTestingFindsThePaneUnderACell() throws {
        let layout = DashboardLayout(state: Fixture.deliveryPicking, size: Size(width: 120, height: 40))
        let chat = try #require(layout.rect(.chat))
        #expect(layout.pane(atX: chat.x, y: chat.y) == .chat)
        #expect(layout.pane(atX: 0, y: 0) == .header)
        #expect(layout.pane(atX: 5, y: 39) == .statusBar)
        #expect(layout.pane(atX: 120, y: 5) == nil)
    }
}
