/// What a load simulation reports, in order, for one consumer.
public enum LoadSimulationEvent: Sendable, Hashable, CustomStringConvertible {
    /// Order `index`'s shopper started, `at` into the run on the simulation's clock.
    case started(index: Int, at: Duration)
    /// Something noteworthy from order `index`'s shopper (a step done or failed, a chat reply).
    case shopper(index: Int, ScriptedShopperEvent)
    /// Order `index`'s shopper is done: every step ran (`completed`), or it was stopped; `failures` steps or chat calls failed.
    case ended(index: Int, completed: Bool, failures: Int)
    /// Every shopper that started is done.
    case finished

    public var description: String {
        switch self {
        case .started(let index, _): "order \(index + 1): the shopper starts"
        case .shopper(let index, let event): "order \(index + 1): \(event.description)"
        case .ended(let index, let completed, let failures):
            "order \(index + 1): " + (completed ? "every step has run" : "stopped") + (failures > 0 ? ", \(failures) failed" : "")
        case .finished: "every order has ended"
        }
    }
}

/// Why a load simulation cannot start.
public struct LoadSimulationError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
