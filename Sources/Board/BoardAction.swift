import TerminalUI
import Foundation
import OrderTracking
import OrderFeed

/// Something that happened to the board: news from one order's tracker, a key, the clock, the terminal, the scheduler.
public enum BoardAction: Hashable, Sendable {
    case tracker(orderID: String, TrackerEvent)
    case key(Key)
    /// The clock moved on: ages and time in state grow, and an order can become stuck.
    case tick(Date)
    case resize(Size)
    /// Orders now on the board (from the orders file, or after `.addOrder`); one already there is ignored.
    case ordersAdded([OrderRef])
    /// Lines of the orders file that were skipped, each saying where and why.
    case orderLoadProblems([String])
    /// The scheduler's refresh cycle in words for the header, e.g. "each order every ~12 s".
    case cycle(String)
    /// Something for the status line from the host, such as an order that could not be added.
    case notice(Notice)
    /// The replay's clock stopped (true) or goes again.
    case replayPaused(Bool)
}

/// Work the board asks its host to do; the reducer never does it itself.
public enum BoardEffect: Hashable, Sendable {
    /// Open the full dashboard of this order.
    case drillIn(orderID: String)
    /// Start tracking an order typed with `o`; the host answers with `.ordersAdded` once it is on.
    case addOrder(userID: String, orderID: String)
    case quit
    /// Ring the terminal bell: an order newly needs attention.
    case bell
    /// A desktop notification (OSC 9); the text is sanitized and short.
    case notify(String)
    /// Forget what the terminal shows and draw it all again (Ctrl-L).
    case repaint
    /// In a replay: pause or resume the recording's clock (space).
    case toggleReplayPause
    /// In a replay: jump to the next change in the recording (n).
    case nextReplayChange
}

/// What the line at the bottom is taking typed text for.
public enum BoardInputMode: Hashable, Sendable {
    /// `/`: the filter, applied as it is typed.
    case filter
    /// `o`: "USER_ID ORDER_ID" of an order to add.
    case addOrder
}
