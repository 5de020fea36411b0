import ConnectModels
import Foundation
import OrderTracking

/// Something that happened to the dashboard: a key, news from the tracker, the clock, the terminal.
public enum Action: Hashable, Sendable {
    case key(Key)
    case tracker(TrackerEvent)
    /// The clock moved on; also expires status messages.
    case tick(Date)
    case resize(Size)
    /// The app switched theme (after `.cycleTheme`).
    case themeChanged(String)
    /// The demo driver paused or resumed.
    case demoPaused(Bool)
}

/// Work the dashboard asks the app to do; the reducer never does it itself.
public enum Effect: Hashable, Sendable {
    case sendChat(String)
    case markChatRead
    case approveReplacement(lineItemID: FlexibleID)
    case rejectReplacement(lineItemID: FlexibleID)
    case refreshNow
    case cycleTheme
    case quit
    case demoTogglePause
    case demoNextStep
    /// Queue every failed chat message again.
    case retryFailedMessages
    /// Forget what the terminal shows and draw it all again (Ctrl-L).
    case repaint
}
