import Foundation
import OrderTracking
import TerminalUI

/// One notice as the history keeps it: when, how much it mattered, and what it said.
public struct NoticeRecord: Hashable, Sendable {
    public var time: Date
    public var severity: Notice.Severity
    public var text: String
}

/// The last notices, newest last, so a message replaced in the status bar a moment later is not lost.
public struct NoticeLog: Hashable, Sendable {
    public static let capacity = 100
    public private(set) var records: [NoticeRecord] = []

    public init() {}

    mutating func append(_ record: NoticeRecord) {
        records.append(record)
        if records.count > Self.capacity { records.removeFirst(records.count - Self.capacity) }
    }
}
