import ConnectModels
import Dashboard
import Testing
import TerminalUI
import OrderFeed

@Suite("Geo")
struct GeoTests {
    static let paris = Coordinates(latitude: 48.8566, longitude: 2.3522)
    static let london = Coordinates(latitude: 51.5074, longitude: -0.1278)
    static let newYork = Coordinates(latitude: 40.7128, longitude: -74.0060)
    static let losAngeles = Coordinates(latitude: 34.0522, longitude: -118.2437)

    @Test("known city distances within 1%", arguments: [
        (paris, london, 343_500.0),
        (newYork, losAngeles, 3_936_000.0),
    ])
    func distance(a: Coordinates, b: Coordinates, metres: Double) {
        let d = Geo.distance(from: a, to: b)
        #expect(abs(d - metres) / metres < 0.01, "\(d)")
        #expect(abs(Geo.distance(from: b, to: a) - d) < 1e-6)
    }

    @Test("same point is zero and antipodes do not produce NaN")
    func degenerate() {
        #expect(Geo.distance(from: Self.paris, to: Self.paris) == 0)
        let antipode = Geo.distance(from: Coordinates(latitude: 0, longitude: 0), to: Coordinates(latitude: 0, longitude: 180))
        #expect(abs(antipode - Geo.earthRadius * .pi) < 1)
        #expect(Geo.bearing(from: Self.paris, to: Self.paris).isFinite)
    }

    @Test("bearings point the right way", arguments: [
        (0.01, 0.0, 0.0, "N"), (0.0, 0.01, 90.0, "E"), (-0.01, 0.0, 180.0, "S"), (0.0, -0.01, 270.0, "W"),
        (0.01, 0.01, 45.0, "NE"), (-0.01, -0.01, 225.0, "SW"),
    ])
    func bearing(dLat: Double, dLon: Double, degrees: Double, point: String) {
        let from = Coordinates(latitude: 0, longitude: 0)
        let to = Coordinates(latitude: dLat, longitude: dLon)
        let b = Geo.bearing(from: from, to: to)
        #expect(abs(b - degrees) < 0.5, "\(b)")
        #expect(Geo.compassPoint(b) == point)
    }

    @Test("compass points and distances for people")
    func formatting() {
        #expect(Geo.compassPoint(359) == "N")
        #expect(Geo.compassPoint(22) == "N")
        #expect(Geo.compassPoint(23) == "NE")
        #expect(Geo.compassPoint(-90) == "W")
        #expect(Geo.compassPoint(.nan) == "?")
        #expect(Geo.bearing(from: Self.paris, to: Self.london) > 320)
        #expect(Geo.formatDistance(42) == "40 m")
        #expect(Geo.formatDistance(2_449) == "2.4 km")
        #expect(Geo.formatDistance(37_200) == "37 km")
        #expect(Geo.formatDistance(.nan) == "?")
    }
}
