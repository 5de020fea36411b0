import ConnectModels

/// Where the demo order goes and the store it is shopped at.
public struct ScenarioPlace: Sendable, Hashable {
    public var address: Address
    public var destination: Coordinates
    public var store: Coordinates
    public var storeName: String

    public init(address: Address, destination: Coordinates, store: Coordinates, storeName: String) {
        self.address = address
        self.destination = destination
        self.store = store
        self.storeName = storeName
    }

    /// The documented sample address, with a store about 3.5 km away so the route is worth watching.
    public static let collinsville = ScenarioPlace(
        address: Address(addressLine1: "501 Belt Line Rd", locality: "Collinsville", administrativeArea: "IL",
                         postalCode: "62234", countryCode: "US"),
        destination: Coordinates(latitude: 38.6924568, longitude: -89.9785745),
        store: Coordinates(latitude: 38.7131, longitude: -90.0104),
        storeName: "Fresh Grocery, Collinsville")
}
