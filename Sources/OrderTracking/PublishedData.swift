import ConnectModels

/// The data last published for each endpoint, so an event goes out only when something changed.
struct PublishedData {
    private(set) var order: Order?
    private(set) var items: [LineItem]?
    private(set) var conversation: ChatConversation?
    private var last: [TrackedEndpoint: TrackerEvent] = [:]

    /// Takes fresh data; returns the event to publish, or nil when it is what was published last.
    mutating func take(_ event: TrackerEvent) -> TrackerEvent? {
        let endpoint: TrackedEndpoint
        switch event {
        case .order(let o): endpoint = .order; order = o
        case .items(let i): endpoint = .items; items = i
        case .handling: endpoint = .handling
        case .location: endpoint = .location
        case .chat(let c): endpoint = .chat; conversation = c
        default: return event
        }
        guard last[endpoint] != event else { return nil }
        last[endpoint] = event
        return event
    }
}
