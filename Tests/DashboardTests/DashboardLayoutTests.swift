import ConnectModels
import Foundation
import TestSupport
import Testing
import TerminalUI
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
        Snapshot.store.assertMatches(render(state, size: Size(width: 40, height: 8)), named: "too-small-40x8")
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

/// The room goes to what matters in the order's phase, and the hints offer only keys that work now.
@Suite("Layout by phase")
struct PhaseLayoutTests {
    static let small = Size(width: 80, height: 24)

    func sized(_ state: DashboardState, _ size: Size) -> DashboardState {
        var s = state
        _ = reduce(&s, .resize(size))
        return s
    }

    @Test("picking at 80x24: the items and the chat are the tallest panes, and a/x are offered for a pending replacement")
    func picking() throws {
        let s = sized(Fixture.deliveryPicking, Self.small)
        let l = DashboardLayout(state: s, size: Self.small)
        let items = try #require(l.rect(.items)).height, chat = try #require(l.rect(.chat)).height
        for other in [PaneID.handling, .shopper] { #expect(try #require(l.rect(other)).height < min(items, chat)) }
        #expect(l.chatMessageRows >= 1)
        #expect(KeyHelp.hints(s).contains("a approve"))
    }

    @Test("delivering at 80x24: the map shows without pressing Tab, beside the distance and the chat")
    func delivering() throws {
        let s = sized(Fixture.deliveryDelivering, Self.small)
        #expect(s.focus == .shopper, "the focus follows the phase until the person picks a pane")
        let l = DashboardLayout(state: s, size: Self.small)
        let shopper = try #require(l.rect(.shopper))
        #expect(shopper.height >= 6)
        let text = render(s, size: Self.small).text
        #expect(text.contains("to the address, heading"))
        #expect(text.contains("●"), "the shopper on the map")
        #expect(l.chatIsVisible)
        #expect(!KeyHelp.hints(s).contains("approve"), "nothing to approve while delivering")
    }

    @Test("a pane the person chose keeps the focus when the phase moves on")
    func chosenFocusStays() {
        var s = sized(Fixture.deliveryPicking, Self.small)
        _ = reduce(&s, .key(.tab)) // items -> handling
        #expect(s.focus == .handling)
        _ = reduce(&s, .tracker(.order(Fixture.order(.delivering))))
        #expect(s.focus == .handling)
    }

    @Test("last mile: no items pane, and no a/x among the hints")
    func lastMile() {
        for size in [Self.small, Size(width: 120, height: 40)] {
            let s = sized(Fixture.lastMileAtStore, size)
            #expect(DashboardLayout(state: s, size: size).rect(.items) == nil)
            let hints = KeyHelp.hints(s)
            #expect(!hints.contains("approve") && !hints.contains("reject") && !hints.contains("select"))
        }
    }

    @Test("at 100x30 the handling pane shows the whole address, not just its first line")
    func handlingAt100x30() {
        let size = Size(width: 100, height: 30)
        let text = render(sized(Fixture.deliveryPicking, size), size: size).text
        #expect(text.contains("501 Belt Line Rd"))
        #expect(text.contains("Collinsville, IL 62234, US"))
        #expect(text.contains("38.69246, -89.97857"))
    }

    @Test("while the chat is closed, the chat's hints do not offer typing")
    func noTypingHintWhenClosed() {
        var s = sized(Fixture.deliveryDelivering, Self.small)
        while s.focus != .chat { _ = reduce(&s, .key(.tab)) }
        #expect(!KeyHelp.hints(s).contains("i type"))
        var open = sized(Fixture.deliveryPicking, Self.small)
        while open.focus != .chat { _ = reduce(&open, .key(.tab)) }
        #expect(KeyHelp.hints(open).contains("i type"))
    }
}
