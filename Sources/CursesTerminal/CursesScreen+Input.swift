import CNCursesW
import TerminalUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading keys: waiting on the input and the signal pipe, then draining curses.
extension CursesScreen {
    /// Waits up to `timeoutMilliseconds` for input (sleeping, not spinning), then returns every key
    /// waiting. Returns early, possibly with no keys, when a signal arrives or the waker is used;
    /// check `terminationSignal` after each call.
    public func readKeys(timeoutMilliseconds: Int) -> [Key] {
        guard !stopped else { return [] }
        _ = set_term(screen)
        var keys = drainKeys()
        if keys.isEmpty, terminationSignal == nil, timeoutMilliseconds > 0 {
            waitForInput(timeoutMilliseconds: timeoutMilliseconds)
            keys = drainKeys()
        }
        if let signal = signals.drain(), terminationSignal == nil { terminationSignal = signal }
        return keys
    }

    private func waitForInput(timeoutMilliseconds: Int) {
        var fds = [pollfd(fd: signals.readFD, events: Int16(POLLIN), revents: 0)]
        if let inputFD { fds.append(pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)) }
        let timeout = Int32(clamping: timeoutMilliseconds)
        let ready = poll(&fds, nfds_t(fds.count), timeout)
        guard ready > 0 else { return }  // timeout, or EINTR from a signal (handled by the caller's drain)
        if fds.count > 1, fds[1].revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0, fds[1].revents & Int16(POLLIN) == 0 {
            // The terminal went away: nothing will ever be typed again, so stop like on SIGHUP.
            if terminationSignal == nil { terminationSignal = ExitSignal(number: SIGHUP) }
        }
    }

    private func drainKeys() -> [Key] {
        var keys: [Key] = []
        var code: wint_t = 0
        for _ in 0..<4096 {
            let result = wget_wch(window, &code)
            if result == ERR { break }
            if result == KEY_CODE_YES {
                if code == KEY_MOUSE {
                    var event = MEVENT()
                    if getmouse(&event) == OK,
                       let mouse = MouseEvent.decode(buttonState: UInt(event.bstate), x: Int(event.x), y: Int(event.y)) {
                        keys.append(.mouse(mouse))
                    }
                    continue
                }
                if code == KEY_RESIZE {
                    size = Size(width: Int(cn_getmaxx(window)), height: Int(cn_getmaxy(window)))
                    needsFullRedraw = true
                    needsClear = true
                    if keys.last != .resize { keys.append(.resize) }
                    continue
                }
            }
            if let key = Key.decode(code: UInt32(code), isFunctionKey: result == KEY_CODE_YES) {
                Key.append(key, to: &keys)
            }
        }
        return keys
    }
}
