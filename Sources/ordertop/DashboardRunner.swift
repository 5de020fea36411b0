import ArgumentParser
import ConnectModels
import CursesTerminal
import Dashboard
import Foundation
import Logging
import OrderTracking

/// Options shared by every command that opens the dashboard.
struct DashboardOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A theme name (from themes/ or $XDG_CONFIG_HOME/ordertop/themes/) or a .toml path.", valueName: "name|path"))
    var theme: String?

    @Flag(name: .long, help: "Do not capture the mouse (clicks focus panes and the wheel scrolls otherwise).")
    var noMouse = false

    @Option(name: .long, help: ArgumentHelp("Where log lines go (never to the terminal the dashboard owns).", valueName: "path"))
    var logFile: String?
}

/// What the demo lets the dashboard do to its scripted shopper.
struct DemoControls: Sendable {
    var togglePause: @Sendable () async -> Bool
    var nextStep: @Sendable () async -> Void
}

/// Actions waiting for the main loop: tracker events and results of effects, added from other tasks.
final class EventInbox: @unchecked Sendable {
    // Guarded by `lock`: appended from background tasks, drained by the main loop.
    private let lock = NSLock()
    private var events: [Action] = []

    func append(_ event: TrackerEvent) { append(action: .tracker(event)) }

    func append(action event: Action) {
        lock.lock()
        events.append(event)
        lock.unlock()
    }

    func drain() -> [Action] {
        lock.lock()
        defer { lock.unlock() }
        let out = events
        events.removeAll(keepingCapacity: true)
        return out
    }
}

/// The dashboard's main loop: tracker events and keys go through `reduce`, frames through `render` to curses.
@MainActor
enum DashboardRunner {
    /// `reloadToken` is asked on `r`: a token file may hold a fresh token after a 401.
    static func run(tracker: OrderTracker, options: DashboardOptions, environment: [String: String], demo: DemoControls?,
                    reloadToken: (@Sendable () -> BearerToken?)? = nil) async throws {
        let executable = URL(fileURLWithPath: CommandLine.arguments.first ?? "ordertop")
        let executableURL = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")).map(URL.init(fileURLWithPath:)) ?? executable
        let loader = ThemeLoader(searchPaths: ThemeLoader.defaultSearchPaths(executableURL: executableURL, environment: environment))
        let noColor = ColorEnvironment.noColor(environment)
        var (theme, warnings) = loader.loadOrDefault(noColor ? "monochrome" : options.theme)
        if noColor && options.theme != nil { warnings.append("NO_COLOR is set: using the monochrome theme") }

        let screen: CursesScreen
        do {
            screen = try CursesScreen.start(options: .init(mouse: !options.noMouse, colorDepth: noColor ? .monochrome : nil), theme: theme)
        } catch {
            throw ValidationError("\(error)")
        }
        var exitSignal: TerminationSignal?
        defer { screen.stop() }

        var state = DashboardState(now: Date(), size: screen.size, themeName: theme.name, isDemo: demo != nil, mouseEnabled: !options.noMouse)
        let inbox = EventInbox()
        let waker = screen.waker
        let logger = Logger(label: "ordertop.watch")
        let pump = Task.detached {
            for await event in tracker.events {
                inbox.append(event)
                waker.wake()
                switch event {
                case .connection, .notice, .finished, .order: logger.info("\(PlainEventFormatter(timeZone: .current).describeForLog(event))")
                default: break
                }
            }
        }
        for warning in warnings { inbox.append(action: .startupWarning(warning)) }
        await tracker.start()

        var lastDrawn: DashboardState?
        var running = true
        while running {
            var effects: [Effect] = []
            for action in inbox.drain() { effects += reduce(&state, action) }
            let now = Date()
            if Int(now.timeIntervalSince1970) != Int(state.now.timeIntervalSince1970) { effects += reduce(&state, .tick(now)) }
            if state.size != screen.size { effects += reduce(&state, .resize(screen.size)) }

            for effect in effects where !perform(effect) { running = false }
            guard running else { break }

            if state != lastDrawn {
                let frame = renderFrame(state, size: screen.size)
                screen.draw(frame.canvas, cursor: frame.cursor.map { (x: $0.x, y: $0.y) })
                lastDrawn = state
            }

            // Sleep until a key, a tracker event (the waker) or the next whole second for the clock.
            let untilNextSecond = 1000 - Int((Date().timeIntervalSince1970.truncatingRemainder(dividingBy: 1)) * 1000)
            let keys = screen.readKeys(timeoutMilliseconds: max(10, untilNextSecond))
            if let signal = screen.terminationSignal {
                exitSignal = signal
                break
            }
            var keyEffects: [Effect] = []
            for key in keys {
                if key == .resize { keyEffects += reduce(&state, .resize(screen.size)); continue }
                keyEffects += reduce(&state, .key(key))
            }
            for effect in keyEffects where !perform(effect) { running = false }
        }

        pump.cancel()
        await tracker.stop()
        screen.stop()
        if let exitSignal { throw ExitCode(exitSignal.exitCode) }

        /// Carries out one effect; false means quit. Work that waits runs detached: this loop blocks
        /// the main actor in `readKeys`, so a task bound to it would not run until a key arrived.
        func perform(_ effect: Effect) -> Bool {
            switch effect {
            case .quit:
                return false
            case .sendChat(let text):
                Task.detached {
                    do { try await tracker.send(text) } catch {
                        inbox.append(action: .effectFailed(effect, reason: "\(error)"))
                        waker.wake()
                    }
                }
            case .markChatRead:
                Task.detached { await tracker.markRead() }
            case .approveReplacement(let id):
                Task.detached {
                    do { try await tracker.approve(lineItemID: id.value) } catch {
                        inbox.append(action: .effectFailed(effect, reason: "\(error)"))
                        waker.wake()
                    }
                }
            case .rejectReplacement(let id):
                Task.detached {
                    do { try await tracker.reject(lineItemID: id.value) } catch {
                        inbox.append(action: .effectFailed(effect, reason: "\(error)"))
                        waker.wake()
                    }
                }
            case .refreshNow:
                Task.detached {
                    if let token = reloadToken?() { await tracker.updateToken(token) }
                    await tracker.refreshNow()
                }
            case .cycleTheme:
                let names = loader.availableThemes()
                if !names.isEmpty, !noColor {
                    let index = names.firstIndex(of: theme.name).map { ($0 + 1) % names.count } ?? 0
                    let (next, problems) = loader.loadOrDefault(names[index])
                    theme = next
                    screen.setTheme(next)
                    _ = reduce(&state, .themeLoaded(name: next.name, problems: problems))
                } else if noColor {
                    inbox.append(action: .themesOff)
                }
            case .demoTogglePause:
                if let demo {
                    Task.detached {
                        let paused = await demo.togglePause()
                        inbox.append(action: .demoPaused(paused))
                        waker.wake()
                    }
                }
            case .retryFailedMessages:
                Task.detached { await tracker.retryFailed() }
            case .repaint:
                screen.forceRepaint()
            case .demoNextStep:
                if let demo { Task.detached { await demo.nextStep() } }
            }
            return true
        }
    }
}
