import Foundation

/// A postal address as the handling endpoint returns it.
public struct Address: Codable, Hashable, Sendable {
    public var addressLine1: String
    public var addressLine2: String?
    public var locality: String
    public var administrativeArea: String
    public var postalCode: String
    public var countryCode: String

    enum CodingKeys: String, CodingKey {
        case addressLine1 = "address_line_1", addressLine2 = "address_line_2", locality
        case administrativeArea = "administrative_area", postalCode = "postal_code", countryCode = "country_code"
    }

    public init(addressLine1: String, addressLine2: String? = nil, locality: String, administrativeArea: String,
                postalCode: String, countryCode: String) {
        self.addressLine1 = addressLine1
        self.addressLine2 = addressLine2
        self.locality = locality
        self.administrativeArea = administrativeArea
        self.postalCode = postalCode
        self.countryCode = countryCode
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        addressLine1 = try c.decodeIfPresent(String.self, forKey: .addressLine1) ?? ""
        addressLine2 = try c.decodeIfPresent(String.self, forKey: .addressLine2)
        locality = try c.decodeIfPresent(String.self, forKey: .locality) ?? ""
        administrativeArea = try c.decodeIfPresent(String.self, forKey: .administrativeArea) ?? ""
        postalCode = try c.decodeIfPresent(String.self, forKey: .postalCode) ?? ""
        countryCode = try c.decodeIfPresent(String.self, forKey: .countryCode) ?? ""
    }
}

/// A point on Earth in degrees.
public struct Coordinates: Codable, Hashable, Sendable {
    public var latitude, longitude: Double
    public init(latitude: Double, longitude: Double) {
        self.latitude = latitude
        self.longitude = longitude
    }

    /// True when both values are finite and within the ranges of real coordinates.
    public var isValid: Bool {
        latitude.isFinite && longitude.isFinite && (-90...90).contains(latitude) && (-180...180).contains(longitude)
    }
}

/// The reply of `GET .../orders/{order_id}/handling`.
public struct Handling: Codable, Hashable, Sendable {
    public var address: Address?
    public var coordinates: Coordinates?
    public var dropoffLocation: String?
    public var notes: String?
    public var instructions: String?
    public var leaveUnattended: Bool
    public var alcoholic: Bool
    public var certifiedDelivery: Bool
    public var shopper: String?

    enum CodingKeys: String, CodingKey {
        case address, coordinates, notes, instructions, alcoholic, shopper, dropoffLocation = "dropoff_location"
        case leaveUnattended = "leave_unattended", certifiedDelivery = "certified_delivery"
    }

    public init(address: Address?, coordinates: Coordinates?, dropoffLocation: String? = nil, notes: String? = nil,
                instructions: String? = nil, leaveUnattended: Bool = false, alcoholic: Bool = false,
                certifiedDelivery: Bool = false, shopper: String? = nil) {
        self.address = address
        self.coordinates = coordinates
        self.dropoffLocation = dropoffLocation
        self.notes = notes
        self.instructions = instructions
        self.leaveUnattended = leaveUnattended
        self.alcoholic = alcoholic
        self.certifiedDelivery = certifiedDelivery
        self.shopper = shopper
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        address = try c.decodeIfPresent(Address.self, forKey: .address)
        coordinates = try c.decodeIfPresent(Coordinates.self, forKey: .coordinates)
        dropoffLocation = try c.decodeIfPresent(String.self, forKey: .dropoffLocation)
        notes = try c.decodeIfPresent(String.self, forKey: .notes)
        instructions = try c.decodeIfPresent(String.self, forKey: .instructions)
        leaveUnattended = try c.lenientBool(forKey: .leaveUnattended)
        alcoholic = try c.lenientBool(forKey: .alcoholic)
        certifiedDelivery = try c.lenientBool(forKey: .certifiedDelivery)
        // The docs leave `shopper` unspecified; keep it only when it is plain text.
        shopper = try? c.decodeIfPresent(String.self, forKey: .shopper)
    }
}

/// The reply of `GET .../orders/{order_id}/location`: empty outside `delivering`.
public struct ShopperLocation: Codable, Hashable, Sendable {
    public var coordinates: Coordinates?
    public init(coordinates: Coordinates?) { self.coordinates = coordinates }
}
