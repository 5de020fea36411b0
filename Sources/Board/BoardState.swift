import ConnectModels
import TerminalUI
import Foundation
import OrderTracking
import OrderFeed

/// Everything the board shows, as a plain value; only `reduceBoard` changes it.
///
/// The rows' order after sorting and filtering is kept in `visible` and rebuilt only when something it
/// depends on changes, so drawing a frame never sorts.
public struct BoardState: Hashable, Sendable {
    // MARK: Orders
    /// Every order by id, sanitized on the way in.
    public internal(set) var rows: [String: BoardRow] = [:]
    /// Order ids in the order they were added.
    public internal(set) var orderIDs: [String] = []
    /// The ids shown, sorted and filtered; rebuilt on change.
    public internal(set) var visible: [String] = []
    /// The attention priority of each order that needs attention (see `AttentionReason.priority`).
    public internal(set) var attentionPriority: [String: Int] = [:]

    // MARK: What the person chose
    public internal(set) var sort: BoardSort = .attention
    public internal(set) var filter = BoardFilter("")
    public internal(set) var showFinished = true
    /// The order under the cursor; an id, so the cursor stays on it when rows move.
    public internal(set) var selectedID: String?
    /// False until the person moves the cursor; until then it stays on the top row, the most urgent one.
    public internal(set) var cursorChosen = false
    /// The first list row on screen.
    public internal(set) var top = 0
    public internal(set) var input = InputLine()
    public internal(set) var inputMode: BoardInputMode?
    public internal(set) var showHelp = false
    public internal(set) var status: StatusMessage?

    // MARK: Time, place and settings
    public internal(set) var now: Date
    public internal(set) var size: Size
    /// The scheduler's refresh cycle in words, once it has said.
    public internal(set) var cycle: String?
    /// In a replay: the recording's clock stands still.
    public internal(set) var replayPaused = false
    /// For clock times in the header (a replay's recorded time).
    public var timeZone: TimeZone = .current
    public var settings: BoardSettings

    public init(now: Date, size: Size = Size(width: 80, height: 24), settings: BoardSettings = BoardSettings()) {
        self.now = now
        self.size = size
        self.settings = settings
    }

    /// How long a status message stays.
    public static let statusDuration: TimeInterval = 4

    /// Rows the list has on screen: all but the header, the column titles and the status line.
    public static func listHeight(_ size: Size) -> Int { max(0, size.height - 3) }

    /// The position of the cursor's row in `visible`.
    public var selectedIndex: Int? {
        guard let selectedID else { return nil }
        return visible.firstIndex(of: selectedID)
    }

    /// The row under the cursor.
    public var selectedRow: BoardRow? { selectedID.flatMap { rows[$0] } }

    /// How many orders need attention now.
    public var attentionCount: Int { attentionPriority.count }
}
