import ConnectModels
import Foundation
import TerminalUI

/// Distances and bearings on the Earth's surface, for the shopper pane.
public enum Geo {
    /// The mean Earth radius in metres (IUGG), the usual choice for haversine.
    public static let earthRadius = 6_371_008.8

    /// The great-circle distance in metres (haversine).
    public static func distance(from a: Coordinates, to b: Coordinates) -> Double {
        let (φ1, φ2) = (radians(a.latitude), radians(b.latitude))
        let dφ = φ2 - φ1
        let dλ = radians(b.longitude - a.longitude)
        let h = sin(dφ / 2) * sin(dφ / 2) + cos(φ1) * cos(φ2) * sin(dλ / 2) * sin(dλ / 2)
        // Rounding can push h a hair past 1 for antipodes; asin of that would be NaN.
        return 2 * earthRadius * asin(min(1, sqrt(max(0, h))))
    }

    /// The initial bearing from `a` towards `b` in degrees, 0 = north, clockwise, in 0..<360.
    public static func bearing(from a: Coordinates, to b: Coordinates) -> Double {
        let (φ1, φ2) = (radians(a.latitude), radians(b.latitude))
        let dλ = radians(b.longitude - a.longitude)
        let y = sin(dλ) * cos(φ2)
        let x = cos(φ1) * sin(φ2) - sin(φ1) * cos(φ2) * cos(dλ)
        let degrees = atan2(y, x) * 180 / .pi
        let normalized = (degrees.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
        return normalized.isFinite ? normalized : 0
    }

    /// The eight-point compass name of a bearing: N, NE, E, SE, S, SW, W, NW.
    public static func compassPoint(_ bearing: Double) -> String {
        guard bearing.isFinite else { return "?" }
        let points = ["N", "NE", "E", "SE", "S", "SW", "W", "NW"]
        let normalized = (bearing.truncatingRemainder(dividingBy: 360) + 360).truncatingRemainder(dividingBy: 360)
        return points[Int((normalized + 22.5) / 45) % 8]
    }

    /// A distance for people: "40 m", "850 m", "2.4 km", "37 km".
    public static func formatDistance(_ metres: Double) -> String {
        guard metres.isFinite, metres >= 0 else { return "?" }
        if metres < 1_000 { return "\(Int((metres / 10).rounded()) * 10) m" }
        if metres < 10_000 { return String(format: "%.1f km", metres / 1_000) }
        return "\(Int((metres / 1_000).rounded())) km"
    }

    private static func radians(_ degrees: Double) -> Double { degrees * .pi / 180 }
}
