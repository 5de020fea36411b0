import TerminalUI

/// One order on the board: the user whose token reads it, and its id.
public struct OrderRef: Hashable, Sendable {
    public var userID: String
    public var orderID: String

    public init(userID: String, orderID: String) {
        self.userID = userID
        self.orderID = orderID
    }

    /// The longest id accepted; real ids are far shorter, so a longer one is a paste gone wrong.
    public static let maximumIDLength = 64

    /// Reads "USER_ID ORDER_ID" (spaces or tabs between); the problem in words when the text is not that.
    public static func parse(_ text: String) -> Result<OrderRef, OrderRefProblem> {
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard parts.count == 2 else {
            return .failure(parts.isEmpty ? .empty : .wrongFieldCount(parts.count))
        }
        for (name, value) in [("user id", parts[0]), ("order id", parts[1])] {
            if value.count > maximumIDLength { return .failure(.tooLong(field: name)) }
            if !value.allSatisfy(isIDCharacter) { return .failure(.badCharacter(field: name, value: Text.sanitize(value))) }
        }
        return .success(OrderRef(userID: parts[0], orderID: parts[1]))
    }

    /// Ids are plain ASCII letters, digits and `-_.:`; anything else is not an id the API hands out.
    static func isIDCharacter(_ c: Character) -> Bool {
        guard c.isASCII, let v = c.asciiValue else { return false }
        return c.isLetter || c.isNumber || v == 0x2D || v == 0x5F || v == 0x2E || v == 0x3A
    }
}

/// Why a "USER_ID ORDER_ID" line was refused, in words that say what to type instead.
public enum OrderRefProblem: Error, Hashable, Sendable, CustomStringConvertible {
    case empty
    case wrongFieldCount(Int)
    case tooLong(field: String)
    case badCharacter(field: String, value: String)

    public var description: String {
        switch self {
        case .empty: "type a user id and an order id, separated by a space"
        case .wrongFieldCount(let n): "expected USER_ID ORDER_ID (2 fields), got \(n)"
        case .tooLong(let field): "the \(field) is longer than \(OrderRef.maximumIDLength) characters"
        case .badCharacter(let field, let value):
            "the \(field) \"\(Text.truncate(value, toCells: 20))\" has characters an id cannot have (letters, digits, - _ . : only)"
        }
    }
}
