import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A signal that asked the process to stop. Every command stops on the same three, names them the
/// same way and exits with the same status once its terminal and files are in order.
public struct ExitSignal: Hashable, Sendable, CustomStringConvertible {
    public let number: Int32
    public init(number: Int32) { self.number = number }

    public static let interrupt = ExitSignal(number: SIGINT)
    public static let terminate = ExitSignal(number: SIGTERM)
    public static let hangUp = ExitSignal(number: SIGHUP)
    /// The signals a command stops cleanly on.
    public static let stopping: [ExitSignal] = [.interrupt, .terminate, .hangUp]

    /// The conventional status of a process ended by this signal: 128 plus its number.
    public var exitCode: Int32 { 128 + number }

    /// The signal as people name it: Ctrl-C for an interrupt.
    public var description: String {
        switch number {
        case SIGINT: "Ctrl-C"
        case SIGTERM: "SIGTERM"
        case SIGHUP: "SIGHUP"
        default: "signal \(number)"
        }
    }

    /// Waits for the first of `signals`. They are ignored by the process meanwhile (and after), so a
    /// signal lets the caller stop cleanly, with its recording written whole, instead of dying mid-write.
    public static func next(of signals: [ExitSignal] = stopping) async -> ExitSignal {
        let (stream, continuation) = AsyncStream<ExitSignal>.makeStream()
        let queue = DispatchQueue(label: "ordertop.signals")
        let sources = signals.map { wanted -> any DispatchSourceSignal in
            signal(wanted.number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: wanted.number, queue: queue)
            source.setEventHandler { continuation.yield(wanted) }
            source.resume()
            return source
        }
        var iterator = stream.makeAsyncIterator()
        let first = await iterator.next() ?? .interrupt
        for source in sources { source.cancel() }
        return first
    }
}
