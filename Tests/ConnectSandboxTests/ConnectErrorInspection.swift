import ConnectModels
import Foundation
import Testing

/// Runs `call` and returns the ConnectError it throws; records an issue when it succeeds.
func connectError<T>(_ call: () async throws -> T, sourceLocation: SourceLocation = #_sourceLocation) async -> ConnectError? {
    do {
        _ = try await call()
        Issue.record("expected a ConnectError", sourceLocation: sourceLocation)
        return nil
    } catch let error as ConnectError {
        return error
    } catch {
        Issue.record("expected a ConnectError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

/// The error body of an HTTP error.
extension ConnectError {
    var body: InstacartErrorBody? {
        if case .http(_, _, let body, _) = self { return body }
        return nil
    }
}

func json(_ data: Data) -> [String: Any] {
    (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
}

func errorKey(_ data: Data) -> String? {
    (json(data)["meta"] as? [String: Any])?["key"] as? String
}
