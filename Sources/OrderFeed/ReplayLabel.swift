import Foundation
import TerminalUI

/// What a header says during a replay: the recorded time, the speed when it is not 1, and whether it is paused.
public enum ReplayLabel {
    /// "REPLAY 14:02:31 ×4 (paused)".
    public static func text(now: Date, timeZone: TimeZone, speed: Double, paused: Bool) -> String {
        let speedText = speed == speed.rounded() && abs(speed) < 1e9 ? String(Int(speed)) : String(format: "%g", speed)
        return "REPLAY \(LocalTime(timeZone: timeZone).clockSeconds(now))" + (speed == 1 ? "" : " ×\(speedText)") + (paused ? " (paused)" : "")
    }
}
