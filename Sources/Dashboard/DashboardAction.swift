import ConnectModels
import Foundation
import OrderTracking
import TerminalUI

/// Something that happened to the dashboard: a key, news from the tracker, the clock, the terminal.
public enum Action: Hashable, Sendable {
    case key(Key)
    case tracker(TrackerEvent)
    /// The clock moved on; also expires status messages.
    case tick(Date)
    case resize(Size)
    /// The app switched theme (after `.cycleTheme`); `problems` say what was wrong with its file.
    case themeLoaded(name: String, problems: [String])
    /// `.cycleTheme` changed nothing because NO_COLOR is set.
    case themesOff
    /// A problem found while starting, such as a theme that could not be used.
    case startupWarning(String)
    /// The demo driver paused or resumed.
    case demoPaused(Bool)
    /// An effect could not be carried out; `reason` says why.
    case effectFailed(Effect, reason: String)
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
