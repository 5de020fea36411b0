import CNCursesW
import TerminalUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A `CursesScreen` that writes to a temporary file at a fixed size and reads a pipe, so tests and
/// the benchmark drive real ncurses and count the bytes each frame writes. Installs no signal handlers.
@MainActor
public final class OffscreenCurses: CursesScreen {
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private var inputWriteFD: Int32
    private var bytesCounted: Int64 = 0
    private var filesClosed = false

    /// Starts curses on a temporary file; its input is a pipe fed by `feedInput(_:)`.
    public static func start(term: String = "xterm-256color", size: Size, options: Options = Options(mouse: false),
                             styles: StyleResolver? = nil) throws(TerminalUnavailable) -> OffscreenCurses {
        let term = try checkedTerm(term)
        setUpLocale()
        guard let output = tmpfile() else { throw TerminalUnavailable(.setupFailed("cannot create a temporary file")) }
        var inputPipe: [Int32] = [-1, -1]
        guard pipe(&inputPipe) == 0, let input = fdopen(inputPipe[0], "r") else {
            fclose(output)
            throw TerminalUnavailable(.setupFailed("cannot create an input pipe"))
        }
        _ = fcntl(inputPipe[1], F_SETFL, fcntl(inputPipe[1], F_GETFL) | O_NONBLOCK)
        let signals: SignalPipe
        do { signals = try SignalPipe() } catch {
            fclose(output); fclose(input); closeFD(inputPipe[1])
            throw error
        }
        guard let screen = newterm(term, output, input) else {
            fclose(output); fclose(input); closeFD(inputPipe[1]); signals.close()
            throw TerminalUnavailable(.termUnknown(term))
        }
        _ = resize_term(Int32(max(1, size.height)), Int32(max(1, size.width)))
        let result = OffscreenCurses(screen: screen, signals: signals, output: output, input: input,
                                     inputWriteFD: inputPipe[1], options: options, styles: styles)
        // Setting curses up writes bytes; a frame's count should start after them.
        _ = result.bytesWrittenSinceLastCall()
        return result
    }

    private init(screen: OpaquePointer, signals: SignalPipe, output: UnsafeMutablePointer<FILE>,
                 input: UnsafeMutablePointer<FILE>, inputWriteFD: Int32, options: Options, styles: StyleResolver?) {
        self.output = output
        self.input = input
        self.inputWriteFD = inputWriteFD
        super.init(screen: screen, signals: signals, inputFD: fileno(input), options: options, styles: styles)
    }

    /// The bytes curses wrote since the last call.
    public func bytesWrittenSinceLastCall() -> Int {
        guard !filesClosed else { return 0 }
        fflush(output)
        let position = Int64(lseek(fileno(output), 0, SEEK_END))
        defer { bytesCounted = position }
        return Int(max(0, position - bytesCounted))
    }

    /// Gives the screen input bytes as if typed on the terminal (escape sequences included).
    public func feedInput(_ bytes: [UInt8]) {
        guard inputWriteFD >= 0, !bytes.isEmpty else { return }
        _ = bytes.withUnsafeBytes { write(inputWriteFD, $0.baseAddress, $0.count) }
    }

    /// Everything written so far, for tests that look at the bytes.
    public func writtenBytes() -> [UInt8] {
        guard !filesClosed else { return [] }
        fflush(output)
        let fd = fileno(output)
        let end = lseek(fd, 0, SEEK_END)
        guard end > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: Int(end))
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        return Array(bytes.prefix(max(0, n)))
    }

    /// What curses holds for each screen row, as text (wide graphemes once).
    public func screenLines() -> [String] {
        guard !stopped else { return [] }
        _ = set_term(screen)
        let rows = Int(cn_getmaxy(window))
        let cols = Int(cn_getmaxx(window))
        var buffer = [wchar_t](repeating: 0, count: cols * 4 + 1)
        return (0..<rows).map { y in
            let n = buffer.withUnsafeMutableBufferPointer {
                mvwinnwstr(window, Int32(y), 0, $0.baseAddress, Int32($0.count - 1))
            }
            guard n > 0 else { return "" }
            var line = String.UnicodeScalarView()
            for w in buffer.prefix(Int(n)) where w != 0 {
                if let scalar = Unicode.Scalar(UInt32(bitPattern: w)) { line.append(scalar) }
            }
            return String(line)
        }
    }

    /// Stops curses, then closes the file and the pipe it used. Safe to call more than once.
    public override func stop() {
        super.stop()
        guard !filesClosed else { return }
        filesClosed = true
        fclose(output)
        fclose(input)
        if inputWriteFD >= 0 { closeFD(inputWriteFD); inputWriteFD = -1 }
    }
}
