import ConnectModels
import Foundation

/// A deterministic, plausible drive from the store to the customer's door.
public enum ScenarioRoute {
    /// `count` points (at least 2) from `start` to `end`: street-grid legs that wander a little, then home.
    public static func points(from start: Coordinates, to end: Coordinates, count: Int, using rng: inout ScenarioRandom) -> [Coordinates] {
        let count = max(2, count)
        let dLat = end.latitude - start.latitude
        let dLon = end.longitude - start.longitude
        // A street grid: the car goes one way, turns, goes the other way. Where the turns fall depends on the seed.
        let turns = (0..<3).map { _ in rng.double(in: 0.15...0.85) }.sorted()
        // Sideways wobble, as a fraction of the trip, so the path is not a ruler line on the map.
        let wobble = rng.double(in: 0.04...0.10)
        let phase = rng.double(in: 0...(2 * Double.pi))
        var points: [Coordinates] = []
        for index in 0..<count {
            let s = Double(index) / Double(count - 1)
            // Progress in latitude and longitude move in alternating legs.
            let latProgress = legProgress(s, turns: turns, firstLegMoves: true)
            let lonProgress = legProgress(s, turns: turns, firstLegMoves: false)
            let bend = sin(s * Double.pi) * wobble * sin(phase + s * 3 * Double.pi)
            var lat = start.latitude + dLat * latProgress - dLon * bend
            var lon = start.longitude + dLon * lonProgress + dLat * bend
            if index == 0 { lat = start.latitude; lon = start.longitude }
            if index == count - 1 { lat = end.latitude; lon = end.longitude }
            points.append(Coordinates(latitude: (lat * 1e7).rounded() / 1e7, longitude: (lon * 1e7).rounded() / 1e7))
        }
        return points
    }

    /// How far one axis has got at `s` (0...1) when the legs between `turns` move it in turn.
    static func legProgress(_ s: Double, turns: [Double], firstLegMoves: Bool) -> Double {
        let bounds = [0.0] + turns + [1.0]
        var moving = firstLegMoves
        var total = 0.0
        var done = 0.0
        for leg in 0..<(bounds.count - 1) {
            let length = bounds[leg + 1] - bounds[leg]
            if moving {
                total += length
                done += max(0, min(s, bounds[leg + 1]) - bounds[leg])
            }
            moving.toggle()
        }
        return total > 0 ? done / total : s
    }
}
