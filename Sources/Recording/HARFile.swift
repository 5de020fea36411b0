import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads HAR files for a replay, and writes them so that a reader never sees half a file.
public enum HARFile {
    /// The versions `load` reads.
    public static let supportedVersions: Set<String> = ["1.1", "1.2"]
    /// Where Connect's post-checkout calls live: a replay needs at least one of them.
    public static let connectPathPrefix = "/v2/post_checkout/"

    /// Reads and checks a recording; every failure is a `HARFileError` whose one line names the file.
    public static func load(path: String) throws -> HARDocument {
        let data = try read(path)
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) { throw HARFileError.empty(path: path) }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw JSONPrefix.endsEarly(data) ? HARFileError.truncated(path: path) : HARFileError.notJSON(path: path)
        }
        guard let root = object as? [String: Any], let log = root["log"] as? [String: Any] else {
            throw HARFileError.notHAR(path: path, reason: "it has no `log` object")
        }
        guard let entries = log["entries"] as? [Any] else {
            throw HARFileError.notHAR(path: path, reason: "its `log` has no `entries` list")
        }
        guard let version = log["version"] as? String else {
            throw HARFileError.notHAR(path: path, reason: "its `log` has no `version`")
        }
        guard supportedVersions.contains(version) else { throw HARFileError.unsupportedVersion(path: path, version: version) }
        let document: HARDocument
        do { document = try HARJSON.decoder().decode(HARDocument.self, from: data) } catch let error as DecodingError {
            throw HARFileError.notHAR(path: path, reason: describe(error))
        }
        guard document.log.entries.contains(where: isConnectRequest) else {
            throw HARFileError.noConnectRequests(path: path, entries: entries.count)
        }
        return document
    }

    /// Writes the document atomically: a reader (or a run killed mid-write) sees the old file or the new one, never a mix.
    public static func write(_ document: HARDocument, to path: String) throws {
        let encoder = HARJSON.encoder()
        let entries: [Data]
        do { entries = try document.log.entries.map { try encoder.encode($0) } } catch {
            throw HARFileError.unwritable(path: path, reason: "an entry did not encode: \(error)")
        }
        try writeAtomically(assemble(document.log, entries: entries), to: path)
    }

    /// Whether an entry is a Connect post-checkout call.
    public static func isConnectRequest(_ entry: HAREntry) -> Bool {
        (URLComponents(string: entry.request.url)?.path ?? "").hasPrefix(connectPathPrefix)
    }

    /// The file's bytes from the log's head and entries already encoded, so a recorder that rewrites its file
    /// every few seconds concatenates what it has instead of encoding every entry again. One entry a line.
    static func assemble(_ log: HARLog, entries: [Data]) throws -> Data {
        let encoder = HARJSON.encoder()
        var out = Data("{\"log\":{\"version\":".utf8)
        out.append(try encoder.encode(log.version))
        out.append(Data(",\"creator\":".utf8))
        out.append(try encoder.encode(log.creator))
        if let session = log.session {
            out.append(Data(",\"_ordertop\":".utf8))
            out.append(try encoder.encode(session))
        }
        out.append(Data(",\"entries\":[".utf8))
        for (index, entry) in entries.enumerated() {
            out.append(Data((index == 0 ? "\n" : ",\n").utf8))
            out.append(entry)
        }
        out.append(Data("\n]}}\n".utf8))
        return out
    }

    static func read(_ path: String) throws -> Data {
        let fd = open(path, O_RDONLY)
        guard fd >= 0 else { throw HARFileError.unreadable(path: path, reason: words(errno: errno)) }
        var info = stat()
        if fstat(fd, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
            close(fd)
            throw HARFileError.unreadable(path: path, reason: "it is a directory, not a file")
        }
        let handle = FileHandle(fileDescriptor: fd, closeOnDealloc: true)
        do { return try handle.readToEnd() ?? Data() } catch {
            throw HARFileError.unreadable(path: path, reason: "\(error.localizedDescription)")
        }
    }

    /// Writes `data` to a temporary file beside `path` (mode 0600), then renames it over `path`.
    static func writeAtomically(_ data: Data, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent().path
        var template = Array("\(directory)/.\(url.lastPathComponent).XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            let code = errno
            throw HARFileError.unwritable(path: path, reason: code == ENOENT ? "the folder \(directory) does not exist" : words(errno: code))
        }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        func fail(_ code: Int32) -> HARFileError {
            close(fd)
            unlink(temporary)
            return HARFileError.unwritable(path: path, reason: words(errno: code))
        }
        // mkstemp already creates 0600; said again so a recording of tokens' neighbours never depends on it.
        guard fchmod(fd, 0o600) == 0 else { throw fail(errno) }
        let written: Int32 = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return 0
        }
        guard written == 0 else { throw fail(written) }
        // No fsync: this guards against the process dying, not the machine; the page cache outlives a SIGKILL.
        guard close(fd) == 0 else {
            let code = errno
            unlink(temporary)
            throw HARFileError.unwritable(path: path, reason: words(errno: code))
        }
        guard rename(temporary, path) == 0 else {
            let code = errno
            unlink(temporary)
            throw HARFileError.unwritable(path: path, reason: code == EISDIR ? "it is a directory" : words(errno: code))
        }
    }

    static func words(errno code: Int32) -> String {
        switch code {
        case ENOENT: "no such file"
        case EACCES, EPERM: "permission denied"
        case ENOTDIR: "a part of the path is not a folder"
        case EISDIR: "it is a directory, not a file"
        case ENOSPC: "the disk is full"
        case EROFS: "the file system is read-only"
        default: String(cString: strerror(code))
        }
    }

    /// Where a decoding error happened, as `log.entries[3].request.url`, and what was wrong there.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let text = keys.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return text.hasPrefix(".") ? String(text.dropFirst()) : (text.isEmpty ? "(top level)" : text)
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "`\(path(context.codingPath + [key]))` is missing"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "`\(path(context.codingPath))` has the wrong type"
        case .dataCorrupted(let context):
            return "`\(path(context.codingPath))` is not valid: \(context.debugDescription)"
        @unknown default:
            return "it does not decode: \(error)"
        }
    }
}

/// `write(2)`, under a name that `HARFile.write` does not hide.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, bytes, count)
    #else
    Darwin.write(fd, bytes, count)
    #endif
}
