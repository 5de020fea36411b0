import Foundation

/// Why a HAR file could not be read or written; `description` is one line that names the file.
public enum HARFileError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The path cannot be read: missing, a directory, no permission. `reason` is in words.
    case unreadable(path: String, reason: String)
    /// The file is empty.
    case empty(path: String)
    /// The file is not JSON at all.
    case notJSON(path: String)
    /// The JSON stops before it is complete.
    case truncated(path: String)
    /// JSON, but not a HAR log (or an entry in it does not decode); `reason` says where.
    case notHAR(path: String, reason: String)
    /// A HAR of a version this reader does not know.
    case unsupportedVersion(path: String, version: String)
    /// A HAR, but none of its requests is a Connect post-checkout call.
    case noConnectRequests(path: String, entries: Int)
    /// Writing failed; `reason` is in words.
    case unwritable(path: String, reason: String)

    public var description: String {
        let text: String
        switch self {
        case .unreadable(let path, let reason):
            text = "cannot read \(path): \(reason)"
        case .empty(let path):
            text = "\(path) is empty: a recording always holds at least its header, so this file was not written by `--record`"
        case .notJSON(let path):
            text = "\(path) is not a HAR file: it is not JSON"
        case .truncated(let path):
            text = "\(path) is cut short: it ends in the middle of the JSON (a run killed before its last write leaves a whole file; this one was cut by something else)"
        case .notHAR(let path, let reason):
            text = "\(path) is not a HAR file: \(reason)"
        case .unsupportedVersion(let path, let version):
            text = "\(path) is HAR version \(version.isEmpty ? "(empty)" : version); ordertop reads versions 1.1 and 1.2"
        case .noConnectRequests(let path, 0):
            text = "\(path) holds no requests: the run recorded nothing, so there is nothing to replay"
        case .noConnectRequests(let path, let entries):
            text = "\(path) holds no Connect requests: none of its \(entries) entries is a /v2/post_checkout/ call, so there is nothing to replay"
        case .unwritable(let path, let reason):
            text = "cannot write \(path): \(reason)"
        }
        // One line, whatever a path or a system message holds.
        return text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
