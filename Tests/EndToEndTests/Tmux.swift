import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// A private tmux server that runs the real `ordertop` binary, for tests that type and read the screen.
final class Tmux {
    let socket: String
    let session = "e2e"

    init() {
        socket = "ordertop-e2e-\(UUID().uuidString.prefix(8))"
    }

    /// The `ordertop` binary built by `swift build`, next to this package.
    static func binary() throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        for candidate in [".build/debug/ordertop", ".build/release/ordertop"] {
            let path = root.appendingPathComponent(candidate).path
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        throw E2EError("no ordertop binary under \(root.path)/.build: run `swift build` before the tests")
    }

    static var available: Bool { system("command -v tmux >/dev/null 2>&1") == 0 }

    /// Starts a detached session running `command` in a shell. libc `system` keeps the forked tmux
    /// server from inheriting a pipe of ours (with Process it would, and reading would never end).
    func start(_ command: String, width: Int = 120, height: Int = 40) throws {
        let script = "tmux -L \(socket) -f /dev/null new-session -d -s \(session) -x \(width) -y \(height) \(Self.quote(command)) </dev/null >/dev/null 2>&1"
        guard system(script) == 0 else { throw E2EError("tmux could not start: \(script)") }
        _ = try run(["set-option", "-t", session, "remain-on-exit", "on"])
        _ = try run(["set-option", "-g", "window-size", "manual"])
    }

    @discardableResult
    func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["tmux", "-L", socket] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    func screen() throws -> String { try run(["capture-pane", "-p", "-t", session]) }
    func keys(_ keys: String...) throws { try run(["send-keys", "-t", session] + keys) }
    func type(_ text: String) throws { try run(["send-keys", "-t", session, "-l", text]) }
    func resize(width: Int, height: Int) throws {
        try run(["resize-window", "-t", session, "-x", String(width), "-y", String(height)])
    }
    func format(_ format: String) throws -> String {
        try run(["display-message", "-p", "-t", session, format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Reads the screen until `condition` holds, up to `seconds` of real time (a real program is running).
    @discardableResult
    func waitForScreen(_ what: String, seconds: Double = 30, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if condition(last) { return last }
            usleep(100_000)
        }
        throw E2EError("timed out waiting for \(what). The screen was:\n\(last)")
    }

    func kill() { _ = try? run(["kill-server"]) }

    static func quote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}

/// A failure of the end-to-end harness, with what it saw.
struct E2EError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Every end-to-end suite, one at a time: they start processes and tmux servers, and a tmux server
/// forked while another test holds a pipe to a child process keeps that pipe open.
@Suite("End to end", .serialized)
struct EndToEnd {}
