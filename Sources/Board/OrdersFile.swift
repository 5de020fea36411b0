import Foundation
import OrderFeed

/// The orders a board follows, read from `--orders FILE`: lines of `USER_ID ORDER_ID`, `#` comments and
/// blank lines, or CSV with a `user_id,order_id` header. A bad line is reported with its number and skipped.
public enum OrdersFile {
    /// What a file held: the orders, each once, and a line for each problem ("orders.txt:4: …").
    public struct Contents: Hashable, Sendable {
        public var orders: [OrderRef]
        public var problems: [String]

        public init(orders: [OrderRef] = [], problems: [String] = []) {
            self.orders = orders
            self.problems = problems
        }
    }

    /// What one line gave.
    public enum Line: Hashable, Sendable {
        case order(OrderRef)
        case problem(String)
        /// A blank line, a comment or the CSV header.
        case nothing
    }

    /// Reads lines one at a time, as they arrive on a pipe (`ordertop sandbox simulate | ordertop board --orders -`),
    /// keeping what a line depends on: its number, the CSV header, the orders already seen.
    public struct Reader: Sendable {
        public let name: String
        private var number = 0
        private var csvColumns: (user: Int, order: Int)?
        private var seen = Set<String>()

        public init(name: String) { self.name = name }

        public mutating func read(_ raw: some StringProtocol) -> Line {
            number += 1
            var line = String(raw).trimmingCharacters(in: .whitespacesAndNewlines)
            if let hash = line.firstIndex(of: "#") { line = String(line[..<hash]).trimmingCharacters(in: .whitespaces) }
            if line.isEmpty { return .nothing }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if csvColumns == nil, seen.isEmpty, fields.count > 1 {
                let lower = fields.map { $0.lowercased() }
                if let user = lower.firstIndex(of: "user_id"), let order = lower.firstIndex(of: "order_id") {
                    csvColumns = (user, order)
                    return .nothing
                }
            }
            let candidate: String
            if let columns = csvColumns {
                guard fields.count > max(columns.user, columns.order) else {
                    return .problem("\(name):\(number): expected user_id,order_id columns, got \(fields.count) field(s)")
                }
                candidate = fields[columns.user] + " " + fields[columns.order]
            } else {
                candidate = line
            }
            switch OrderRef.parse(candidate) {
            case .success(let ref):
                guard seen.insert(ref.orderID).inserted else {
                    return .problem("\(name):\(number): order \(ref.orderID) is listed twice; following it once")
                }
                return .order(ref)
            case .failure(let problem):
                return .problem("\(name):\(number): \(problem)")
            }
        }
    }

    public static func parse(_ text: String, name: String) -> Contents {
        var reader = Reader(name: name)
        var contents = Contents()
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            switch reader.read(raw) {
            case .order(let ref): contents.orders.append(ref)
            case .problem(let problem): contents.problems.append(problem)
            case .nothing: break
            }
        }
        return contents
    }
}
