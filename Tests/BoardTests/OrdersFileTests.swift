import Board
import Testing
import OrderFeed

/// `--orders FILE`: plain lines, comments, CSV, and bad lines reported by number while the rest load.
@Suite("Orders file")
struct OrdersFileTests {
    @Test("lines of USER_ID ORDER_ID with comments and blank lines")
    func plainLines() {
        let text = """
            # the morning shift
            user-1 order-1
            user-2\torder-2   # a tab works too

            user-3 order-3
            """
        let contents = OrdersFile.parse(text, name: "orders.txt")
        #expect(contents.orders == [OrderRef(userID: "user-1", orderID: "order-1"), OrderRef(userID: "user-2", orderID: "order-2"),
                                    OrderRef(userID: "user-3", orderID: "order-3")])
        #expect(contents.problems.isEmpty)
    }

    @Test("CSV with a header, in any column order")
    func csv() {
        let text = "order_id,user_id,note\no-1,u-1,vip\no-2,u-2,\n"
        let contents = OrdersFile.parse(text, name: "desk.csv")
        #expect(contents.orders == [OrderRef(userID: "u-1", orderID: "o-1"), OrderRef(userID: "u-2", orderID: "o-2")])
        #expect(contents.problems.isEmpty)
    }

    @Test("a bad line is reported with its number and skipped; the rest load")
    func badLines() {
        let text = "user-1 order-1\njust-one-field\nuser-2 order-2 extra\nuser-3 ord\u{1B}[31m\nuser-1 order-1\nuser-4 order-4\n"
        let contents = OrdersFile.parse(text, name: "o.txt")
        #expect(contents.orders.map(\.orderID) == ["order-1", "order-4"])
        #expect(contents.problems.count == 4)
        #expect(contents.problems[0] == "o.txt:2: expected USER_ID ORDER_ID (2 fields), got 1")
        #expect(contents.problems[1].hasPrefix("o.txt:3: "))
        #expect(contents.problems[2].hasPrefix("o.txt:4: ") && !contents.problems[2].contains("\u{1B}"))
        #expect(contents.problems[3] == "o.txt:5: order order-1 is listed twice; following it once")
    }

    @Test("a CSV row with too few fields names its line")
    func shortCSVRow() {
        let contents = OrdersFile.parse("user_id,order_id\nu-1\nu-2,o-2", name: "x.csv")
        #expect(contents.orders == [OrderRef(userID: "u-2", orderID: "o-2")])
        #expect(contents.problems == ["x.csv:2: expected user_id,order_id columns, got 1 field(s)"])
    }
}
