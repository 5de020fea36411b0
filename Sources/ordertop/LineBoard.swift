import AppRuntime
import Board
import Foundation
import TerminalUI
import OrderFeed
import OrderTracking

/// `board --plain` and `board --json` (and a board replay's): one line per change of any order, until every order
/// ends, a signal comes, or the recording being replayed ends. Orders on a pipe are followed as they arrive; the run
/// ends once the input has ended and so has every order.
enum LineBoard {
    /// - Parameters:
    ///   - now: the time each line gets: the clock, or the recording's time in a replay.
    ///   - recordingEnds: in a replay, returns what to say once the recording has been played to its end; each order
    ///     still going then gets a line saying so.
    static func run(registry: any OrderFeedSource, arriving: AsyncStream<OrdersFile.Contents>, lines: any EventLines,
                    output: @escaping @Sendable (String) -> Void, now: @escaping @Sendable () -> Date = { Date() },
                    recordingEnds: (@Sendable () async -> String)? = nil) async -> Int32 {
        enum News { case added(Int), ended(String), inputDone, signal(ExitSignal), recordingEnded(String) }
        let (news, post) = AsyncStream.makeStream(of: News.self)
        registry.connect { orderID, stamped in
            let event = stamped.event
            let userID = registry.ref(orderID)?.userID.nilIfEmpty
            // Each line has the time its tracker had the change, however late it is printed.
            output(lines.event(event, orderID: orderID, userID: userID, at: stamped.date))
            if case .finished = event { post.yield(.ended(orderID)) }
            // A minted token renews itself, so only a missing order ends an order here.
            if LineEnd.of(event) == .notFound {
                output(lines.failure(.notFound, orderID: orderID, userID: userID, at: stamped.date))
                post.yield(.ended(orderID))
            }
        }
        let reader = Task {
            for await chunk in arriving {
                for problem in chunk.problems { FileHandle.standardError.write(Data("warning: \(problem)\n".utf8)) }
                // Each new order's first line says it joined, before any of its events.
                var seen = Set<String>()
                for ref in chunk.orders where registry.ref(ref.orderID) == nil && seen.insert(ref.orderID).inserted {
                    if let line = lines.added(orderID: ref.orderID, userID: ref.userID, at: now()) { output(line) }
                }
                post.yield(.added(await registry.add(chunk.orders).count))
            }
            post.yield(.inputDone)
        }
        let signal = Task {
            post.yield(.signal(await ExitSignal.next()))
        }
        let ending = Task {
            guard let recordingEnds else { return }
            let message = await recordingEnds()
            if !Task.isCancelled { post.yield(.recordingEnded(message)) }
        }
        var followed = 0, inputDone = false, code: Int32 = 0
        var ended = Set<String>()
        loop: for await item in news {
            switch item {
            case .added(let count): followed += count
            case .ended(let orderID): ended.insert(orderID)
            case .inputDone: inputDone = true
            case .signal(let signal):
                code = signal.exitCode
                break loop
            case .recordingEnded(let message):
                for ref in registry.refs.sorted(by: { $0.orderID < $1.orderID }) where !ended.contains(ref.orderID) {
                    output(lines.recordingEnded(message, orderID: ref.orderID, userID: ref.userID.nilIfEmpty, at: now()))
                }
                break loop
            }
            if inputDone, followed == 0 {
                FileHandle.standardError.write(Data("error: no orders to follow\n".utf8))
                code = 2
                break
            }
            if inputDone, ended.count >= followed { break }
        }
        reader.cancel()
        signal.cancel()
        ending.cancel()
        post.finish()
        await registry.stopAll()
        return code
    }
}

extension String {
    /// nil for an empty string: a replayed order whose user the recording does not name.
    var nilIfEmpty: String? { isEmpty ? nil : self }
}
