import Foundation

/// The result of the custom widgets' `POST /idp/v1/init`.
public struct WidgetSession: Hashable, Sendable {
    /// 200 when the session exists now; 403 on an authentication problem.
    public var status: Int
    /// The `name=value` cookies the server set, to send with later widget calls.
    public var cookies: [String]

    public init(status: Int, cookies: [String]) {
        self.status = status
        self.cookies = cookies
    }

    public var isEstablished: Bool { status == 200 }
}
