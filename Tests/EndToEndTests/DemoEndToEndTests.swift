import Foundation
import Testing

extension EndToEnd {
    /// `ordertop demo --speed 100` in tmux: the screen during picking, during delivering and at delivered, and a chat reply answered.
    @Suite("ordertop demo in tmux", .serialized, .enabled(if: Tmux.available, "tmux is not installed"))
    struct DemoEndToEndTests {
        static func count(_ list: String, in screen: String) -> Int? {
            guard let range = screen.range(of: "\(list) (") else { return nil }
            let digits = screen[range.upperBound...].prefix { $0.isNumber }
            return Int(digits)
        }

        @Test("picking moves items between lists, delivering shows the shopper, delivered stays up until q")
        func demoRun() throws {
            let binary = try Tmux.binary()
            let tmux = Tmux()
            let stateDir = FileManager.default.temporaryDirectory.appendingPathComponent("ordertop-demo-e2e-\(UUID().uuidString)")
            defer {
                tmux.kill()
                try? FileManager.default.removeItem(at: stateDir)
            }
            try tmux.start("env XDG_STATE_HOME=\(stateDir.path) TERM=tmux-256color \(binary) demo --speed 100 --seed 11; echo EXIT=$?; sleep 60",
                           width: 140, height: 45)

            // During picking: pause the shopper so the screen holds still, then step it on by hand.
            try tmux.waitForScreen("picking") { $0.contains("Picking") && $0.contains("Found (") }
            try tmux.keys("Space")
            let paused = try tmux.waitForScreen("the paused shopper") { $0.lowercased().contains("paused") }
            let stillBefore = try #require(Self.count("Still shopping", in: paused))
            var stepped = paused
            for _ in 0..<40 {
                try tmux.keys("n")
                stepped = try tmux.screen()
                if let still = Self.count("Still shopping", in: stepped), still < stillBefore { break }
                usleep(150_000)
            }
            let stillAfter = try #require(Self.count("Still shopping", in: stepped))
            #expect(stillAfter < stillBefore, "an item moved out of Still shopping (\(stillBefore) -> \(stillAfter))")

            // A chat reply, answered by the shopper (it answers while paused).
            if stepped.contains("Picking") || stepped.contains("Verifying") {
                try tmux.keys("i")
                try tmux.type("Thanks so much")
                try tmux.keys("Enter")
                try tmux.waitForScreen("the shopper's answer") {
                    $0.contains("You're welcome!") || $0.contains("Happy to help!") || $0.contains("Anytime!")
                }
                try tmux.keys("Escape")
            } else {
                Issue.record("the order left the chat window before the reply could be typed")
            }

            // During delivering: coordinates and the distance to the address.
            try tmux.keys("Space")
            let delivering = try tmux.waitForScreen("delivering with the shopper's position") { screen in
                screen.contains("Delivering ·") && (screen.contains(" km") || screen.contains(" m ")) && screen.contains("°")
            }
            #expect(delivering.contains("Shopper"))

            // Delivered, and the dashboard stays up until q.
            try tmux.waitForScreen("delivered") { $0.contains("· Delivered ·") || $0.contains("Delivered ·") }
            usleep(500_000)
            #expect(!(try tmux.screen()).contains("EXIT="), "the dashboard stays up after delivery")
            try tmux.keys("q")
            let end = try tmux.waitForScreen("the exit") { $0.contains("EXIT=") }
            #expect(end.contains("EXIT=0"))
        }

        @Test("--headless prints the base URL, the order id, a token and the watch command")
        func headless() throws {
            let binary = try Tmux.binary()
            let out = try Shell.output("XDG_STATE_HOME=/tmp timeout 5 \(binary) demo --headless --speed 100 --seed 2 --scenario last-mile; true")
            #expect(out.contains("sandbox:  http://127.0.0.1:"))
            #expect(out.contains("order:    "))
            #expect(out.contains("ORDERTOP_TOKEN="))
            #expect(out.contains("Scenario done: the order is delivered"))
        }

        @Test("bad flags get a clear message, not a crash")
        func badFlags() throws {
            let binary = try Tmux.binary()
            let speed = try Shell.output("\(binary) demo --speed=0 2>&1; echo EXIT=$?")
            #expect(speed.contains("--speed must be a number greater than 0"))
            let scenario = try Shell.output("\(binary) demo --scenario teleport 2>&1; echo EXIT=$?")
            #expect(scenario.contains("--scenario must be one of"))
            #expect(!speed.contains("EXIT=0") && !scenario.contains("EXIT=0"))
        }
    }
}
