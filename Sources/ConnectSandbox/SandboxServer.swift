import ConnectModels
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// How to run a sandbox server.
public struct SandboxConfiguration: Sendable {
    public var host: String
    /// 0 picks a free port.
    public var port: Int
    public var clientID: String
    public var clientSecret: String
    /// The same seed gives the same ids.
    public var seed: UInt64?
    /// Where to append the JSON access log, if anywhere.
    public var accessLogPath: String?
    /// Larger request bodies are refused with a 400 naming `body` (Instacart documents no 413).
    public var maxBodyBytes: Int
    /// The clock; tests inject one, or use `SandboxStore.advanceClock(by:)`.
    public var now: @Sendable () -> Date
    public var logLevel: Logger.Level

    public init(host: String = SandboxDefaults.host, port: Int = 0, clientID: String = SandboxDefaults.clientID,
                clientSecret: String = SandboxDefaults.clientSecret,
                seed: UInt64? = nil, accessLogPath: String? = nil, maxBodyBytes: Int = 64 * 1024,
                now: @escaping @Sendable () -> Date = { Date() }, logLevel: Logger.Level = .error) {
        self.host = host
        self.port = port
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.seed = seed
        self.accessLogPath = accessLogPath
        self.maxBodyBytes = maxBodyBytes
        self.now = now
        self.logLevel = logLevel
    }
}

/// Why the sandbox could not start.
public enum SandboxServerError: Error, CustomStringConvertible {
    case cannotOpenAccessLog(String)
    case cannotListen(host: String, port: Int, reason: String)
    case stoppedBeforeListening

    public var description: String {
        switch self {
        case .cannotOpenAccessLog(let path): "cannot open the access log \(path) for writing: check the directory exists and is writable"
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(host):\(port): \(reason). Is another `ordertop sandbox serve` running? Try --port 0 for a free port."
        case .stoppedBeforeListening: "the sandbox stopped before it was listening"
        }
    }
}

/// A running local Instacart development server.
public final class SandboxServer: Sendable {
    /// All state; tests and the demo read and drive it directly.
    public let store: SandboxStore
    public let configuration: SandboxConfiguration
    /// The port it listens on (the real one when 0 was asked for).
    public let port: Int
    /// Such as `http://127.0.0.1:54321`.
    public let baseURL: String
    private let task: Task<Void, Never>
    private let group: ServiceGroup

    private init(store: SandboxStore, configuration: SandboxConfiguration, port: Int, task: Task<Void, Never>, group: ServiceGroup) {
        self.store = store
        self.configuration = configuration
        self.port = port
        let host = ["0.0.0.0", "::", ""].contains(configuration.host) ? "127.0.0.1" : configuration.host
        self.baseURL = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)"
        self.task = task
        self.group = group
    }

    /// Starts listening and returns once connections are accepted.
    public static func start(_ configuration: SandboxConfiguration = SandboxConfiguration()) async throws -> SandboxServer {
        let store = SandboxStore(clientID: configuration.clientID, clientSecret: configuration.clientSecret, seed: configuration.seed,
                                 now: configuration.now)
        let accessLog = try configuration.accessLogPath.map { try AccessLog(path: $0) }
        if let accessLog {
            await store.observeStateChanges { orderID, state in
                let time = Date()
                Task { await accessLog.stateChanged(orderID: orderID, state: state, at: time) }
            }
        }
        let router = SandboxRouter.build(store: store, accessLog: accessLog, maxBodyBytes: configuration.maxBodyBytes)
        var logger = Logger(label: "ordertop.sandbox")
        logger.logLevel = configuration.logLevel
        let (events, continuation) = AsyncStream<Result<Int, any Error>>.makeStream()
        let app = Application(
            router: router,
            configuration: ApplicationConfiguration(address: .hostname(configuration.host, port: configuration.port), serverName: nil),
            onServerRunning: { channel in continuation.yield(.success(channel.localAddress?.port ?? configuration.port)) },
            logger: logger)
        // A group of our own, without signal handling, so `stop()` can shut down gracefully.
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [app], gracefulShutdownSignals: [], logger: logger))
        let task = Task {
            do {
                try await group.run()
                continuation.yield(.failure(SandboxServerError.stoppedBeforeListening))
            } catch {
                continuation.yield(.failure(error))
            }
            continuation.finish()
        }
        for await event in events {
            switch event {
            case .success(let port):
                return SandboxServer(store: store, configuration: configuration, port: port, task: task, group: group)
            case .failure(let error):
                let text = String(describing: error)
                let reason = text.lowercased().contains("in use") ? "address already in use" : String(text.prefix(200))
                throw SandboxServerError.cannotListen(host: configuration.host, port: configuration.port, reason: reason)
            }
        }
        throw SandboxServerError.stoppedBeforeListening
    }

    /// Stops listening and waits for the server to wind down.
    public func stop() async {
        await group.triggerGracefulShutdown()
        await task.value
    }

    /// Waits until the server stops.
    public func waitUntilStopped() async {
        await task.value
    }

    /// Serves `fault` to the next matching requests; see `Fault`.
    public func injectFault(_ fault: Fault) async {
        await store.injectFault(fault)
    }

    /// Forgets every pending fault.
    public func clearFaults() async {
        await store.clearFaults()
    }
}
