/// What the scripted shopper reports as it works, in the order it happens.
public enum ScriptedShopperEvent: Sendable, Hashable, CustomStringConvertible {
    /// A step is about to be sent to the sandbox.
    case stepStarted(index: Int, step: DemoStep)
    /// The sandbox accepted the step.
    case stepDone(index: Int, step: DemoStep)
    /// A step (index set) or a chat poll or reply (index nil) failed; the shopper goes on.
    case failed(index: Int?, what: String, error: String)
    /// The shopper answered a customer's message.
    case replied(to: String, reply: String)
    /// The shopper sleeps this long on its clock before it looks again (a step, a chat poll).
    case waiting(Duration)
    case paused
    case resumed
    /// `skipToNextStep()` made this step due now.
    case skipped(index: Int, step: DemoStep)
    /// Every step has run.
    case finished
    /// `stop()` ended the run before the last step.
    case stopped

    public var description: String {
        switch self {
        case .stepStarted(let index, let step): "step \(index + 1): \(step.description)..."
        case .stepDone(let index, let step): "step \(index + 1) done: \(step.description)"
        case .failed(let index, let what, let error): (index.map { "step \($0 + 1) failed" } ?? "failed") + ": \(what): \(error)"
        case .replied(let message, let reply): "replied to \"\(message)\": \"\(reply)\""
        case .waiting(let duration): "waiting \(duration)"
        case .paused: "paused"
        case .resumed: "resumed"
        case .skipped(let index, let step): "skipped ahead to step \(index + 1): \(step.description)"
        case .finished: "finished: every step has run"
        case .stopped: "stopped"
        }
    }

    /// True for events a person following along wants to see (not the clock bookkeeping).
    public var isNoteworthy: Bool {
        switch self {
        case .waiting, .stepStarted: false
        default: true
        }
    }
}
