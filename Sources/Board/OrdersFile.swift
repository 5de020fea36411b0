/// The orders a board follows, read from `--orders FILE`: lines of `USER_ID ORDER_ID`, `#` comments and
/// blank lines, or CSV with a `user_id,order_id` header. A bad line is reported with its number and skipped.
public enum OrdersFile {
    /// What a file held: the orders, each once, and a line for each problem ("orders.txt:4: …").
    public struct Contents: Hashable, Sendable {
        public var orders: [OrderRef]
        public var problems: [String]
    }

    public static func parse(_ text: String, name: String) -> Contents {
        var orders: [OrderRef] = []
        var seen = Set<String>()
        var problems: [String] = []
        var csvColumns: (user: Int, order: Int)?
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            var line = String(raw).trimmingCharacters(in: .whitespacesAndNewlines)
            if let hash = line.firstIndex(of: "#") { line = String(line[..<hash]).trimmingCharacters(in: .whitespaces) }
            if line.isEmpty { continue }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            if csvColumns == nil, orders.isEmpty, fields.count > 1 {
                let lower = fields.map { $0.lowercased() }
                if let user = lower.firstIndex(of: "user_id"), let order = lower.firstIndex(of: "order_id") {
                    csvColumns = (user, order)
                    continue
                }
            }
            let candidate: String
            if let columns = csvColumns {
                guard fields.count > max(columns.user, columns.order) else {
                    problems.append("\(name):\(number): expected user_id,order_id columns, got \(fields.count) field(s)")
                    continue
                }
                candidate = fields[columns.user] + " " + fields[columns.order]
            } else {
                candidate = line
            }
            switch OrderRef.parse(candidate) {
            case .success(let ref):
                if seen.insert(ref.orderID).inserted {
                    orders.append(ref)
                } else {
                    problems.append("\(name):\(number): order \(ref.orderID) is listed twice; following it once")
                }
            case .failure(let problem):
                problems.append("\(name):\(number): \(problem)")
            }
        }
        return Contents(orders: orders, problems: problems)
    }
}
