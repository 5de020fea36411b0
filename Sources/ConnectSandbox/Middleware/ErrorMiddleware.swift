import ConnectModels
import Foundation
import Hummingbird

/// Turns every error into a response in the Instacart error format, so nothing leaks as a bare 500.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = BasicRequestContext

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch let error as SandboxError {
            return error.response()
        } catch let error as HTTPError {
            switch error.status {
            case .notFound:
                return SandboxError(.notFound, "No route for \(request.method.rawValue) \(request.uri.path.prefix(200))",
                                    code: InstacartErrorCode.notFound, key: "path").response()
            case .contentTooLarge:
                return SandboxError(.badRequest, "The request body is too large", key: "body").response()
            default:
                return SandboxError(error.status, error.body ?? error.status.reasonPhrase, code: nil).response()
            }
        } catch {
            context.logger.error("unexpected error: \(error)")
            return SandboxError(.internalServerError, "Internal error in the sandbox", code: nil).response()
        }
    }
}
