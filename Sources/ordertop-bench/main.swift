// ordertop-bench: how long one dashboard frame takes, and how many bytes reach the terminal.
// Rerun with `swift run -c release ordertop-bench` (add `--frames N` for more samples).
import ConnectModels
import CursesTerminal
import Dashboard
import Foundation
import OrderTracking
import TerminalUI

let arguments = CommandLine.arguments
if arguments.dropFirst().first == "load-report" { exit(LoadReport.run(arguments: Array(arguments.dropFirst(2)))) }
let frames = arguments.firstIndex(of: "--frames").flatMap { Int(arguments[safe: $0 + 1] ?? "") } ?? 400
let size = Size(width: 200, height: 60)

/// A huge order: 1,000 items in every status and 2,000 chat messages.
func hugeOrderEvents(start: Date) -> [TrackerEvent] {
    let statuses: [ItemStatus] = [.found, .notPicked, .replaced, .toRefund, .found, .notPicked]
    let items = (0..<1000).map { i -> LineItem in
        let status = statuses[i % statuses.count]
        let unit: CostUnit = i % 3 == 0 ? .lb : .each
        let item = OrderItem(name: "Grocery item number \(i) with a fairly long name", quantity: FlexibleNumber(Double(i % 7 + 1)), costUnit: unit)
        var line = LineItem(id: FlexibleID("line-\(i)"), status: status, item: item)
        if status == .replaced {
            line.replacementStatus = .pending
            line.replacement = OrderItem(name: "Replacement for \(i)", quantity: FlexibleNumber(1.0), costUnit: .each)
        }
        return line
    }
    let metadata = ChatMetadata(customer: ChatParticipant(id: 1, displayName: "Sierra"),
                                shoppers: [ChatParticipant(id: 2, displayName: "Zelma")])
    let messages = (0..<2000).map { i -> ChatMessage in
        let fromShopper = i % 2 == 0
        let body = "Message \(i): I found the bananas, but the ones you picked are out; shall I take the next best?"
        return ChatMessage(id: FlexibleID(i), createdAt: start.addingTimeInterval(Double(i)), senderID: FlexibleID(fromShopper ? 2 : 1),
                           senderType: fromShopper ? .driver : .user, read: true, body: body)
    }
    return [
        .order(Order(id: "huge-order", creationDate: start, workflowState: .picking, fulfillmentType: .delivery,
                     fulfillmentDetails: FulfillmentDetails(windowStartsAt: start, windowEndsAt: start.addingTimeInterval(7200)))),
        .items(items),
        .handling(Handling(address: Address(addressLine1: "501 Belt Line Rd", locality: "Collinsville", administrativeArea: "IL",
                                            postalCode: "62234", countryCode: "US"),
                           coordinates: Coordinates(latitude: 38.6924568, longitude: -89.9785745))),
        .chat(ChatConversation(chatMessages: messages, metadata: metadata)),
    ]
}

func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, Int(Double(sorted.count) * p))]
}

let start = Date(timeIntervalSince1970: 1_700_000_000)
var state = DashboardState(now: start, timeZone: TimeZone(identifier: "UTC")!, size: size)
for event in hugeOrderEvents(start: start) { _ = reduce(&state, .tracker(event)) }

// 1. Time per frame: reduce one action, render, and diff against the previous frame.
var previous = renderFrame(state, size: size).canvas
var samples: [Double] = []
let clock = ContinuousClock()
let actions: [Action] = [.key(.character("j")), .tick(start.addingTimeInterval(1)), .key(.character("k")), .key(.tab)]
for i in 0..<frames {
    let action = actions[i % actions.count]
    let began = clock.now
    _ = reduce(&state, action)
    let frame = renderFrame(state, size: size)
    let runs = ScreenDiff.runs(from: previous, to: frame.canvas)
    let elapsed = clock.now - began
    previous = frame.canvas
    if runs.count < 0 { print("unreachable") }
    samples.append(elapsed.secondsDouble * 1000)
}

// 2. Bytes written to a terminal (curses on a temporary file, xterm-256color, 200x60).
var bytesUnchanged = -1
var bytesOneItem = -1
var firstFrameBytes = -1
let theme = BuiltInThemes.defaultTheme
await MainActor.run {
    do {
        let screen = try OffscreenCurses.start(term: "xterm-256color", size: size, options: .init(mouse: false),
                                                     styles: { theme.style(for: $0, depth: $1) })
        defer { screen.stop() }
        var s = DashboardState(now: start, timeZone: TimeZone(identifier: "UTC")!, size: size)
        let events = hugeOrderEvents(start: start)
        for event in events { _ = reduce(&s, .tracker(event)) }
        screen.draw(renderFrame(s, size: size).canvas)
        firstFrameBytes = screen.bytesWrittenSinceLastCall()
        screen.draw(renderFrame(s, size: size).canvas)
        bytesUnchanged = screen.bytesWrittenSinceLastCall()
        // One item changes: the first item still being shopped is found.
        if case .items(var items) = events[1], let i = items.firstIndex(where: { $0.status == .notPicked }) {
            items[i].status = .found
            _ = reduce(&s, .tracker(.items(items)))
        }
        screen.draw(renderFrame(s, size: size).canvas)
        bytesOneItem = screen.bytesWrittenSinceLastCall()
    } catch {
        print("cannot start an offscreen terminal: \(error)")
    }
}

#if DEBUG
let configuration = "debug"
#else
let configuration = "release"
#endif
print("ordertop-bench (\(configuration) build), huge order: 1000 items, 2000 messages, 200x60")
print(String(format: "frame (reduce + render + diff): median %.3f ms, p90 %.3f ms, min %.3f ms over %d frames; budget 2 ms: %@",
             median(samples), percentile(samples, 0.9), samples.min() ?? 0, frames, median(samples) < 2 ? "within" : "OVER"))
print("bytes to the terminal: first frame \(firstFrameBytes), unchanged frame \(bytesUnchanged), one-item change \(bytesOneItem)")

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

let board = BoardBench.measure(frames: frames, size: size)
print(String(format: "board frame (500 orders, reduce + render): median %.3f ms, p90 %.3f ms over %d frames; budget 2 ms: %@",
             board.median, board.p90, frames, board.median < 2 ? "within" : "OVER"))
