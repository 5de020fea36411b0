import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive lock on an order's outbox, held until it is released or goes away.
public final class OutboxLock: @unchecked Sendable {
    // `fd` is only changed in `release`, which `guardLock` serialises.
    private var fd: Int32
    private let path: String
    private let guardLock = NSLock()

    private init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    /// Takes the lock at `path`, or returns nil when another process holds it.
    static func acquire(path: String) throws(OutboxError) -> OutboxLock? {
        // A holder that exits removes the file; a waiter that opened the old file must not lock a file
        // nobody else can find, so the lock counts only when the path still names the locked file.
        for _ in 0..<5 {
            let fd = open(path, O_CREAT | O_RDWR | O_CLOEXEC, 0o600)
            guard fd >= 0 else {
                let reason = String(cString: strerror(errno))
                throw .storage("cannot open the state directory \((path as NSString).deletingLastPathComponent): \(reason)")
            }
            if flock(fd, LOCK_EX | LOCK_NB) != 0 {
                let busy = errno == EWOULDBLOCK
                let reason = String(cString: strerror(errno))
                close(fd)
                if busy { return nil }
                throw .storage("cannot lock \(path): \(reason)")
            }
            var held = stat(), named = stat()
            if fstat(fd, &held) == 0, stat(path, &named) == 0, held.st_ino == named.st_ino, held.st_dev == named.st_dev {
                return OutboxLock(fd: fd, path: path)
            }
            close(fd)
        }
        return nil
    }

    /// Lets another process take the outbox. With `removingFile`, the lock file goes too, so a state
    /// directory does not fill up with the locks of every order ever watched.
    public func release(removingFile: Bool = false) {
        guardLock.lock()
        defer { guardLock.unlock() }
        guard fd >= 0 else { return }
        // Unlinked while still held, so no other process can lock the doomed file in between.
        if removingFile { unlink(path) }
        flock(fd, LOCK_UN)
        close(fd)
        fd = -1
    }

    deinit { release() }
}
