/// One endpoint's polling: its mode in the current plan, the task fetching it, and a generation that tells
/// a fetch coming back whether it still belongs to the current plan.
struct EndpointPoller {
    let endpoint: TrackedEndpoint
    /// nil until the first plan.
    private(set) var mode: PollMode?
    private(set) var generation = 0
    private(set) var task: Task<Void, Never>?
    /// A 401 stopped it; a new token starts it again.
    var pausedForToken = false
    /// The last status published, so only changes go out.
    var status: ConnectionStatus?

    init(endpoint: TrackedEndpoint) { self.endpoint = endpoint }

    var isRunning: Bool { task != nil }

    /// Takes the plan's mode; false when it is the mode in force already.
    mutating func adopt(_ newMode: PollMode) -> Bool {
        guard newMode != mode else { return false }
        mode = newMode
        return true
    }

    /// Cancels the running fetch; whatever it brings back afterwards is ignored.
    mutating func cancel() {
        task?.cancel()
        task = nil
        generation += 1
    }

    /// Starts a fresh task for the current mode, handing it its generation.
    mutating func begin(_ makeTask: (_ mode: PollMode, _ generation: Int) -> Task<Void, Never>) {
        cancel()
        guard let mode, mode != .off else { return }
        task = makeTask(mode, generation)
    }

    /// True while `generation` is the current one.
    func isCurrent(_ generation: Int) -> Bool { generation == self.generation }

    /// The task of `generation` ended by itself; false when a newer one has replaced it.
    mutating func finish(_ generation: Int) -> Bool {
        guard isCurrent(generation) else { return false }
        task = nil
        return true
    }
}
