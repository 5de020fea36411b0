import ConnectModels
import Dashboard
import Foundation
import OrderTracking
import TerminalUI

/// `watch --plain` and `watch --json` (and a replay's): prints one line per tracker event and returns an exit code
/// once the order has ended (0), does not exist for the token (4, after one error line), the token was refused (3),
/// a signal came (its code), or the recording being replayed ended (0, after one line saying so).
enum LineWatcher {
    /// - Parameters:
    ///   - now: the time each line gets: the clock, or the recording's time in a replay.
    ///   - recordingEnds: in a replay, returns what to say once the recording has been played to its end.
    static func run(tracker: OrderTracker, lines: any EventLines, userID: String? = nil,
                    output: @escaping @Sendable (String) -> Void, now: @escaping @Sendable () -> Date = { Date() },
                    recordingEnds: (@Sendable () async -> String)? = nil) async -> Int32 {
        await tracker.start()
        let orderID = tracker.orderID
        // Whatever comes first of a signal and the recording's end stops the tracker, which ends the events.
        let interruption = Interruption()
        let signal = Task {
            let number = await ExitSignal.next()
            // Cancelled when the run ends by itself, and then next() returns without any signal having come.
            guard !Task.isCancelled else { return }
            interruption.set(.signal(number))
            await tracker.stop()
        }
        let ending = Task {
            guard let recordingEnds else { return }
            let message = await recordingEnds()
            guard !Task.isCancelled else { return }
            interruption.set(.recordingEnded(message))
            await tracker.stop()
        }
        var code: Int32 = 0
        var finished = false
        for await stamped in tracker.events.stamped {
            let event = stamped.event
            // Each line has the time the tracker had the change, however late it is printed.
            output(lines.event(event, orderID: orderID, userID: userID, at: stamped.date))
            if case .finished = event {
                finished = true
                break
            }
            if let end = LineEnd.of(event) {
                output(lines.failure(end, orderID: orderID, userID: userID, at: stamped.date))
                code = end.exitCode
                break
            }
        }
        signal.cancel()
        ending.cancel()
        switch interruption.value {
        case .signal(let signal)?: code = signal.exitCode
        case .recordingEnded(let message)? where !finished && code == 0:
            output(lines.recordingEnded(message, orderID: orderID, userID: userID, at: now()))
        default: break
        }
        await tracker.stop()
        return code
    }
}

/// Why a line run stopped early, set once from whichever task saw it first.
final class Interruption: @unchecked Sendable {
    enum Cause {
        case signal(ExitSignal)
        case recordingEnded(String)
    }

    // Guarded by `lock`: set by the signal or replay task, read by the run.
    private let lock = NSLock()
    private var cause: Cause?

    func set(_ newCause: Cause) { lock.withLock { if cause == nil { cause = newCause } } }
    var value: Cause? { lock.withLock { cause } }
}
