import AppRuntime
import Board
import Foundation
import OrderTracking

/// `board --plain` and `board --json`: one line per change of any order, until every order ends or Ctrl-C.
/// Orders on a pipe are followed as they arrive; the run ends once the input has ended and so has every order.
enum LineBoard {
    static func run(registry: TrackerRegistry, arriving: AsyncStream<OrdersFile.Contents>, lines: any EventLines,
                    output: @escaping @Sendable (String) -> Void) async -> Int32 {
        enum News { case added(Int), ended(String), inputDone, signal }
        let (news, post) = AsyncStream.makeStream(of: News.self)
        registry.connect { orderID, event in
            let userID = registry.ref(orderID)?.userID
            output(lines.event(event, orderID: orderID, userID: userID, at: Date()))
            if case .finished = event { post.yield(.ended(orderID)) }
            // A minted token renews itself, so only a missing order ends an order here.
            if LineEnd.of(event) == .notFound {
                output(lines.failure(.notFound, orderID: orderID, userID: userID, at: Date()))
                post.yield(.ended(orderID))
            }
        }
        let reader = Task {
            for await chunk in arriving {
                for problem in chunk.problems { FileHandle.standardError.write(Data("warning: \(problem)\n".utf8)) }
                // Each new order's first line says it joined, before any of its events.
                var seen = Set<String>()
                for ref in chunk.orders where registry.tracker(ref.orderID) == nil && seen.insert(ref.orderID).inserted {
                    if let line = lines.added(orderID: ref.orderID, userID: ref.userID, at: Date()) { output(line) }
                }
                post.yield(.added(await registry.add(chunk.orders).count))
            }
            post.yield(.inputDone)
        }
        let signal = Task {
            _ = await DemoSignals.next()
            post.yield(.signal)
        }
        var followed = 0, inputDone = false, code: Int32 = 0
        var ended = Set<String>()
        loop: for await item in news {
            switch item {
            case .added(let count): followed += count
            case .ended(let orderID): ended.insert(orderID)
            case .inputDone: inputDone = true
            case .signal: break loop
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
        post.finish()
        await registry.stopAll()
        return code
    }
}
