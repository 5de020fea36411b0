import ConnectModels
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Keeps an order's unsent and failed chat messages in a file, so a crash or a quit loses nothing.
public struct OutboxStore: Sendable {
    /// The file for this order.
    public let fileURL: URL

    public init(fileURL: URL) { self.fileURL = fileURL }

    /// The store for an order under a state directory (usually `OutboxStore.defaultDirectory`).
    public init(directory: URL, orderID: String) {
        let safe = String(orderID.unicodeScalars.map { scalar -> Character in
            CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_" ? Character(scalar) : "_"
        }.prefix(120))
        fileURL = directory.appendingPathComponent("outbox-\(safe.isEmpty ? "order" : safe).json")
    }

    /// `$XDG_STATE_HOME/ordertop`, or `~/.local/state/ordertop`.
    public static func defaultDirectory(environment: [String: String]) -> URL {
        if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") {
            return URL(fileURLWithPath: state).appendingPathComponent("ordertop")
        }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/state/ordertop")
    }

    /// The lock file beside the outbox.
    public var lockPath: String { fileURL.path + ".lock" }

    /// Takes the order's outbox for this process, or returns nil when another process holds it, so two
    /// watchers of one order never both send the same saved message. A state directory that cannot be
    /// made or opened is an error that says so, not "held by another watcher".
    public func lock() throws(OutboxError) -> OutboxLock? {
        let directory = fileURL.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        } catch {
            throw .storage("cannot open the state directory \(directory.path): \(error.localizedDescription)")
        }
        return try OutboxLock.acquire(path: lockPath)
    }

    /// The saved messages; a missing file is an empty outbox, an unreadable one an error that names the file.
    public func load() throws -> [OutboxMessage] {
        guard FileManager.default.fileExists(atPath: fileURL.path) else { return [] }
        do {
            let data = try Data(contentsOf: fileURL)
            if data.isEmpty { return [] }
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode([OutboxMessage].self, from: data)
        } catch {
            throw OutboxError.storage("cannot read the outbox \(fileURL.path): \(error.localizedDescription)")
        }
    }

    /// Writes the messages that still matter (pending and failed), atomically.
    public func save(_ messages: [OutboxMessage]) throws {
        let keep = messages.filter { if case .sent = $0.state { false } else { true } }
        do {
            try FileManager.default.createDirectory(at: fileURL.deletingLastPathComponent(), withIntermediateDirectories: true)
            if keep.isEmpty {
                if FileManager.default.fileExists(atPath: fileURL.path) { try FileManager.default.removeItem(at: fileURL) }
                return
            }
            let encoder = JSONEncoder()
            encoder.dateEncodingStrategy = .iso8601
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(keep).write(to: fileURL, options: .atomic)
        } catch {
            throw OutboxError.storage("cannot write the outbox \(fileURL.path): \(error.localizedDescription)")
        }
    }
}

/// Why a chat message was refused or could not be kept.
public enum OutboxError: Error, Hashable, Sendable, CustomStringConvertible, LocalizedError {
    case empty
    case tooLong(Int)
    case storage(String)

    public var description: String {
        switch self {
        case .empty: "the message is empty"
        case .tooLong(let count): "the message is \(count) characters; the chat takes at most \(SendChatMessageRequest.maximumLength)"
        case .storage(let reason): reason
        }
    }
    public var errorDescription: String? { description }
}
