import ArgumentParser
import Foundation
import Logging

/// A swift-log handler that appends lines to a file, so logs never reach the terminal the dashboard owns.
struct FileLogHandler: LogHandler {
    /// The open log file, shared by every logger of the process.
    final class Sink: @unchecked Sendable {
        // Writes are serialised by the lock; FileHandle itself is not thread-safe.
        private let lock = NSLock()
        private let handle: FileHandle

        init(path: String) throws {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: path) {
                guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path])
                }
            }
            handle = try FileHandle(forWritingTo: url)
            handle.seekToEndOfFile()
        }

        func write(_ line: String) {
            lock.lock()
            defer { lock.unlock() }
            handle.write(Data(line.utf8))
        }
    }

    let label: String
    let sink: Sink
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { $1 } }
        let meta = all.isEmpty ? "" : " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let time = Date().formatted(.iso8601)
        sink.write("\(time) \(event.level) \(label): \(event.message)\(meta)\n")
    }

    /// Sends every logger of the process to the file; call once, before anything logs.
    static func bootstrap(path: String) throws {
        let sink: Sink
        do { sink = try Sink(path: path) } catch {
            throw ValidationError("cannot open the log file \(path): \(error.localizedDescription). Choose another with --log-file.")
        }
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, sink: sink) }
    }

    /// The default log file: `$XDG_STATE_HOME/ordertop/ordertop.log`.
    static func defaultPath(environment: [String: String]) -> String {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/ordertop/ordertop.log" }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return home + "/.local/state/ordertop/ordertop.log"
    }
}
