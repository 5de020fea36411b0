import ConnectModels
import Foundation
import Recording

/// Hands every request to `base` and records the exchange, a failure too, then returns or throws what `base` did.
public struct RecordingTransport: ConnectTransport {
    public let base: any ConnectTransport
    public let recorder: HARRecorder

    public init(base: any ConnectTransport, recorder: HARRecorder) {
        self.base = base
        self.recorder = recorder
    }

    public func execute(_ request: OutgoingRequest) async throws -> IncomingReply {
        let started = Date()
        let clock = ContinuousClock()
        let start = clock.now
        var exchange = RecordedExchange(started: started, duration: .zero, method: request.method, url: request.url,
                                        requestHeaders: request.headers, requestBody: request.body, status: 0,
                                        endpoint: request.endpoint, orderID: request.orderID)
        do {
            let reply = try await base.execute(request)
            exchange.duration = clock.now - start
            exchange.status = reply.status
            exchange.statusText = reply.statusText
            exchange.responseHeaders = reply.headers
            exchange.responseBody = reply.body
            await recorder.record(exchange)
            return reply
        } catch {
            exchange.duration = clock.now - start
            exchange.error = Self.reason(error, request: request)
            await recorder.record(exchange)
            throw error
        }
    }

    /// The `_error` of a request ordertop cancelled itself.
    public static let cancelled = "cancelled: ordertop stopped waiting for this reply"

    /// The failure in the words `ConnectClient` uses for it: the reason of a transport error, else its description.
    static func reason(_ error: any Error, request: OutgoingRequest) -> String {
        // ordertop itself gave up on the reply (a poll its tracker restarted): no server failure, and no reply anyone
        // heard, which a replay must know.
        if error is CancellationError || Task.isCancelled || "\(error)".lowercased().contains("cancel") { return cancelled }
        let connectError = error as? ConnectError
            ?? ConnectClient.transportError(error, endpoint: request.endpoint, base: request.baseURL)
        if case .transport(_, _, let reason, _) = connectError { return reason }
        return connectError.description
    }
}
