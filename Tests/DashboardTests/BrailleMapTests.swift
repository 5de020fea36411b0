import ConnectModels
import Dashboard
import Testing
import TerminalUI

@Suite("BrailleMap")
struct BrailleMapTests {
    static let home = Coordinates(latitude: 37.7749, longitude: -122.4194)
    static let trail = (0..<20).map { Coordinates(latitude: 37.76 + Double($0) * 0.0005, longitude: -122.44 + Double($0) * 0.001) }

    func check(_ map: BrailleMap, size: Size, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(map.lines.count == size.height, sourceLocation: sourceLocation)
        for line in map.lines {
            #expect(line.unicodeScalars.count == size.width, sourceLocation: sourceLocation)
            #expect(CellWidth.of(line) == size.width, sourceLocation: sourceLocation)
            #expect(line.unicodeScalars.allSatisfy { (0x2800...0x28FF).contains($0.value) }, sourceLocation: sourceLocation)
        }
        for position in [map.shopper, map.destination].compactMap({ $0 }) {
            #expect((0..<size.width).contains(position.x) && (0..<size.height).contains(position.y), sourceLocation: sourceLocation)
        }
    }

    @Test("a trail, shopper and destination fit the area in distinct cells",
          arguments: [Size(width: 30, height: 10), Size(width: 2, height: 1), Size(width: 1, height: 2), Size(width: 200, height: 60)])
    func normal(size: Size) {
        let map = BrailleMap.plot(size: size, trail: Self.trail, shopper: Self.trail.last, destination: Self.home)
        check(map, size: size)
        #expect(map.shopper != nil && map.destination != nil)
        #expect(map.shopper != map.destination)
    }

    @Test("the shopper is drawn south-west of a destination to its north-east")
    func orientation() {
        let shopper = Coordinates(latitude: 37.70, longitude: -122.50)
        let map = BrailleMap.plot(size: Size(width: 40, height: 12), trail: [], shopper: shopper, destination: Self.home)
        check(map, size: Size(width: 40, height: 12))
        let (s, d) = (map.shopper!, map.destination!)
        #expect(s.x < d.x)
        #expect(s.y > d.y)
        // Margins keep markers off the very edge when the map has room.
        #expect(s.x > 0 && d.y >= 0 && d.x < 39)
    }

    @Test("the trail is drawn as a connected line ending at the shopper")
    func connectedTrail() {
        let start = Coordinates(latitude: 37.70, longitude: -122.50)
        let size = Size(width: 40, height: 12)
        let map = BrailleMap.plot(size: size, trail: [start], shopper: Self.home, destination: Self.home)
        check(map, size: size)
        let s = map.shopper!
        let drawn = map.lines.map { $0.unicodeScalars.map { $0.value != 0x2800 } }
        #expect(drawn[s.y][s.x])
        // Every column between the start and the shopper has a dot: no gaps between fixes.
        let columns = (0..<size.width).filter { x in (0..<size.height).contains { drawn[$0][x] } }
        #expect(columns.count >= 2)
        #expect(columns.last! - columns.first! + 1 == columns.count)
        #expect(columns.last == s.x)
    }

    @Test("degenerate inputs neither crash nor divide by zero")
    func degenerate() {
        let sizes = [Size(width: 0, height: 0), Size(width: 1, height: 1), Size(width: 5, height: 0), Size(width: 3, height: 2)]
        let nan = Coordinates(latitude: .nan, longitude: 1)
        for size in sizes {
            let cases: [([Coordinates], Coordinates?, Coordinates?)] = [
                ([], nil, nil),
                ([], Self.home, nil),
                ([], nil, Self.home),
                ([], Self.home, Self.home),
                (Array(repeating: Self.home, count: 50), Self.home, Self.home),
                ([nan, Self.home], nan, Self.home),
                ([Coordinates(latitude: 10, longitude: 0)], Coordinates(latitude: 10, longitude: 0), Coordinates(latitude: 20, longitude: 0)),
                ([Coordinates(latitude: 0, longitude: 10)], Coordinates(latitude: 0, longitude: 10), Coordinates(latitude: 0, longitude: 20)),
                ([Coordinates(latitude: 89.99, longitude: -180)], Coordinates(latitude: -89.99, longitude: 180), Self.home),
            ]
            for (trail, shopper, destination) in cases {
                let map = BrailleMap.plot(size: size, trail: trail, shopper: shopper, destination: destination)
                check(map, size: size)
                if size.width * size.height > 1, map.shopper != nil, map.destination != nil {
                    #expect(map.shopper != map.destination)
                }
            }
        }
        let empty = BrailleMap.plot(size: Size(width: 4, height: 2), trail: [], shopper: nil, destination: nil)
        #expect(empty.lines == ["⠀⠀⠀⠀", "⠀⠀⠀⠀"])
        #expect(empty.shopper == nil && empty.destination == nil)
    }

    @Test("a single point sits in the middle")
    func single() {
        let map = BrailleMap.plot(size: Size(width: 11, height: 5), trail: [], shopper: Self.home, destination: nil)
        #expect(map.shopper == BrailleMap.CellPosition(x: 5, y: 2))
        #expect(map.lines[2].unicodeScalars.map(\.value).filter { $0 != 0x2800 }.count == 1)
    }
}
