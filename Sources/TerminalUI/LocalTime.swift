import Foundation

/// Formats instants in one time zone without a DateFormatter, so rendering stays cheap and deterministic.
public struct LocalTime: Hashable, Sendable {
    public var timeZone: TimeZone

    public init(timeZone: TimeZone) { self.timeZone = timeZone }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// Year, month, day, hour and minute of an instant in this zone.
    func parts(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int) {
        let t = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        let days = Int((Double(t) / 86_400).rounded(.down))
        let secs = t - days * 86_400
        // Howard Hinnant's days-to-civil algorithm.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return (y, m, d, secs / 3600, (secs % 3600) / 60)
    }

    /// "18:28".
    public func clock(_ date: Date) -> String {
        let p = parts(date)
        return pad(p.hour) + ":" + pad(p.minute)
    }

    /// "18:28:07", for logs where the second matters.
    public func clockSeconds(_ date: Date) -> String {
        let t = Int(date.timeIntervalSince1970.rounded(.down)) + timeZone.secondsFromGMT(for: date)
        return clock(date) + ":" + pad(((t % 60) + 60) % 60)
    }

    /// "Jan 13 18:28".
    public func dayAndClock(_ date: Date) -> String {
        let p = parts(date)
        return "\(Self.months[p.month - 1]) \(p.day) " + pad(p.hour) + ":" + pad(p.minute)
    }

    /// True when both instants fall on the same local day.
    public func sameDay(_ a: Date, _ b: Date) -> Bool {
        let pa = parts(a), pb = parts(b)
        return pa.year == pb.year && pa.month == pb.month && pa.day == pb.day
    }

    /// "Jan 13 18:28–20:28", or both ends in full when the window spans days.
    public func window(_ start: Date?, _ end: Date?) -> String? {
        switch (start, end) {
        case let (s?, e?):
            return sameDay(s, e) ? dayAndClock(s) + "–" + clock(e) : dayAndClock(s) + " – " + dayAndClock(e)
        case let (s?, nil): return "from " + dayAndClock(s)
        case let (nil, e?): return "by " + dayAndClock(e)
        case (nil, nil): return nil
        }
    }

    private func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
