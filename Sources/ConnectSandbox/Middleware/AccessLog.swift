import Foundation
import Hummingbird

/// Appends one JSON object per request to a file: time (when the request arrived), method, path, status, duration_ms
/// and agent (the `User-Agent`, so one client's requests can be told from another's). An order that changes workflow
/// state gets a line of its own, `{"time", "event": "workflow_state", "order_id", "state"}`, so a benchmark can time
/// how long a client takes to show the change.
public actor AccessLog {
    private let handle: FileHandle

    /// Opens (or creates) the file for appending.
    public init(path: String) throws {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw SandboxServerError.cannotOpenAccessLog(path)
            }
        }
        guard let handle = FileHandle(forWritingAtPath: path) else { throw SandboxServerError.cannotOpenAccessLog(path) }
        handle.seekToEndOfFile()
        self.handle = handle
    }

    func stateChanged(orderID: String, state: String, at time: Date) {
        let stamp = time.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        let text = "{\"time\":\(Self.quoted(stamp)),\"event\":\"workflow_state\",\"order_id\":\(Self.quoted(orderID)),"
            + "\"state\":\(Self.quoted(state))}\n"
        handle.write(Data(text.utf8))
    }

    /// A JSON string, escaped by the encoder.
    static func quoted(_ text: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return (try? encoder.encode(text)).map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }

    func write(time: Date, method: String, path: String, status: Int, duration: Duration, agent: String) {
        let ms = (duration.secondsDouble * 1_000_000).rounded() / 1000
        let stamp = time.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        // Keys in a fixed, readable order; values through the encoder so paths are escaped properly.
        let quoted = Self.quoted
        let text = "{\"time\":\(quoted(stamp)),\"method\":\(quoted(method)),\"path\":\(quoted(path)),"
            + "\"status\":\(status),\"duration_ms\":\(ms),\"agent\":\(quoted(agent))}\n"
        let data = Data(text.utf8)
        handle.write(data)
    }
}

/// Times every request and writes it to the access log.
struct AccessLogMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let log: AccessLog

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let start = ContinuousClock.now
        let time = Date()
        let agent = request.headers[.userAgent] ?? ""
        do {
            let response = try await next(request, context)
            await log.write(time: time, method: request.method.rawValue, path: request.uri.path, status: Int(response.status.code),
                            duration: ContinuousClock.now - start, agent: agent)
            return response
        } catch {
            await log.write(time: time, method: request.method.rawValue, path: request.uri.path, status: 500, duration: ContinuousClock.now - start, agent: agent)
            throw error
        }
    }
}
