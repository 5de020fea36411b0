import ConnectModels
import Foundation

/// Moves the replay's clock along the recording: `speed` times as fast as real time, standing still while paused,
/// jumping to the next change on request, and ending once the recording's last reply has been played.
public actor ReplayPlayer {
    public nonisolated let timeline: ReplayTimeline
    public nonisolated let clock: ReplayClock
    public nonisolated let feed: ReplayFeed
    public nonisolated let speed: Double
    private let realClock: ElapsedClock
    private let step: Duration
    public private(set) var isPaused = false

    /// - Parameters:
    ///   - speed: how many recorded seconds pass in one real second (> 0).
    ///   - step: how often the clock moves, in real time.
    ///   - realClock: `ContinuousClock()` in production, a test clock in tests.
    public init(timeline: ReplayTimeline, speed: Double = 1, step: Duration = .milliseconds(50),
                realClock: any Clock<Duration> = ContinuousClock()) {
        precondition(speed > 0 && speed.isFinite, "the speed must be a positive number")
        self.timeline = timeline
        self.speed = speed
        self.step = step
        self.realClock = ElapsedClock(realClock)
        clock = ReplayClock()
        feed = ReplayFeed(timeline)
    }

    /// The recorded moment the replay has reached.
    public nonisolated func date() -> Date { timeline.date(at: clock.now.offset) }

    /// How far into the recording the replay is.
    public nonisolated var position: Duration { clock.now.offset }

    /// True once the clock has reached the recording's last reply.
    public nonisolated var reachedEnd: Bool { clock.now.offset >= timeline.end }

    /// Plays until the clock reaches the recording's end; returns then, or when cancelled.
    public func play() async {
        var last = realClock.now()
        while !reachedEnd {
            do { try await realClock.sleepUntil(last + step) } catch { return }
            let now = realClock.now()
            let elapsed = now - last
            last = now
            await advance(byReal: elapsed)
        }
    }

    /// Moves recorded time on by `elapsed` real time at the speed, unless paused, one recorded reply at a time: each
    /// is given a moment to reach its tracker before the next, so replies are taken in the order they arrived when
    /// recording, however large the step.
    public func advance(byReal elapsed: Duration) async {
        guard !isPaused else { return }
        let target = min(clock.now.offset + elapsed * speed, timeline.end)
        for moment in timeline.arrivals(after: clock.now.offset, through: target) {
            let delivered = await feed.deliveredCount
            clock.advance(to: .init(offset: moment))
            await letRepliesLand(deliveredBefore: delivered)
        }
        clock.advance(to: .init(offset: target))
    }

    /// Gives the trackers woken by a step the chance to take their replies, and act on them, before time moves on:
    /// a tracker that hears of a new state only after the next reply has come could take that reply with a poll the
    /// new state ends. When a reply was delivered, a millisecond of real time lets the trackers' own work run on a
    /// busy machine, where yielding alone may not reach them.
    private func letRepliesLand(deliveredBefore: Int) async {
        let now = clock.now.offset
        for _ in 0..<1000 {
            await Task.yield()
            if await feed.due(at: now) == 0 { break }
        }
        for _ in 0..<3 { await Task.yield() }
        if await feed.deliveredCount != deliveredBefore { try? await Task.sleep(for: .milliseconds(1)) }
    }

    /// Pauses or resumes; returns true when now paused.
    public func togglePause() -> Bool {
        isPaused.toggle()
        return isPaused
    }

    /// Jumps to the next moment something changed in the recording (or its end).
    public func nextChange() {
        let target = timeline.nextChange(after: clock.now.offset) ?? timeline.end
        clock.advance(to: .init(offset: target))
    }

    /// Waits until the recording's end has been reached and every reply handed out has reached its caller, and then a
    /// short moment of real time for the trackers to pass the last of them on.
    public func settle(grace: Duration = .milliseconds(300)) async {
        while true {
            if reachedEnd, await feed.due(at: clock.now.offset) == 0 {
                do { try await realClock.sleepUntil(realClock.now() + grace) } catch { return }
                if await feed.due(at: clock.now.offset) == 0 { return }
            } else {
                do { try await realClock.sleepUntil(realClock.now() + step) } catch { return }
            }
        }
    }
}
