import CNCursesW
import Dashboard
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal as the dashboard sees it: ncursesw set up, drawn from Canvases, read as Keys.
/// One thread talks to curses, so it lives on the main actor. Always call `stop()` (use `defer`).
@MainActor
public final class CursesScreen {
    /// How the screen is started.
    public struct Options: Sendable {
        /// Report button-1 presses and the wheel as `Key.mouse`; `--no-mouse` turns this off.
        public var mouse: Bool
        /// A lower colour depth than the terminal's, e.g. `.monochrome` for NO_COLOR.
        public var colorDepth: ColorDepth?
        /// How long curses waits after Escape for the rest of a key sequence.
        public var escapeDelayMilliseconds: Int

        public init(mouse: Bool = true, colorDepth: ColorDepth? = nil, escapeDelayMilliseconds: Int = 25) {
            self.mouse = mouse
            self.colorDepth = colorDepth
            self.escapeDelayMilliseconds = escapeDelayMilliseconds
        }
    }

    /// Turns a role into colours and attributes at a colour depth (e.g. `Theme.style(for:depth:)`).
    public typealias StyleResolver = (Role, ColorDepth) -> ThemeStyle

    /// The screen size in cells; updated when a `.resize` key is read.
    public private(set) var size: Size
    /// The depth the screen draws at, to pass to the theme: never above what curses can send.
    public let colorDepth: ColorDepth
    /// Set when SIGTERM, SIGHUP or SIGINT arrived (or the terminal went away); the loop should stop.
    public private(set) var terminationSignal: TerminationSignal?
    /// Wakes `readKeys` from another thread or task.
    public var waker: InputWaker { signals.waker }

    private let screen: OpaquePointer
    private let window: UnsafeMutablePointer<WINDOW>
    private let signals: SignalPipe
    private let inputFD: Int32?
    private let offscreen: (output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>)?
    private var offscreenBytesCounted: Int64 = 0
    private var offscreenInputWriteFD: Int32 = -1
    private var stopped = false
    private var defaultColors = false
    private let colors: Int

    /// How many cells the last `draw` handed to curses (0 for an unchanged canvas); for benchmarks.
    public private(set) var lastDrawCellCount = 0

    private var lastCanvas: Canvas?
    private var needsFullRedraw = true
    private var needsClear = false
    private var styleForRole: [Role: (attributes: attr_t, pair: Int16)] = [:]
    private var cursorShown = false

    // MARK: Starting

    /// Starts curses on the process's terminal (stdin and stdout).
    /// Throws `TerminalUnavailable` without touching the terminal when it cannot work.
    public static func start(options: Options = Options(), styles: StyleResolver? = nil) throws(TerminalUnavailable)
        -> CursesScreen
    {
        guard isatty(STDOUT_FILENO) == 1 else { throw TerminalUnavailable(.stdoutNotATerminal) }
        guard isatty(STDIN_FILENO) == 1 else { throw TerminalUnavailable(.stdinNotATerminal) }
        let term = try checkedTerm(getenv("TERM").map { String(cString: $0) })
        setUpLocale()
        let signals = try SignalPipe()
        do {
            try signals.installTerminationHandlers()
        } catch {
            signals.close()
            throw error
        }
        guard let screen = newterm(term, cn_stdout(), cn_stdin()) else {
            signals.close()
            throw TerminalUnavailable(.termUnknown(term))
        }
        signals.installResizeHandler()
        return CursesScreen(screen: screen, signals: signals, inputFD: STDIN_FILENO, offscreen: nil,
                            options: options, styles: styles)
    }

    /// Starts curses writing to a temporary file instead of the terminal, at a fixed size, so a
    /// benchmark or test can count the bytes each frame writes (`bytesWrittenSinceLastCall()`).
    /// Installs no signal handlers; its input is a pipe fed by `feedInput(_:)`.
    public static func startOffscreen(term: String = "xterm-256color", size: Size, options: Options = Options(mouse: false),
                                      styles: StyleResolver? = nil) throws(TerminalUnavailable) -> CursesScreen {
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
        let result = CursesScreen(screen: screen, signals: signals, inputFD: inputPipe[0], offscreen: (output, input),
                                  options: options, styles: styles)
        result.offscreenInputWriteFD = inputPipe[1]
        _ = result.bytesWrittenSinceLastCall()
        return result
    }

    /// Starts curses on the process's terminal with a theme.
    public static func start(options: Options = Options(), theme: Theme) throws(TerminalUnavailable) -> CursesScreen {
        try start(options: options) { role, depth in theme.style(for: role, depth: depth) }
    }

    private static func checkedTerm(_ term: String?) throws(TerminalUnavailable) -> String {
        guard let term, !term.isEmpty else { throw TerminalUnavailable(.termNotSet) }
        switch cn_probe_term(term) {
        case 1: return term
        case 0: throw TerminalUnavailable(.termCannotAddressCursor(term))
        default: throw TerminalUnavailable(.termUnknown(term))
        }
    }

    /// curses needs a UTF-8 codeset, or wide text and typed `é` are lost.
    private static func setUpLocale() {
        setlocale(LC_ALL, "")
        let codeset = String(cString: cn_codeset()).uppercased()
        if codeset != "UTF-8" && codeset != "UTF8" {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
    }

    private init(screen: OpaquePointer, signals: SignalPipe, inputFD: Int32?,
                 offscreen: (output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>)?,
                 options: Options, styles: StyleResolver?) {
        self.screen = screen
        self.signals = signals
        self.inputFD = inputFD
        self.offscreen = offscreen
        _ = set_term(screen)
        window = cn_stdscr()
        _ = raw()
        _ = noecho()
        _ = nonl()
        _ = keypad(window, true)
        _ = intrflush(window, false)
        _ = nodelay(window, true)
        wtimeout(window, 0)
        cn_set_escdelay(Int32(options.escapeDelayMilliseconds))
        _ = curs_set(0)
        _ = leaveok(window, true)

        colors = has_colors() ? Int(cn_terminfo_colors()) : 0
        colorDepth = ColorSupport.depth(colors: colors, override: options.colorDepth)
        if colorDepth != .monochrome {
            _ = start_color()
            defaultColors = use_default_colors() == OK
        }
        if options.mouse {
            _ = mousemask(CN_BUTTON1_PRESSED | CN_BUTTON4_PRESSED | CN_BUTTON5_PRESSED, nil)
            _ = mouseinterval(0)
        }
        size = Size(width: Int(cn_getmaxx(window)), height: Int(cn_getmaxy(window)))
        setStyles(styles ?? { _, _ in ThemeStyle() })
    }

    // MARK: Theme

    /// Uses new colours for every role (on start and when the `t` key cycles themes); the next
    /// `draw` repaints everything.
    public func setStyles(_ resolve: StyleResolver) {
        _ = set_term(screen)
        var pairs: [PairKey: Int16] = [:]
        var table: [Role: (attributes: attr_t, pair: Int16)] = [:]
        let maxPairs = Int(cn_color_pairs()) - 1
        for role in Role.allCases {
            let style = resolve(role, colorDepth)
            var pair: Int16 = 0
            if colorDepth != .monochrome {
                let key = PairKey(foreground: colorNumber(style.foreground, isForeground: true),
                                  background: colorNumber(style.background, isForeground: false))
                if key.foreground == -1 && key.background == -1 {
                    pair = 0
                } else if let known = pairs[key] {
                    pair = known
                } else if pairs.count < min(maxPairs, Int(Int16.max)) {
                    pair = Int16(pairs.count + 1)
                    pairs[key] = pair
                    _ = init_extended_pair(Int32(pair), key.foreground, key.background)
                }
            }
            table[role] = (cursesAttributes(style.attributes), pair)
        }
        styleForRole = table
        needsFullRedraw = true
    }

    /// Uses a theme's colours at this screen's depth; the next `draw` repaints everything.
    public func setTheme(_ theme: Theme) {
        setStyles { role, depth in theme.style(for: role, depth: depth) }
    }

    private struct PairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    private func colorNumber(_ color: TerminalColor, isForeground: Bool) -> Int32 {
        let n = ColorSupport.cursesColor(color, colors: colors)
        if n == -1 && !defaultColors { return isForeground ? 7 : 0 }
        return n
    }

    private func cursesAttributes(_ attributes: Attributes) -> attr_t {
        var a = CN_A_NORMAL
        if attributes.contains(.bold) { a |= CN_A_BOLD }
        if attributes.contains(.underline) { a |= CN_A_UNDERLINE }
        if attributes.contains(.reverse) { a |= CN_A_REVERSE }
        if attributes.contains(.dim) { a |= CN_A_DIM }
        return a
    }

    // MARK: Drawing

    /// Draws a canvas, writing only what changed since the last one; an unchanged canvas writes
    /// nothing. Parts outside the screen are clipped. `cursor` shows the cursor there (chat input).
    public func draw(_ canvas: Canvas, cursor: (x: Int, y: Int)? = nil) {
        guard !stopped else { return }
        _ = set_term(screen)
        let full = needsFullRedraw || lastCanvas?.size != canvas.size
        let runs = ScreenDiff.runs(from: full ? nil : lastCanvas, to: canvas)
        var wrote = false
        var cellCount = 0
        if full {
            if needsClear { _ = clearok(cn_curscr(), true); needsClear = false }
            _ = werase(window)
            wrote = true
        }
        let rows = Int(cn_getmaxy(window))
        let cols = Int(cn_getmaxx(window))
        var buffer: [wchar_t] = []
        buffer.reserveCapacity(cols + 16)
        for run in runs where run.y < rows && run.x < cols {
            buffer.removeAll(keepingCapacity: true)
            var x = run.x
            for cell in run.cells {
                let cellWidth = max(1, Int(cell.width))
                if x + cellWidth > cols {
                    if x < cols { buffer.append(wchar_t(32)) }
                    break
                }
                for scalar in GraphemeOutput.scalars(for: cell.text, cellWidth: cellWidth, terminalWidth: Self.wcwidthOf) {
                    buffer.append(wchar_t(bitPattern: scalar.value))
                }
                x += cellWidth
                cellCount += 1
            }
            guard !buffer.isEmpty else { continue }
            let base = styleForRole[run.style.role] ?? (CN_A_NORMAL, 0)
            _ = wattr_set(window, base.attributes | cursesAttributes(run.style.attributes), base.pair, nil)
            // Writing the bottom-right cell reports ERR after drawing it; that is expected.
            _ = buffer.withUnsafeBufferPointer {
                mvwaddnwstr(window, Int32(run.y), Int32(run.x), $0.baseAddress, Int32($0.count))
            }
            wrote = true
        }
        _ = wattr_set(window, CN_A_NORMAL, 0, nil)
        if updateCursor(cursor, rows: rows, cols: cols) { wrote = true }
        lastCanvas = canvas
        lastDrawCellCount = cellCount
        needsFullRedraw = false
        guard wrote else { return }
        _ = wnoutrefresh(window)
        _ = doupdate()
    }

    private func updateCursor(_ cursor: (x: Int, y: Int)?, rows: Int, cols: Int) -> Bool {
        if let cursor, cursor.x >= 0, cursor.y >= 0, cursor.x < cols, cursor.y < rows {
            if !cursorShown { _ = curs_set(1); _ = leaveok(window, false); cursorShown = true }
            _ = wmove(window, Int32(cursor.y), Int32(cursor.x))
            return true
        }
        if cursorShown {
            _ = curs_set(0)
            _ = leaveok(window, true)
            cursorShown = false
            return true
        }
        return false
    }

    private static func wcwidthOf(_ scalar: Unicode.Scalar) -> Int {
        Int(cn_wcwidth(wchar_t(bitPattern: scalar.value)))
    }

    /// Forgets what is on the terminal and repaints it all on the next `draw` (e.g. Ctrl-L).
    public func forceRepaint() {
        needsFullRedraw = true
        needsClear = true
    }

    // MARK: Input

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
            if terminationSignal == nil { terminationSignal = TerminationSignal(number: SIGHUP) }
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

    // MARK: Offscreen byte counting

    /// The bytes curses wrote since the last call (offscreen screens only; 0 on a real terminal).
    public func bytesWrittenSinceLastCall() -> Int {
        guard let offscreen else { return 0 }
        fflush(offscreen.output)
        let position = Int64(lseek(fileno(offscreen.output), 0, SEEK_END))
        defer { offscreenBytesCounted = position }
        return Int(max(0, position - offscreenBytesCounted))
    }

    /// Gives an offscreen screen input bytes as if typed on the terminal (escape sequences included).
    public func feedInput(_ bytes: [UInt8]) {
        guard offscreenInputWriteFD >= 0, !bytes.isEmpty else { return }
        _ = bytes.withUnsafeBytes { write(offscreenInputWriteFD, $0.baseAddress, $0.count) }
    }

    /// Everything written to an offscreen screen so far, for tests that look at the bytes.
    public func offscreenOutput() -> [UInt8] {
        guard let offscreen else { return [] }
        fflush(offscreen.output)
        let fd = fileno(offscreen.output)
        let end = lseek(fd, 0, SEEK_END)
        guard end > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: Int(end))
        let n = bytes.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        return Array(bytes.prefix(max(0, n)))
    }

    /// What curses holds for each screen row, as text (wide graphemes once); for tests.
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

    // MARK: Stopping

    /// Restores the terminal and the signal handlers. Safe to call more than once.
    public func stop() {
        guard !stopped else { return }
        stopped = true
        _ = set_term(screen)
        _ = mousemask(0, nil)
        _ = curs_set(1)
        _ = endwin()
        if let signal = signals.drain(), terminationSignal == nil { terminationSignal = signal }
        signals.close()
        delscreen(screen)
        if let offscreen {
            fclose(offscreen.output)
            fclose(offscreen.input)
            if offscreenInputWriteFD >= 0 { closeFD(offscreenInputWriteFD); offscreenInputWriteFD = -1 }
        }
    }
}
