import Foundation
import Testing
@testable import Dashboard

/// Guards against accidental O(n²) work per frame on the huge order. The real budget (2 ms in release)
/// is measured by ordertop-bench; here, in a debug build on a shared machine, the bound is loose.
@Suite struct DashboardPerformanceTests {
    @Test func hugeOrderFramesStayCheap() {
        var state = Fixture.huge
        let size = Size(width: 200, height: 60)
        let clock = ContinuousClock()
        var samples: [Duration] = []
        for i in 0..<30 {
            let started = clock.now
            _ = reduce(&state, .tick(Fixture.now.addingTimeInterval(Double(10 + i))))
            _ = reduce(&state, .key(i % 2 == 0 ? .down : .up))
            _ = renderFrame(state, size: size)
            samples.append(clock.now - started)
        }
        let median = samples.sorted()[samples.count / 2]
        print("huge order, 200x60, debug build: median reduce+render \(median)")
        #expect(median < .milliseconds(60))
    }

    @Test func scrolledFarUpChatStillRendersQuickly() {
        var state = Fixture.huge
        state.focus = .chat
        for _ in 0..<20 { _ = reduce(&state, .key(.pageUp)) }
        #expect(state.scrollOffset(.chat) > 100)
        let clock = ContinuousClock()
        let started = clock.now
        for _ in 0..<5 { _ = render(state, size: state.size) }
        #expect(clock.now - started < .milliseconds(500))
    }
}
