import TerminalUI
/// What the demo lets the dashboard do to its scripted shopper.
public struct DemoControls: Sendable {
    public var togglePause: @Sendable () async -> Bool
    public var nextStep: @Sendable () async -> Void

    public init(togglePause: @escaping @Sendable () async -> Bool, nextStep: @escaping @Sendable () async -> Void) {
        self.togglePause = togglePause
        self.nextStep = nextStep
    }
}
