import ConnectModels
import Dashboard
import Foundation
import OrderTracking

/// Prints one line per tracker event and returns an exit code at the end state.
enum PlainWatcher {
    static func run(tracker: OrderTracker, output: @escaping @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }) async -> Int32 {
        await tracker.start()
        let formatter = PlainEventFormatter(timeZone: .current)
        var code: Int32 = 0
        for await event in tracker.events {
            output(formatter.line(for: event, at: Date()))
            if case .finished = event { break }
            if case .connection(.order, .notFound) = event {
                output("error: order \(tracker.orderID) not found: it does not exist, or it belongs to another user than the token's.")
                code = 4
                break
            }
            if case .connection(_, .tokenRejected) = event {
                output("error: the token was rejected. Get a new one (for a local sandbox: ordertop sandbox token --user USER_ID --raw) and run again.")
                code = 3
                break
            }
        }
        await tracker.stop()
        return code
    }
}
