import AppRuntime
import ConnectModels
import Dashboard
import Foundation
import Logging
import OrderFeed
import OrderTracking
import Testing
import TerminalUI

/// An order channel that is not a tracker, as a hub client will be: its news is scripted, its actions recorded.
final class ScriptedChannel: OrderChannel, @unchecked Sendable {
    let news: AsyncStream<StampedEvent>
    private let continuation: AsyncStream<StampedEvent>.Continuation
    // Guarded by `lock`: actions come from the runtime's background work, the test reads them.
    private let lock = NSLock()
    private var performedActions: [OrderAction] = []
    private var started = false

    init() { (news, continuation) = AsyncStream.makeStream(of: StampedEvent.self) }

    func say(_ event: TrackerEvent) { continuation.yield(StampedEvent(event: event, date: fixedNow)) }
    var performed: [OrderAction] { lock.withLock { performedActions } }
    var isStarted: Bool { lock.withLock { started } }

    func start() async { lock.withLock { started = true } }
    func stop() async { continuation.finish() }
    func perform(_ action: OrderAction) async throws {
        lock.withLock { performedActions.append(action) }
        if case .rejectReplacement = action { throw ConnectError.invalidRequest("the hub said no") }
    }
}

extension RuntimeTests {
    @Suite struct OrderChannelTests {
        static func program(_ channel: ScriptedChannel) -> DashboardProgram {
            DashboardProgram(order: channel, themes: ThemeCycler(loader: ThemeLoader(searchPaths: []), noColor: false),
                             themeName: "default", logger: Logger(label: "test", factory: { _ in SwiftLogNoOpLogHandler() }))
        }

        @Test func theDashboardReadsAnyChannelAndSendsItsActionsThere() async {
            let channel = ScriptedChannel()
            let terminal = MemoryTerminal(size: Size(width: 120, height: 40))
            let run = launch(Self.program(channel), on: terminal)
            #expect(await eventually { channel.isStarted })
            channel.say(.order(Order(id: "order-7", workflowState: .picking, fulfillmentType: .delivery)))
            channel.say(.items([
                LineItem(id: "li-9", status: .replaced, replacementStatus: .pending,
                         item: OrderItem(name: "Oat milk", quantity: FlexibleNumber(1), costUnit: .each),
                         replacement: OrderItem(name: "Soy milk", quantity: FlexibleNumber(1), costUnit: .each)),
            ]))
            #expect(await eventually { terminal.text.contains("Oat milk") && terminal.text.contains("Picking") })
            terminal.press(.character("a"))
            #expect(await eventually { channel.performed.contains(.approveReplacement(lineItemID: "li-9")) })
            terminal.press(.character("x"))
            // A refusal from the channel comes back as the screen's own words, as a tracker's would.
            #expect(await eventually { terminal.lines.last?.contains("the hub said no") == true })
            terminal.type("ihi")
            terminal.press(.enter)
            #expect(await eventually { channel.performed.contains(.sendChat("hi")) })
            terminal.press(.escape, .character("q"))
            #expect(await run.value == .quit)
        }
    }
}
