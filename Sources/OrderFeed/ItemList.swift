import ConnectModels
import TerminalUI

/// The four lists the items pane shows.
public enum ItemGroup: Int, CaseIterable, Hashable, Sendable {
    case found, replaced, refunded, stillShopping

    public var title: String {
        switch self {
        case .found: "Found"
        case .replaced: "Replaced"
        case .refunded: "Refunded"
        case .stillShopping: "Still shopping"
        }
    }

    public var role: Role {
        switch self {
        case .found: .itemFound
        case .replaced: .itemReplaced
        case .refunded: .itemRefunded
        case .stillShopping: .itemStillShopping
        }
    }

    /// Which list an item belongs in. A replacement the customer approved stays with the replacements, so
    /// the customer still sees what they get; one rejected without anything in its place is refunded.
    public static func of(_ item: LineItem) -> ItemGroup {
        switch item.status {
        case .found: return .found
        case .replaced: return .replaced
        case .approved: return item.replacement == nil ? .found : .replaced
        case .rejected, .toRefund, .notFound: return .refunded
        case .notPicked, .unknown: return .stillShopping
        }
    }

    /// How many items each list holds, every list present (0 when empty): the counts the items pane,
    /// `--plain` and `--json` all show.
    public static func counts(of items: [LineItem]) -> [ItemGroup: Int] {
        var counts = Dictionary(uniqueKeysWithValues: allCases.map { ($0, 0) })
        for item in items { counts[of(item), default: 0] += 1 }
        return counts
    }
}

/// One row of the items pane.
public enum ItemRow: Hashable, Sendable {
    case groupHeader(ItemGroup, count: Int)
    /// An item, by index into `DashboardState.items`.
    case item(Int, ItemGroup)
    /// The suggested replacement under a replaced item.
    case replacement(Int)
    case spacer
}

/// The items sorted into their lists once per items update, so each frame draws only the rows it shows.
public struct ItemList: Hashable, Sendable {
    public private(set) var rows: [ItemRow] = []
    /// Row indices of the selectable item rows, in screen order.
    public private(set) var itemRows: [Int] = []
    /// Position in `itemRows` of each line item id.
    public private(set) var selectionIndexByID: [FlexibleID: Int] = [:]
    public private(set) var counts: [ItemGroup: Int] = [:]
    public private(set) var total = 0

    public init() {}

    public init(items: [LineItem]) {
        var buckets: [[Int]] = Array(repeating: [], count: ItemGroup.allCases.count)
        for (i, item) in items.enumerated() { buckets[ItemGroup.of(item).rawValue].append(i) }
        total = items.count
        for group in ItemGroup.allCases {
            let members = buckets[group.rawValue]
            counts[group] = members.count
            if !rows.isEmpty { rows.append(.spacer) }
            rows.append(.groupHeader(group, count: members.count))
            for i in members {
                selectionIndexByID[items[i].id] = itemRows.count
                itemRows.append(rows.count)
                rows.append(.item(i, group))
                if items[i].replacement != nil { rows.append(.replacement(i)) }
            }
        }
    }

    /// Items no longer waiting for the shopper.
    public var picked: Int { total - (counts[.stillShopping] ?? 0) }
}
