import ConnectModels
import Foundation

/// Collects a run's exchanges and keeps a HAR file of them on disk, rewritten atomically every few seconds,
/// so a run killed at any moment leaves a whole file with everything up to its last write.
public actor HARRecorder {
    /// The file written.
    public nonisolated let path: String
    /// What the run was watching, written as `_ordertop`.
    public private(set) var session: RecordingSession
    nonisolated let clock: any Clock<Duration>
    let flushEvery: Duration
    let redactor: HARRedactor
    let encoder = HARJSON.encoder()

    /// An entry encoded once, when recorded; each write concatenates these.
    struct Stored {
        let started: Date
        let sequence: Int
        let json: Data
    }

    private var entries: [Stored] = []
    private var sequence = 0
    private var changed = false
    private var lastWriteTook: Duration = .zero
    private var task: Task<Void, Never>?
    /// How many times the file was written.
    public private(set) var writeCount = 0
    /// The last periodic write's failure, cleared by the next write that works; `finish()` throws its own.
    public private(set) var lastError: HARFileError?

    public init(path: String, session: RecordingSession, redactChat: Bool, flushEvery: Duration = .seconds(2),
                clock: any Clock<Duration> = ContinuousClock()) {
        self.path = path
        self.session = session
        self.redactor = HARRedactor(redactChat: redactChat)
        self.flushEvery = flushEvery
        self.clock = clock
    }

    /// How many exchanges were recorded.
    public var entryCount: Int { entries.count }

    /// Writes an empty recording at once, so a path that cannot be written fails before anything else starts,
    /// then rewrites the file every `flushEvery` while something changed.
    public func start() throws {
        guard task == nil else { return }
        try write()
        task = Task { [weak self, clock = self.clock] in
            while !Task.isCancelled {
                guard let delay = await self?.nextDelay else { return }
                do { try await clock.sleep(for: delay) } catch { return }
                await self?.periodicFlush()
            }
        }
    }

    /// Redacts the exchange and adds it, in order of when it started.
    public func record(_ exchange: RecordedExchange) {
        let entry = HAREntry(redactor.redact(exchange))
        // Only a non-finite number fails to encode, and no field of an entry made from a duration is one.
        guard let json = try? encoder.encode(entry) else { return }
        sequence += 1
        let stored = Stored(started: exchange.started, sequence: sequence, json: json)
        // Requests run at once and finish out of order; most land at the end, so search from there.
        let index = entries.lastIndex { $0.started <= stored.started }.map { $0 + 1 } ?? 0
        entries.insert(stored, at: index)
        changed = true
    }

    /// Adds orders the run follows from now on (a board's orders arrive as they are read); one already listed is kept once.
    public func noteOrders(_ orders: [RecordedOrder]) {
        for order in orders where !session.orders.contains(where: { $0.orderID == order.orderID }) {
            session.orders.append(order)
            changed = true
        }
    }

    /// Writes the file now if anything changed since the last write.
    public func flush() throws {
        guard changed else { return }
        try write()
    }

    /// The last write: stops the periodic one and writes everything recorded. Later records stay in memory
    /// until another `flush()`.
    public func finish() throws {
        task?.cancel()
        task = nil
        try write()
    }

    /// The wait before the next periodic write: `flushEvery`, or five times the last write when writing is slow,
    /// so a huge recording on a slow disk never spends most of its time writing.
    public static func delay(every: Duration, lastWriteTook: Duration) -> Duration {
        max(every, lastWriteTook * 5)
    }

    var nextDelay: Duration { Self.delay(every: flushEvery, lastWriteTook: lastWriteTook) }

    func periodicFlush() {
        guard changed else { return }
        do { try write() } catch let error as HARFileError { lastError = error } catch {
            lastError = .unwritable(path: path, reason: "\(error)")
        }
    }

    private func write() throws {
        let started = ContinuousClock.now
        let data: Data
        do { data = try HARFile.assemble(HARLog(session: session), entries: entries.map(\.json)) } catch {
            throw HARFileError.unwritable(path: path, reason: "the log header did not encode: \(error)")
        }
        try HARFile.writeAtomically(data, to: path)
        lastWriteTook = ContinuousClock.now - started
        changed = false
        writeCount += 1
        lastError = nil
    }
}
