import Board
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Where a board's orders come from: a file, read at once, or standard input, read line by line as it
/// arrives, so `ordertop sandbox simulate | ordertop board --orders -` shows each order as it is placed.
enum OrdersInput {
    /// The orders of `path` (`-` for standard input) as they become known; a file that cannot be read
    /// is one line and exit 2.
    static func open(_ path: String, needsTerminal: Bool) throws -> AsyncStream<OrdersFile.Contents> {
        guard path == "-" else {
            let name = (path as NSString).expandingTildeInPath
            guard let data = FileManager.default.contents(atPath: name) else {
                throw CommandFailure.config("cannot read the orders file \(path): it does not exist or is not readable")
            }
            guard let text = String(data: data, encoding: .utf8) else {
                throw CommandFailure.config("the orders file \(path) is not UTF-8 text")
            }
            return AsyncStream { continuation in
                continuation.yield(OrdersFile.parse(text, name: path))
                continuation.finish()
            }
        }
        var input = STDIN_FILENO
        if needsTerminal {
            // Keys come from the terminal, not from the pipe that brings the orders: move the pipe aside and
            // put the terminal back on standard input for curses.
            input = dup(STDIN_FILENO)
            let tty = Glibc.open("/dev/tty", O_RDWR | O_CLOEXEC)
            guard input >= 0, tty >= 0 else {
                throw CommandFailure.config("--orders - reads the orders from standard input, so the board takes its keys from "
                                            + "/dev/tty, which cannot be opened here: run it in a terminal, or add --plain")
            }
            dup2(tty, STDIN_FILENO)
            close(tty)
        }
        return lines(of: input)
    }

    /// Reads a descriptor on a thread of its own (a pipe may stay open for hours), one chunk of whole lines at a time.
    private static func lines(of fd: Int32) -> AsyncStream<OrdersFile.Contents> {
        let (stream, continuation) = AsyncStream.makeStream(of: OrdersFile.Contents.self)
        let thread = Thread {
            var reader = OrdersFile.Reader(name: "stdin")
            let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: false)
            var pending = Data()
            func take(_ line: Data, into chunk: inout OrdersFile.Contents) {
                switch reader.read(String(decoding: line, as: UTF8.self)) {
                case .order(let ref): chunk.orders.append(ref)
                case .problem(let problem): chunk.problems.append(problem)
                case .nothing: break
                }
            }
            while true {
                let data = handle.availableData
                var chunk = OrdersFile.Contents()
                if data.isEmpty {
                    if !pending.isEmpty { take(pending, into: &chunk) }
                    if !chunk.orders.isEmpty || !chunk.problems.isEmpty { continuation.yield(chunk) }
                    break
                }
                pending.append(data)
                while let newline = pending.firstIndex(of: 0x0A) {
                    take(pending[pending.startIndex..<newline], into: &chunk)
                    pending.removeSubrange(pending.startIndex...newline)
                }
                if !chunk.orders.isEmpty || !chunk.problems.isEmpty { continuation.yield(chunk) }
            }
            continuation.finish()
        }
        thread.start()
        return stream
    }
}
