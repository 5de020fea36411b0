import ConnectModels
import Foundation
import TerminalUI

/// A small map drawn with braille characters (2x4 dots a cell): the trail, shopper and destination.
public struct BrailleMap: Hashable, Sendable {
    /// A cell position inside the map, from its top left.
    public typealias CellPosition = TerminalUI.CellPosition

    /// One string per row, each exactly as many cells wide as the map; empty cells are U+2800.
    public var lines: [String]
    /// Where to draw the shopper's marker, if a valid shopper point was given.
    public var shopper: CellPosition?
    /// Where to draw the destination's marker; never the shopper's cell when the map has two cells.
    public var destination: CellPosition?

    public init(lines: [String], shopper: CellPosition?, destination: CellPosition?) {
        self.lines = lines
        self.shopper = shopper
        self.destination = destination
    }

    /// Fits the points into `size` cells with a margin of `margin` dots and plots them.
    /// The trail is drawn as connected segments ending at the shopper. North is up; the
    /// projection is equirectangular, scaled equally in both directions, since a braille dot
    /// is roughly square on a terminal. Invalid coordinates are ignored.
    public static func plot(size: Size, trail: [Coordinates], shopper: Coordinates?, destination: Coordinates?,
                            margin: Int = 2) -> BrailleMap {
        let (cols, rows) = (size.width, size.height)
        guard cols > 0, rows > 0 else { return BrailleMap(lines: [], shopper: nil, destination: nil) }
        let (dotsWide, dotsHigh) = (cols * 2, rows * 4)

        let trail = trail.filter(\.isValid)
        let shopper = shopper.flatMap { $0.isValid ? $0 : nil }
        let destination = destination.flatMap { $0.isValid ? $0 : nil }
        let all = trail + [shopper, destination].compactMap { $0 }

        var grid = [UInt8](repeating: 0, count: cols * rows)
        guard !all.isEmpty else { return BrailleMap(lines: render(grid, cols: cols, rows: rows), shopper: nil, destination: nil) }

        // Longitude degrees shrink with latitude; scale them so distances look right.
        let meanLatitude = all.map(\.latitude).reduce(0, +) / Double(all.count)
        let xScale = max(cos(meanLatitude * .pi / 180), 0.01)
        func project(_ c: Coordinates) -> (Double, Double) { (c.longitude * xScale, c.latitude) }
        let projected = all.map(project)
        let (minX, maxX) = (projected.map(\.0).min()!, projected.map(\.0).max()!)
        let (minY, maxY) = (projected.map(\.1).min()!, projected.map(\.1).max()!)

        // Shrink the margin on maps too small to afford it.
        let m = max(0, min(margin, (dotsWide - 1) / 4, (dotsHigh - 1) / 4))
        let usableW = Double(dotsWide - 1 - 2 * m)
        let usableH = Double(dotsHigh - 1 - 2 * m)
        let spanX = maxX - minX
        let spanY = maxY - minY
        // A single point, or several at the same place, have no span: centre them instead of dividing by zero.
        let scale: Double
        switch (spanX > 1e-12, spanY > 1e-12) {
        case (true, true): scale = min(usableW / spanX, usableH / spanY)
        case (true, false): scale = usableW / spanX
        case (false, true): scale = usableH / spanY
        case (false, false): scale = 0
        }
        let offsetX = (Double(dotsWide - 1) - spanX * scale) / 2
        let offsetY = (Double(dotsHigh - 1) - spanY * scale) / 2
        func dot(_ c: Coordinates) -> (Int, Int) {
            let (px, py) = project(c)
            let x = Int((offsetX + (px - minX) * scale).rounded())
            let y = Int((offsetY + (maxY - py) * scale).rounded())
            return (min(max(x, 0), dotsWide - 1), min(max(y, 0), dotsHigh - 1))
        }
        func set(_ d: (Int, Int)) {
            let (x, y) = d
            grid[(y / 4) * cols + x / 2] |= bit(x: x % 2, y: y % 4)
        }

        let path = (trail + (shopper.map { [$0] } ?? [])).map(dot)
        if var previous = path.first {
            set(previous)
            for next in path.dropFirst() {
                line(from: previous, to: next, set)
                previous = next
            }
        }
        let destinationDot = destination.map(dot)
        if let destinationDot { set(destinationDot) }

        let shopperCell = shopper.map(dot).map { CellPosition(x: $0.0 / 2, y: $0.1 / 4) }
        var destinationCell = destinationDot.map { CellPosition(x: $0.0 / 2, y: $0.1 / 4) }
        if let s = shopperCell, let d = destinationCell, s == d, cols * rows > 1 {
            destinationCell = neighbour(of: d, awayFrom: destination.flatMap { dest in shopper.map { (dest, $0) } },
                                        cols: cols, rows: rows)
        }
        return BrailleMap(lines: render(grid, cols: cols, rows: rows), shopper: shopperCell, destination: destinationCell)
    }

    /// The braille dot bit for a dot at (x, y) inside its cell (Unicode numbering of dots 1-8).
    static func bit(x: Int, y: Int) -> UInt8 {
        let bits: [[UInt8]] = [[0x01, 0x08], [0x02, 0x10], [0x04, 0x20], [0x40, 0x80]]
        return bits[y][x]
    }

    private static func render(_ grid: [UInt8], cols: Int, rows: Int) -> [String] {
        (0..<rows).map { row in
            var s = String.UnicodeScalarView()
            for col in 0..<cols { s.append(Unicode.Scalar(0x2800 + UInt32(grid[row * cols + col]))!) }
            return String(s)
        }
    }

    /// Bresenham's line, so the trail stays connected however far apart the fixes are.
    private static func line(from a: (Int, Int), to b: (Int, Int), _ set: ((Int, Int)) -> Void) {
        var (x, y) = a
        let (dx, dy) = (abs(b.0 - a.0), -abs(b.1 - a.1))
        let (sx, sy) = (a.0 < b.0 ? 1 : -1, a.1 < b.1 ? 1 : -1)
        var err = dx + dy
        while true {
            set((x, y))
            if x == b.0 && y == b.1 { return }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
    }

    /// A cell next to `cell` inside the map, preferring the direction from shopper to destination,
    /// so both markers stay visible when they would share a cell.
    private static func neighbour(of cell: CellPosition, awayFrom points: (Coordinates, Coordinates)?,
                                  cols: Int, rows: Int) -> CellPosition {
        var preferred: [(Int, Int)] = []
        if let (dest, shopper) = points {
            let dx = dest.longitude > shopper.longitude ? 1 : (dest.longitude < shopper.longitude ? -1 : 0)
            let dy = dest.latitude > shopper.latitude ? -1 : (dest.latitude < shopper.latitude ? 1 : 0)
            if dx != 0 || dy != 0 { preferred.append((dx, dy)) }
        }
        preferred += [(1, 0), (-1, 0), (0, -1), (0, 1), (1, 1), (-1, -1), (1, -1), (-1, 1)]
        for (dx, dy) in preferred {
            let candidate = CellPosition(x: cell.x + dx, y: cell.y + dy)
            if (0..<cols).contains(candidate.x), (0..<rows).contains(candidate.y) { return candidate }
        }
        return cell
    }
}
