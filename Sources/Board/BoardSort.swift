import ConnectModels
import Foundation

/// How the board orders its rows; `s` cycles through them. Finished orders sink to the bottom in every one.
public enum BoardSort: String, CaseIterable, Hashable, Sendable {
    /// Orders that need attention first, most urgent reason first, then the longest in their state.
    case attention
    /// By where the state sits in an order's life, earliest first.
    case state
    /// By the age of the data, stalest first, so a tracker that went quiet shows at the top.
    case age
    /// By order id, numbers in numeric order.
    case id

    /// The next sort in the cycle.
    public var next: BoardSort {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// The ids of `rows` in this sort. `priority` holds the attention priority of the orders that need attention.
    /// Each row is boiled down to a small key first, so the sort moves keys, not whole rows.
    func ordered(_ rows: [BoardRow], priority: [String: Int]) -> [String] {
        rows.map { row in
            let primary: Double, rank: Int
            switch self {
            case .attention:
                rank = priority[row.ref.orderID] ?? Int.max
                primary = (row.stateSince ?? .distantFuture).timeIntervalSinceReferenceDate
            case .state:
                rank = Self.stateRank(row.state)
                primary = 0
            case .age:
                rank = 0
                primary = (row.lastData ?? .distantPast).timeIntervalSinceReferenceDate
            case .id:
                (rank, primary) = (0, 0)
            }
            return SortKey(id: row.ref.orderID, idKey: row.idKey, finished: row.isFinished, rank: rank, primary: primary)
        }.sorted { a, b in
            if a.finished != b.finished { return !a.finished }
            if a.rank != b.rank { return a.rank < b.rank }
            if a.primary != b.primary { return a.primary < b.primary }
            if a.idKey != b.idKey { return a.idKey < b.idKey }
            return a.id < b.id
        }.map(\.id)
    }

    /// What a row is sorted by: finished last, then a rank, then a time, then the id.
    private struct SortKey {
        var id: String
        var idKey: NaturalKey
        var finished: Bool
        var rank: Int
        var primary: Double
    }

    /// Where a state sits in an order's life; unknown and not yet read ones go last.
    static func stateRank(_ state: WorkflowState?) -> Int {
        guard let state else { return Int.max }
        return WorkflowState.spellings.firstIndex { $0.0 == state } ?? Int.max - 1
    }
}

/// The `/` filter: free text over id, customer and state, case-insensitive; a leading `!` keeps the rows that do not match.
public struct BoardFilter: Hashable, Sendable {
    /// The text as typed.
    public let text: String
    let needle: String
    public let negated: Bool

    public init(_ text: String) {
        self.text = text
        negated = text.hasPrefix("!")
        needle = (negated ? String(text.dropFirst()) : text).trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// True when the filter lets nothing through and nothing out.
    public var isEmpty: Bool { needle.isEmpty }

    public func matches(_ row: BoardRow) -> Bool {
        needle.isEmpty || row.searchText.contains(needle) != negated
    }
}

/// The board's settings from the command line.
public struct BoardSettings: Hashable, Sendable {
    /// How long an order may stay in one state before it needs attention.
    public var stuckAfter: TimeInterval
    /// Ring the terminal bell when an order newly needs attention.
    public var bell: Bool
    /// Also ask for a desktop notification (OSC 9) then.
    public var notify: Bool
    /// No chat sending and no replacement decisions; the board says so.
    public var readonly: Bool
    /// Set when replaying a board's recording: how fast recorded time passes. Nothing is sent and no order is added;
    /// space pauses and n jumps to the next change.
    public var replaySpeed: Double?

    public static let defaultStuckAfter: TimeInterval = 20 * 60

    public init(stuckAfter: TimeInterval = defaultStuckAfter, bell: Bool = false, notify: Bool = false, readonly: Bool = false,
                replaySpeed: Double? = nil) {
        self.stuckAfter = stuckAfter
        self.bell = bell
        self.notify = notify
        self.readonly = readonly || replaySpeed != nil
        self.replaySpeed = replaySpeed
    }
}
