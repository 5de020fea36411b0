import AsyncHTTPClient
import ConnectModels
import Foundation
import NIOCore
import NIOHTTP1
import Recording

/// The real transport: AsyncHTTPClient over the network.
public struct HTTPClientTransport: ConnectTransport {
    public let http: HTTPClient

    public init(http: HTTPClient = .shared) { self.http = http }

    public func execute(_ request: OutgoingRequest) async throws -> IncomingReply {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for header in request.headers { outgoing.headers.add(name: header.name, value: header.value) }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        do {
            let response = try await http.execute(outgoing, timeout: .nanoseconds(request.timeout.nanoseconds))
            let buffer = try await response.body.collect(upTo: request.maxResponseBytes)
            return IncomingReply(status: Int(response.status.code), statusText: response.status.reasonPhrase,
                                 headers: response.headers.map { HARNameValue(name: $0.name, value: $0.value) },
                                 body: Data(buffer.readableBytesView))
        } catch let error as ConnectError {
            throw error
        } catch {
            throw ConnectClient.transportError(error, endpoint: request.endpoint, base: request.baseURL)
        }
    }
}
