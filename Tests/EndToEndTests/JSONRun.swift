import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The real `ordertop` binary run as a script runs it: stdout to a file read as it grows, stderr apart,
/// standard input a pipe when asked, and config and state in a folder of its own, removed at `stop`.
final class JSONRun {
    let process = Process()
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("ordertop-json-\(UUID().uuidString)")
    private let input: Pipe?
    private var inputClosed = false
    private let outURL: URL
    private let errURL: URL

    init(_ arguments: [String], environment: [String: String] = [:], stdin: Bool = false) throws {
        outURL = dir.appendingPathComponent("stdout")
        errURL = dir.appendingPathComponent("stderr")
        input = stdin ? Pipe() : nil
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        process.executableURL = URL(fileURLWithPath: try Tmux.binary())
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        for key in ["ORDERTOP_TOKEN", "ORDERTOP_CLIENT_ID", "ORDERTOP_CLIENT_SECRET"] { env[key] = nil }
        env["XDG_CONFIG_HOME"] = dir.path
        env["XDG_STATE_HOME"] = dir.path
        env.merge(environment) { $1 }
        process.environment = env
        for url in [outURL, errURL] where !FileManager.default.createFile(atPath: url.path, contents: nil) {
            throw E2EError("cannot create \(url.path)")
        }
        process.standardOutput = try FileHandle(forWritingTo: outURL)
        process.standardError = try FileHandle(forWritingTo: errURL)
        process.standardInput = input ?? FileHandle.nullDevice
        try process.run()
    }

    var stdout: String { (try? String(contentsOf: outURL, encoding: .utf8)) ?? "" }
    var stderr: String { (try? String(contentsOf: errURL, encoding: .utf8)) ?? "" }

    /// Every line of stdout so far as a JSON object, each checked for `type`, `order_id` and a `time` in
    /// ISO 8601 UTC with milliseconds. With `complete`, the output must end with a whole line; without,
    /// a line still being written is left for later.
    func objects(complete: Bool) throws -> [[String: Any]] {
        let text = stdout
        var lines = text.components(separatedBy: "\n")
        let tail = lines.removeLast()
        if complete, !tail.isEmpty { throw E2EError("stdout ends with half a line: \(tail)") }
        return try lines.map { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                throw E2EError("a line of stdout is not a JSON object: \(line)")
            }
            guard object["type"] is String, object["order_id"] is String,
                  let time = object["time"] as? String, time.wholeMatch(of: /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z/) != nil else {
                throw E2EError("a line lacks type, order_id or an ISO 8601 time: \(line)")
            }
            return object
        }
    }

    /// The states of an order's `order` objects, in the order they came.
    static func states(_ objects: [[String: Any]], order: String) -> [String] {
        objects.filter { $0["type"] as? String == "order" && $0["order_id"] as? String == order }.compactMap { $0["state"] as? String }
    }

    /// Reads stdout until `condition` holds; fails at once when the program has ended or wrote a line that is no JSON.
    func waitFor(_ what: String, seconds: Double = 60, _ condition: ([[String: Any]]) -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition(try objects(complete: false)) { return }
            guard process.isRunning else { break }
            try await Task.sleep(for: .milliseconds(100))
        }
        if condition(try objects(complete: false)) { return }
        throw E2EError("no \(what) (running: \(process.isRunning)). stdout:\n\(stdout.suffix(3000))\nstderr:\n\(stderr.suffix(2000))")
    }

    func waitForState(_ state: String, order: String) async throws {
        try await waitFor("order \(order) in \(state)") { JSONRun.states($0, order: order).contains(state) }
    }

    /// Waits for the program to end by itself and returns its exit status.
    func waitForExit(seconds: Double = 60) async throws -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { try await Task.sleep(for: .milliseconds(100)) }
        guard !process.isRunning else { throw E2EError("still running after \(Int(seconds)) s. stdout:\n\(stdout.suffix(3000))") }
        return process.terminationStatus
    }

    /// The same for a program that ends at once (a usage error), without leaving the thread.
    func waitForExitNow(seconds: Double = 30) throws -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning, Date() < deadline { usleep(50_000) }
        guard !process.isRunning else { throw E2EError("still running after \(Int(seconds)) s") }
        return process.terminationStatus
    }

    func feed(_ text: String) throws { try input?.fileHandleForWriting.write(contentsOf: Data(text.utf8)) }

    func closeInput() throws {
        guard !inputClosed else { return }
        inputClosed = true
        try input?.fileHandleForWriting.close()
    }

    /// Ends the program if it still runs, and removes its folder.
    func stop() {
        if process.isRunning {
            process.terminate()
            for _ in 0..<50 where process.isRunning { usleep(100_000) }
        }
        try? closeInput()
        try? FileManager.default.removeItem(at: dir)
    }
}
