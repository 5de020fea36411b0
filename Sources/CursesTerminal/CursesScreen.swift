import CNCursesW
import TerminalUI
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The terminal as the dashboard sees it: ncursesw set up, drawn from Canvases, read as Keys.
/// One thread talks to curses, so it lives on the main actor. Always call `stop()` (use `defer`).
/// `OffscreenCurses` is the same screen drawing into a file, for tests and the benchmark.
@MainActor
public class CursesScreen {
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
    public internal(set) var size: Size
    /// The depth the screen draws at, to pass to the theme: never above what curses can send.
    public let colorDepth: ColorDepth
    /// Set when SIGTERM, SIGHUP or SIGINT arrived (or the terminal went away); the loop should stop.
    public internal(set) var terminationSignal: ExitSignal?
    /// Wakes `readKeys` from another thread or task.
    public var waker: InputWaker { signals.waker }

    // Internal, not private: the input extension and OffscreenCurses, in their own files, use them.
    let screen: OpaquePointer
    let window: UnsafeMutablePointer<WINDOW>
    let signals: SignalPipe
    let inputFD: Int32?
    private(set) var stopped = false
    private var defaultColors = false
    private let colors: Int

    /// How many cells the last `draw` handed to curses (0 for an unchanged canvas); for benchmarks.
    public private(set) var lastDrawCellCount = 0

    private var lastCanvas: Canvas?
    var needsFullRedraw = true
    var needsClear = false
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
        return CursesScreen(screen: screen, signals: signals, inputFD: STDIN_FILENO, options: options, styles: styles)
    }

    /// Starts curses on the process's terminal with a theme.
    public static func start(options: Options = Options(), theme: Theme) throws(TerminalUnavailable) -> CursesScreen {
        try start(options: options) { role, depth in theme.style(for: role, depth: depth) }
    }

    init(screen: OpaquePointer, signals: SignalPipe, inputFD: Int32?, options: Options, styles: StyleResolver?) {
        self.screen = screen
        self.signals = signals
        self.inputFD = inputFD
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
    }
}
