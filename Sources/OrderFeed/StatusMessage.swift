import Foundation
import OrderTracking

/// A short message in the status bar that goes away by itself; its severity picks its colour.
public struct StatusMessage: Hashable, Sendable {
    public var text: String
    public var severity: Notice.Severity
    public var expires: Date

    public init(text: String, severity: Notice.Severity = .info, expires: Date) {
        self.text = text
        self.severity = severity
        self.expires = expires
    }
}
