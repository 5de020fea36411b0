import ConnectModels
import Foundation
import Hummingbird

/// Serves injected faults before routing, one use per matching request.
struct FaultMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext
    let store: SandboxStore

    /// Thrown from a body writer so NIO drops the connection mid-body.
    struct ConnectionDropped: Error {}

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        // The fault controls themselves never fail, so a fault cannot lock people out.
        guard !request.uri.path.hasPrefix("/v2/fulfillment_sandbox/faults"),
              let kind = await store.takeFault(method: request.method.rawValue, path: request.uri.path) else {
            return try await next(request, context)
        }
        switch kind {
        case .status(let code, let retryAfter):
            let status = HTTPResponse.Status(code: code)
            var headers: [String: String] = [:]
            if let retryAfter { headers["Retry-After"] = String(retryAfter) }
            let message = code == 429 ? "Too many requests: retry later" : "Injected failure (\(code))"
            return SandboxError(status, message, code: nil, headers: headers).response()
        case .garbage:
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: ResponseBody(byteBuffer: ByteBuffer(string: "<html><body>502 Bad Gateway</body></html>\u{1B}[31m{\"id\":")))
        case .closeConnection:
            // Promise a long body, send a little of it, then fail the writer: NIO closes the channel.
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: ResponseBody(contentLength: 4096) { writer in
                                try await writer.write(ByteBuffer(string: "{\"id\":\"trunc"))
                                throw ConnectionDropped()
                            })
        case .dropResponse:
            // Carry the request out, then promise a reply and close before any of it is sent.
            _ = try await next(request, context)
            return Response(status: .ok, headers: [.contentType: "application/json"],
                            body: ResponseBody(contentLength: 4096) { _ in throw ConnectionDropped() })
        case .delay(let milliseconds):
            try await Task.sleep(for: .milliseconds(milliseconds))
            return try await next(request, context)
        }
    }
}
