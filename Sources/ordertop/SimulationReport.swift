import ArgumentParser
import ConnectModels
import ConnectSandbox
import Foundation
import TerminalUI

/// What `ordertop sandbox simulate` prints: the orders file, progress lines, the summary and one-line errors.
struct SimulationReport: Sendable {
    /// Where progress goes: stdout when the orders go to a file, stderr when they go to stdout.
    let progress: FileHandle
    let verbose: Bool
    let start = ContinuousClock.now

    /// How following the simulation ended.
    enum Outcome {
        case finished(failures: Int)
        case signal(String)
    }

    func line(_ text: String) {
        progress.write(Data((text + "\n").utf8))
    }

    func banner(simulation: LoadSimulation, baseURL: String, seed: UInt64, explicitSeed: Bool, serving: Bool, ordersFile: String?) {
        let kinds = Dictionary(grouping: simulation.orders, by: \.kind)
            .sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.value.count) \($0.key.rawValue)" }
            .joined(separator: ", ")
        line("ordertop sandbox simulate: \(simulation.orders.count) orders (\(kinds)) at speed \(Self.number(simulation.speed)), seed \(seed)"
             + (explicitSeed ? "" : " (repeat it with --seed \(seed))"))
        line("  sandbox: \(baseURL)\(serving ? " (in this process)" : "")")
        if let ordersFile {
            line("  orders:  \(ordersFile)")
            line("Watch them: ordertop board --base-url \(baseURL) --orders \(ordersFile)")
        }
    }

    /// Prints progress until every shopper is done, or `signal` comes first.
    func follow(_ simulation: LoadSimulation, until signal: Task<ExitSignal, Never>) async -> Outcome {
        let orders = simulation.orders
        let printer = Task {
            var failures = 0
            for await event in simulation.events {
                if case .ended(_, _, let failed) = event { failures += failed }
                guard let text = describe(event, orders: orders) else { continue }
                let elapsed = (ContinuousClock.now - start).secondsDouble
                line(String(format: "[%6.1fs] ", elapsed) + text)
            }
            return failures
        }
        let (firsts, first) = AsyncStream<Outcome>.makeStream()
        Task { first.yield(.finished(failures: await printer.value)) }
        Task { first.yield(.signal("\(await signal.value)")) }
        var iterator = firsts.makeAsyncIterator()
        return await iterator.next() ?? .signal("Ctrl-C")
    }

    /// One progress line for an event; nil for the steps shown only with --verbose.
    func describe(_ event: LoadSimulationEvent, orders: [SimulatedOrder]) -> String? {
        func label(_ index: Int) -> String {
            let order = orders[index]
            return "order \(index + 1) (\(order.kind.rawValue), \(order.orderID.prefix(8)), \(order.plan.customerName))"
        }
        switch event {
        case .started(let index, _): return "\(label(index)): shopper started"
        case .shopper(let index, let event):
            if case .failed = event { return "\(label(index)): \(event.description)" }
            return verbose ? "\(label(index)): \(event.description)" : nil
        case .ended(let index, let completed, let failures):
            return "\(label(index)): " + (completed ? "done" : "stopped") + (failures > 0 ? ", \(failures) failed step(s) above" : "")
        case .finished: return nil
        }
    }

    static func summary(states: [WorkflowState?], failures: Int) -> String {
        let counts = Dictionary(grouping: states, by: { $0?.rawValue ?? "unreadable" }).mapValues(\.count)
        let text = counts.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }.joined(separator: ", ")
        return "Every order has ended: \(text)" + (failures > 0 ? "; \(failures) failed step(s) above." : ".")
    }

    /// Creates (or empties) the orders file now, so a path that cannot be written fails before any order is placed.
    static func create(_ path: String) throws -> FileHandle {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else {
            throw LoadSimulationError("cannot write the orders file \(path): \(String(cString: strerror(errno)))")
        }
        return FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Writes the `USER_ID ORDER_ID` lines in one go, so a reader never sees half a file.
    static func write(_ lines: [String], to handle: FileHandle, closing: Bool) {
        handle.write(Data(lines.map { $0 + "\n" }.joined().utf8))
        if closing { try? handle.close() }
    }

    static func explain(_ error: any Error, baseURL: String, serving: Bool) -> String {
        switch error {
        case ConnectError.transport(_, let base, let reason, _):
            "cannot reach \(base): \(reason). Is `ordertop sandbox serve` running? Or add --serve to start one here."
        case let error as ConnectError where error.status == 401:
            "the sandbox at \(baseURL) refused the client credentials: check --client-id and --client-secret"
        default:
            "cannot place the orders on \(baseURL): \(error)"
        }
    }

    /// Writes one `error:` line to stderr and exits.
    static func fail(_ message: String, code: ExitCode) -> Never {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        exit(code.rawValue)
    }


    static func number(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }
}
