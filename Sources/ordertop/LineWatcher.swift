import ConnectModels
import Dashboard
import Foundation
import OrderTracking

/// `watch --plain` and `watch --json`: prints one line per tracker event and returns an exit code once
/// the order has ended (0), does not exist for the token (4, after one error line) or the token was refused (3).
enum LineWatcher {
    static func run(tracker: OrderTracker, lines: any EventLines, userID: String? = nil,
                    output: @escaping @Sendable (String) -> Void) async -> Int32 {
        await tracker.start()
        let orderID = tracker.orderID
        var code: Int32 = 0
        for await event in tracker.events {
            output(lines.event(event, orderID: orderID, userID: userID, at: Date()))
            if case .finished = event { break }
            if let end = LineEnd.of(event) {
                output(lines.failure(end, orderID: orderID, userID: userID, at: Date()))
                code = end.exitCode
                break
            }
        }
        await tracker.stop()
        return code
    }
}
