import Dashboard
import Foundation
import TerminalUI

/// A screen the runtime can host (the order dashboard, and next the board), in the Elm style: a state value,
/// a pure reducer and renderer, and an interpreter that turns effects into commands for the runtime.
public protocol ScreenProgram: Sendable {
    associatedtype State: Equatable
    associatedtype Action: Sendable
    associatedtype Effect

    func initialState(size: Size, now: Date) -> State
    func reduce(_ state: inout State, _ action: Action) -> [Effect]
    func render(_ state: State, size: Size) -> Frame
    func key(_ key: Key) -> Action
    func resize(_ size: Size) -> Action
    /// The clock reached a new second.
    func tick(_ now: Date) -> Action
    /// What the runtime should do for an effect; outcomes come back as actions, never as text.
    func interpret(_ effect: Effect, in state: State) -> Command<Action>

    /// Passes news from outside (tracker events) to `inbox` until cancelled; the runtime runs it detached.
    func feed(_ inbox: Inbox<Action>) async
    /// Starts the outside world once `feed` runs, before the first frame.
    func start(_ inbox: Inbox<Action>) async
    /// Stops the outside world after the last frame, once `feed` is cancelled.
    func stop() async
    /// The least time between two frames drawn for news (a key or a resize is drawn at once): news arriving many
    /// times a second then costs one frame, not one each.
    var frameInterval: Duration { get }
}

extension ScreenProgram {
    public var frameInterval: Duration { .milliseconds(50) }
}
