import OrderTracking
import TerminalUI

/// Picks the endpoint whose status sums up an order's connection: the worst one, since one failing
/// endpoint is what the person must know about. The dashboard's header and the board's rows share it.
public enum ConnectionSummary {
    /// How bad a status is, higher is worse; nil for one that says nothing about the connection.
    public static func rank(_ status: ConnectionStatus, endpoint: TrackedEndpoint) -> Int? {
        switch status {
        case .idle: nil
        case .live: 0
        case .connecting: 1
        case .retrying: 2
        case .badReply: 3
        // The retailer may hide the shopper's location; that is not a broken connection.
        case .forbidden: endpoint == .location ? nil : 4
        case .notFound: 5
        case .tokenRejected: 6
        }
    }

    /// The worst endpoint and its status, or nil while none has said anything that counts.
    public static func worst(_ connection: [TrackedEndpoint: ConnectionStatus]) -> (endpoint: TrackedEndpoint, status: ConnectionStatus)? {
        var worst: (rank: Int, endpoint: TrackedEndpoint, status: ConnectionStatus)?
        for endpoint in TrackedEndpoint.allCases {
            guard let status = connection[endpoint], let rank = rank(status, endpoint: endpoint) else { continue }
            if rank > (worst?.rank ?? -1) { worst = (rank, endpoint, status) }
        }
        return worst.map { ($0.endpoint, $0.status) }
    }
}
