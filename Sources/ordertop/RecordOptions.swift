import ArgumentParser
import ConnectClient
import Foundation
import Recording

/// `--record FILE.har` and `--redact-chat`, on every command that talks to a Connect server.
struct RecordOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "Record every HTTP exchange in this HAR 1.2 file (secrets redacted; rewritten whole every 2 s and on exit). Play it back with: ordertop replay FILE.har",
        valueName: "file.har"))
    var record: String?

    @Flag(name: .long, help: "With --record: leave chat messages out of the recording; each is replaced by its length.")
    var redactChat = false

    func validate() throws {
        if redactChat, record == nil { throw ValidationError("--redact-chat only applies to a recording: add --record FILE.har") }
        if let record, record.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--record needs a file name") }
    }

    /// Starts the recorder, or returns nil without --record. The file is written at once, so a path that cannot be
    /// written fails here, in one line, before any screen opens.
    func start(command: String, orders: [RecordedOrder], interval: Double?) async throws -> HARRecorder? {
        guard let record else { return nil }
        let session = RecordingSession(command: command, orders: orders, redactedChat: redactChat, startedAt: Date(), interval: interval)
        let recorder = HARRecorder(path: record, session: session, redactChat: redactChat)
        do {
            try await recorder.start()
        } catch {
            throw CommandFailure.fail("cannot record: \(error)", code: 2)
        }
        return recorder
    }
}

extension HARRecorder {
    /// The transport a client records through: real HTTP, each exchange kept in this recording.
    nonisolated func transport(over base: HTTPClientTransport) -> RecordingTransport {
        RecordingTransport(base: base, recorder: self)
    }

    /// Writes the recording a last time; a failure is said on stderr (the screen is gone by now), not thrown, so
    /// the command's own outcome stands.
    func close() async {
        do {
            try finish()
        } catch {
            FileHandle.standardError.write(Data("error: the recording \(path) could not be written at the end: \(error)\n".utf8))
        }
    }
}
