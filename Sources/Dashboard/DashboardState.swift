import ConnectModels
import Foundation
import OrderTracking
import TerminalUI
import OrderFeed

/// Everything the dashboard shows, as a plain value; only `reduce` changes it.
public struct DashboardState: Hashable, Sendable {
    // MARK: Data from the tracker, sanitized on the way in.
    public internal(set) var order: Order?
    public internal(set) var items: [LineItem] = []
    /// The items sorted into their lists; rebuilt with `items`.
    public internal(set) var itemList = ItemList()
    /// False until the first items reply, so "no items" and "not loaded" differ.
    public internal(set) var itemsLoaded = false
    public internal(set) var handling: Handling?
    public internal(set) var shopperLocation: Coordinates?
    /// Past shopper positions, oldest first, at most `trailCapacity`.
    public internal(set) var trail: [Coordinates] = []
    public internal(set) var conversation: ChatConversation?
    public internal(set) var outbox: [OutboxMessage] = []
    /// The conversation and the outbox merged for the chat pane; rebuilt with either.
    public internal(set) var chatEntries: [ChatEntry] = []
    /// Lines each chat entry takes at `chatLineWidth`, so scrolling far up need not wrap every message.
    public internal(set) var chatLineCounts: [Int] = []
    public internal(set) var chatLineWidth = 0
    public internal(set) var connection: [TrackedEndpoint: ConnectionStatus] = [:]
    /// When each endpoint's status arrived, to count a retry down.
    public internal(set) var connectionSince: [TrackedEndpoint: Date] = [:]
    public internal(set) var lastUpdate: Date?
    public internal(set) var finished: WorkflowState?

    // MARK: Time and place.
    public internal(set) var now: Date
    public var timeZone: TimeZone
    public internal(set) var size: Size

    // MARK: What the person is doing.
    public internal(set) var focus: PaneID = .items
    /// False until the person moves the focus; until then it follows what matters in the order's phase.
    public internal(set) var focusChosen = false
    /// Lines scrolled per pane; for the chat it counts up from the newest line.
    public internal(set) var scroll: [PaneID: Int] = [:]
    /// The chat sticks to its newest message until the person scrolls up.
    public internal(set) var chatFollows = true
    public internal(set) var selectedItemID: FlexibleID?
    public internal(set) var input = InputLine()
    public internal(set) var showHelp = false
    /// The notice history overlay (`L`).
    public internal(set) var showNotices = false
    /// Every notice said, up to the last hundred.
    public internal(set) var notices = NoticeLog()
    public internal(set) var confirmingQuit = false
    public internal(set) var status: StatusMessage?
    /// Unread shopper messages already asked to be marked read, so each batch is asked once.
    public internal(set) var markReadRequested: Set<String> = []
    /// Unread shopper messages in the conversation; kept with it so a frame need not scan the chat.
    public internal(set) var unreadShopperIDs: [String] = []

    // MARK: Settings.
    public var themeName: String
    public var isDemo: Bool
    /// Paused: the demo's shopper, or the replay's clock.
    public internal(set) var demoPaused = false
    /// Set when replaying a recording (`ordertop replay`): how fast recorded time passes. The header then shows the
    /// recorded time, nothing is sent, and space and n pause and jump as in the demo.
    public var replaySpeed: Double?
    public var mouseEnabled: Bool
    /// Watching only (`board --readonly`): no chat sending and no replacement decisions.
    public var readOnly = false

    public static let trailCapacity = 200
    /// How long a status message stays.
    public static let statusDuration: TimeInterval = 4

    public init(now: Date, timeZone: TimeZone = .current, size: Size = Size(width: 80, height: 24), themeName: String = "default",
                isDemo: Bool = false, mouseEnabled: Bool = true) {
        self.now = now
        self.timeZone = timeZone
        self.size = size
        self.themeName = themeName
        self.isDemo = isDemo
        self.mouseEnabled = mouseEnabled
    }

    // MARK: Derived facts the reducer and the panes share.

    public var workflowState: WorkflowState? { order?.workflowState }
    public var isReplay: Bool { replaySpeed != nil }
    /// Space and n are bound: in the demo, and in a replay.
    public var hasPlaybackKeys: Bool { isDemo || isReplay }
    public var fulfillmentType: FulfillmentType? { order?.fulfillmentType }
    var localTime: LocalTime { LocalTime(timeZone: timeZone) }

    /// Why the customer cannot chat now, or nil when the chat window is open.
    public var chatClosedReason: String? {
        ChatWindow(order: order, conversationExpired: conversation?.isExpired == true).closedReason
    }

    /// Messages still to reach the server.
    public var unsentCount: Int { outbox.reduce(0) { $0 + ($1.isPending ? 1 : 0) } }


    /// The selected line item, when it still exists.
    public var selectedItem: LineItem? {
        guard let id = selectedItemID, let pos = itemList.selectionIndexByID[id],
              case .item(let index, _) = itemList.rows[itemList.itemRows[pos]] else { return nil }
        return items[index]
    }

    public func scrollOffset(_ pane: PaneID) -> Int { scroll[pane] ?? 0 }
}
