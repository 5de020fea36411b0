import ConnectModels
import Foundation

/// `ordertop-bench load-report --access-log FILE --events FILE`: the board-under-load figures from two files of one
/// run — the sandbox's access log (`ordertop sandbox serve --access-log`) and the board's `--json` output.
/// - Requests per second: the board's requests (its `User-Agent` says "(board)"), by arrival at the sandbox, counted
///   in calendar seconds and in every sliding one-second window.
/// - Delay: for each workflow-state change the sandbox logged, the time until the board printed that order in that
///   state; changes the board never showed (the order moved on before its next poll) are counted apart.
enum LoadReport {
    struct Figures {
        var requests = 0
        var span: TimeInterval = 0
        var busiestCalendarSecond = 0
        var busiestSlidingSecond = 0
        var delays: [TimeInterval] = []
        var changes = 0
        /// Changes the board never showed because the order changed again before the board read it.
        var overtaken = 0
        /// Changes not shown before the board's run ended.
        var unseen = 0
    }

    static func run(arguments: [String]) -> Int32 {
        func value(_ name: String) -> String? { arguments.firstIndex(of: name).flatMap { arguments[safe: $0 + 1] } }
        guard let accessLog = value("--access-log"), let eventsFile = value("--events") else {
            print("usage: ordertop-bench load-report --access-log FILE --events FILE [--agent TEXT] [--from ISO8601] [--to ISO8601]")
            return 2
        }
        let agent = value("--agent") ?? "(board)"
        let from = value("--from").flatMap(ConnectJSON.parseDate) ?? .distantPast
        let to = value("--to").flatMap(ConnectJSON.parseDate) ?? .distantFuture
        do {
            let figures = try measure(accessLog: lines(accessLog), events: lines(eventsFile), agent: agent, from: from, to: to)
            report(figures)
            return 0
        } catch {
            print("error: \(error)")
            return 1
        }
    }

    static func lines(_ path: String) throws -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw LoadReportError("cannot read \(path)")
        }
        return data.split(separator: UInt8(ascii: "\n")).compactMap { try? JSONSerialization.jsonObject(with: Data($0)) as? [String: Any] }
    }

    static func measure(accessLog: [[String: Any]], events: [[String: Any]], agent: String, from: Date, to: Date) -> Figures {
        func time(_ line: [String: Any]) -> Date? { (line["time"] as? String).flatMap(ConnectJSON.parseDate) }
        var figures = Figures()
        let requests = accessLog.filter { ($0["agent"] as? String)?.contains(agent) == true && $0["method"] != nil }
            .compactMap(time).filter { $0 >= from && $0 <= to }.sorted()
        figures.requests = requests.count
        figures.span = (requests.last ?? from).timeIntervalSince(requests.first ?? from)
        var perSecond: [Int: Int] = [:]
        for date in requests { perSecond[Int(date.timeIntervalSince1970.rounded(.down)), default: 0] += 1 }
        figures.busiestCalendarSecond = perSecond.values.max() ?? 0
        var head = 0
        for (index, date) in requests.enumerated() {
            while date.timeIntervalSince(requests[head]) >= 1 { head += 1 }
            figures.busiestSlidingSecond = max(figures.busiestSlidingSecond, index - head + 1)
        }
        // When the board first showed each order in each state.
        var shown: [String: [(Date, String)]] = [:]
        for event in events where event["type"] as? String == "order" {
            guard let id = event["order_id"] as? String, let state = event["state"] as? String, let at = time(event) else { continue }
            shown[id, default: []].append((at, state))
        }
        let lastEvent = events.compactMap(time).max() ?? .distantPast
        // Every order's changes in time order, to tell a change the board missed from one it had no time to see.
        var changes: [String: [(Date, String)]] = [:]
        for change in accessLog where change["event"] as? String == "workflow_state" {
            guard let id = change["order_id"] as? String, let state = change["state"] as? String, let at = time(change) else { continue }
            changes[id, default: []].append((at, state))
        }
        for change in accessLog where change["event"] as? String == "workflow_state" {
            guard let id = change["order_id"] as? String, let state = change["state"] as? String, let at = time(change),
                  at >= from, at <= to, shown[id] != nil else { continue }
            figures.changes += 1
            let next = changes[id]?.first { $0.0 > at }?.0 ?? .distantFuture
            if let seen = shown[id]?.first(where: { $0.0 >= at.addingTimeInterval(-0.5) && $0.0 < next && $0.1 == state }) {
                figures.delays.append(max(0, seen.0.timeIntervalSince(at)))
            } else if next < lastEvent {
                figures.overtaken += 1
            } else {
                figures.unseen += 1
            }
        }
        return figures
    }

    static func report(_ f: Figures) {
        let rate = f.span > 0 ? Double(f.requests) / f.span : 0
        print(String(format: "board requests: %d over %.0f s, %.2f per second on average", f.requests, f.span, rate))
        print("most board requests in one calendar second: \(f.busiestCalendarSecond); in any sliding one-second window: \(f.busiestSlidingSecond)")
        let sorted = f.delays.sorted()
        func at(_ p: Double) -> Double { sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))] }
        print(String(format: "state change to the board showing it: median %.1f s, p90 %.1f s, max %.1f s over %d changes shown",
                     at(0.5), at(0.9), sorted.last ?? 0, sorted.count)
              + "; of \(f.changes) changes, \(f.overtaken) were overtaken by the order's next change before the board read it"
              + " and \(f.unseen) came too late in the run to be read")
    }
}

struct LoadReportError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
