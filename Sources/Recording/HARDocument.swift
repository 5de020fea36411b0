import ConnectModels
import Foundation

/// A HAR 1.2 file: one `log`, as browsers' developer tools and ordertop's `--record` write it.
public struct HARDocument: Codable, Sendable {
    public var log: HARLog

    public init(log: HARLog) { self.log = log }
}

/// The HAR `log`: who wrote it, the exchanges, and (in `_ordertop`) what the recording run was watching.
public struct HARLog: Codable, Sendable {
    /// "1.2" when ordertop writes it; "1.1" and "1.2" are read.
    public var version: String
    public var creator: HARCreator
    public var entries: [HAREntry]
    public var session: RecordingSession?

    enum CodingKeys: String, CodingKey {
        case version, creator, entries, session = "_ordertop"
    }

    public init(version: String = "1.2", creator: HARCreator = .ordertop, entries: [HAREntry] = [], session: RecordingSession? = nil) {
        self.version = version
        self.creator = creator
        self.entries = entries
        self.session = session
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        version = try c.decode(String.self, forKey: .version)
        creator = try c.decodeIfPresent(HARCreator.self, forKey: .creator) ?? HARCreator(name: "", version: "")
        entries = try c.decode([HAREntry].self, forKey: .entries)
        session = try c.decodeIfPresent(RecordingSession.self, forKey: .session)
    }
}

/// The program that wrote a HAR file.
public struct HARCreator: Codable, Sendable, Hashable {
    public var name: String
    public var version: String

    public init(name: String, version: String) {
        self.name = name
        self.version = version
    }

    /// This build of ordertop.
    public static var ordertop: HARCreator { HARCreator(name: "ordertop", version: OrdertopVersion.current) }
}

/// What a recording run was doing, so a replay can show the same orders at the same pace.
public struct RecordingSession: Codable, Sendable, Hashable {
    /// "watch", "board" or "demo".
    public var command: String
    public var orders: [RecordedOrder]
    public var redactedChat: Bool
    public var startedAt: Date
    /// The poll interval in seconds, when the run had one.
    public var interval: Double?

    enum CodingKeys: String, CodingKey {
        case command, orders, redactedChat = "redacted_chat", startedAt = "started_at", interval = "interval_s"
    }

    public init(command: String, orders: [RecordedOrder], redactedChat: Bool, startedAt: Date, interval: Double? = nil) {
        self.command = command
        self.orders = orders
        self.redactedChat = redactedChat
        self.startedAt = startedAt
        self.interval = interval
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        command = try c.decode(String.self, forKey: .command)
        orders = try c.decodeIfPresent([RecordedOrder].self, forKey: .orders) ?? []
        redactedChat = try c.decodeIfPresent(Bool.self, forKey: .redactedChat) ?? false
        startedAt = try c.decode(Date.self, forKey: .startedAt)
        interval = try c.decodeIfPresent(Double.self, forKey: .interval)
    }
}

/// One order a recording run followed, and whose it is when known.
public struct RecordedOrder: Codable, Sendable, Hashable {
    public var userID: String?
    public var orderID: String

    enum CodingKeys: String, CodingKey { case userID = "user_id", orderID = "order_id" }

    public init(userID: String? = nil, orderID: String) {
        self.userID = userID
        self.orderID = orderID
    }
}
