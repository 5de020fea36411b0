import Foundation

/// Decoding a Connect reply, with errors that name the field that failed.
public enum ConnectDecoding {
    /// Decodes a reply, naming the field that failed.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data, endpoint: String) throws -> T {
        do {
            return try ConnectJSON.decoder().decode(T.self, from: data)
        } catch let error as DecodingError {
            let (path, reason) = describe(error)
            throw ConnectError.decoding(endpoint: endpoint, field: path, reason: reason)
        } catch {
            throw ConnectError.decoding(endpoint: endpoint, field: "", reason: "\(error)")
        }
    }

    static func describe(_ error: DecodingError) -> (String, String) {
        func join(_ path: [any CodingKey]) -> String {
            path.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined().trimmingCharacters(in: CharacterSet(charactersIn: "."))
        }
        switch error {
        case .keyNotFound(let key, let ctx):
            let parent = join(ctx.codingPath)
            return (parent.isEmpty ? key.stringValue : parent + "." + key.stringValue, "missing")
        case .typeMismatch(let type, let ctx):
            return (join(ctx.codingPath), "expected \(type)")
        case .valueNotFound(let type, let ctx):
            return (join(ctx.codingPath), "expected \(type), found null")
        case .dataCorrupted(let ctx):
            let reason = ctx.codingPath.isEmpty ? "not valid JSON" : ctx.debugDescription
            return (join(ctx.codingPath), reason)
        @unknown default:
            return ("", "\(error)")
        }
    }
}
