import CNCursesW
import TerminalUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wakes a screen that is waiting in `readKeys`, from any thread (e.g. when tracker events arrive).
public final class InputWaker: @unchecked Sendable {
    // Guarded by `lock`: the fd is closed (set to -1) when the screen stops.
    private var writeFD: Int32
    private let lock = PThreadLock()

    init(writeFD: Int32) { self.writeFD = writeFD }

    /// Makes the current or next `readKeys` return at once.
    public func wake() {
        lock.withLock {
            guard writeFD >= 0 else { return }
            var byte: UInt8 = 0
            _ = write(writeFD, &byte, 1)
        }
    }

    func invalidate() { lock.withLock { writeFD = -1 } }
}

final class PThreadLock: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    init() {
        mutex = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
    }
    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }
    func withLock<T>(_ body: () throws -> T) rethrows -> T {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}

/// The self-pipe that signal handlers and wakers write to, so the input wait in poll() wakes at once.
/// All calls into the shim's signal functions live in this file: their C statics then exist once.
final class SignalPipe {
    let readFD: Int32
    private var writeFD: Int32
    let waker: InputWaker
    private var handlersInstalled = false

    init() throws(TerminalUnavailable) {
        var fds: [Int32] = [-1, -1]
        guard pipe(&fds) == 0 else {
            throw TerminalUnavailable(.setupFailed("cannot create a pipe: \(String(cString: strerror(errno)))"))
        }
        for fd in fds {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        readFD = fds[0]
        writeFD = fds[1]
        waker = InputWaker(writeFD: fds[1])
    }

    /// Routes SIGTERM, SIGHUP and SIGINT to the pipe. Call before newterm, so ncurses leaves them alone.
    func installTerminationHandlers() throws(TerminalUnavailable) {
        let result = cn_sig_install_termination(writeFD)
        if result == -2 {
            throw TerminalUnavailable(.setupFailed("another terminal screen is already running"))
        }
        handlersInstalled = true
        if result != 0 { restoreHandlers(); throw TerminalUnavailable(.setupFailed("cannot install signal handlers")) }
    }

    /// Wraps ncurses' SIGWINCH handler so a resize also wakes the input wait. Call after newterm.
    func installResizeHandler() {
        guard handlersInstalled else { return }
        _ = cn_sig_install_winch()
    }

    func restoreHandlers() {
        guard handlersInstalled else { return }
        cn_sig_restore()
        handlersInstalled = false
    }

    /// Reads what is waiting in the pipe: the termination signal, if one arrived.
    func drain() -> ExitSignal? {
        var found: ExitSignal?
        var buffer = [UInt8](repeating: 0, count: 64)
        while true {
            let n = buffer.withUnsafeMutableBytes { read(readFD, $0.baseAddress, $0.count) }
            guard n > 0 else { break }
            for byte in buffer[0..<n] {
                let number = Int32(byte)
                if number == SIGTERM || number == SIGHUP || number == SIGINT, found == nil {
                    found = ExitSignal(number: number)
                }
            }
        }
        return found
    }

    func close() {
        restoreHandlers()
        waker.invalidate()
        if writeFD >= 0 { _ = closeFD(writeFD); writeFD = -1 }
        _ = closeFD(readFD)
    }
}

@discardableResult
func closeFD(_ fd: Int32) -> Int32 {
    #if canImport(Glibc)
    Glibc.close(fd)
    #else
    Darwin.close(fd)
    #endif
}
