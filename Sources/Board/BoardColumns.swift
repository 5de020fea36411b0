import TerminalUI

/// A column of the board's table.
public enum BoardColumn: String, CaseIterable, Hashable, Sendable {
    case id, customer, type, state, picked, replacements, unread, distance, inState, age, connection

    /// The column's title in the header row.
    public var title: String {
        switch self {
        case .id: "id"
        case .customer: "customer"
        case .type: "type"
        case .state: "state"
        case .picked: "picked"
        case .replacements: "repl"
        case .unread: "unread"
        case .distance: "dist"
        case .inState: "in state"
        case .age: "age"
        case .connection: "conn"
        }
    }

    /// The fewest cells the column needs; customer and state grow into spare room up to `widest`.
    var narrowest: Int {
        switch self {
        case .id: 8
        case .customer: 10
        case .type: 9
        case .state: 14
        case .picked: 7
        case .replacements: 4
        case .unread: 6
        case .distance: 7
        case .inState: 8
        case .age: 5
        case .connection: 7
        }
    }

    var widest: Int {
        switch self {
        case .customer: 28
        case .state: 25
        default: narrowest
        }
    }

    /// Numbers line up on the right.
    var alignment: Text.Alignment {
        switch self {
        case .picked, .replacements, .unread, .distance, .inState, .age: .right
        default: .left
        }
    }

    /// The order in which columns leave a narrowing terminal, first to go first. Distance matters only while
    /// delivering and the type rarely changes what to do; the age, replacements and picked counts come next.
    /// The connection, time in state, unread count and customer are what support acts on, so they stay longest.
    /// The id and the state never go: without them a row means nothing.
    public static let dropOrder: [BoardColumn] = [.distance, .type, .age, .replacements, .picked, .connection, .inState, .unread, .customer]

    /// Cells before the id for the attention mark ("! ").
    static let markWidth = 2
}

/// Where each shown column sits on a row.
public struct BoardColumnLayout: Hashable, Sendable {
    /// A shown column, its first cell and its width.
    public struct Placed: Hashable, Sendable {
        public var column: BoardColumn
        public var x: Int
        public var width: Int
    }

    public private(set) var columns: [Placed] = []

    /// The columns that fit in `width` cells, dropping them in `BoardColumn.dropOrder`, with spare room going
    /// to the state and then the customer.
    public init(width: Int) {
        var shown = BoardColumn.allCases
        func needed(_ columns: [BoardColumn]) -> Int {
            BoardColumn.markWidth + columns.reduce(0) { $0 + $1.narrowest } + max(0, columns.count - 1)
        }
        for column in BoardColumn.dropOrder where needed(shown) > width { shown.removeAll { $0 == column } }
        var widths = Dictionary(uniqueKeysWithValues: shown.map { ($0, $0.narrowest) })
        var spare = width - needed(shown)
        for column in [BoardColumn.state, .customer] where widths[column] != nil && spare > 0 {
            let grow = min(spare, column.widest - column.narrowest)
            widths[column, default: 0] += grow
            spare -= grow
        }
        var x = BoardColumn.markWidth
        for column in shown {
            let w = widths[column] ?? column.narrowest
            columns.append(Placed(column: column, x: x, width: w))
            x += w + 1
        }
    }

    public var shown: [BoardColumn] { columns.map(\.column) }
}
