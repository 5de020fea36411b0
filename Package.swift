// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "ordertop",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "ordertop", targets: ["ordertop"]),
        .executable(name: "ordertop-bench", targets: ["ordertop-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", exact: "1.8.2"),
        .package(url: "https://github.com/swift-server/async-http-client", exact: "1.37.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", exact: "1.16.2"),
        .package(url: "https://github.com/LebJe/TOMLKit", exact: "0.6.0"),
        .package(url: "https://github.com/pointfreeco/swift-clocks", exact: "1.1.1"),
        // Already built for async-http-client and hummingbird; named here because our modules import them directly.
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", exact: "2.13.0"),
    ],
    targets: [
        .systemLibrary(name: "CNCursesW", providers: [.apt(["libncurses-dev"])]),
        // The data and its rules: Codable types, no networking.
        .target(name: "ConnectModels"),
        // HAR files: the model, redaction, the atomic writer and reader, the recorder. No networking.
        .target(name: "Recording", dependencies: ["ConnectModels"]),
        .target(name: "ConnectClient", dependencies: [
            "ConnectModels", "Recording",
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ]),
        // Playing a recording back: its replies, on its own clock, to real trackers. No networking.
        .target(name: "Replay", dependencies: ["ConnectModels", "ConnectClient", "Recording", "OrderTracking"]),
        .target(name: "ConnectSandbox", dependencies: [
            "ConnectModels", "ConnectClient",
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
        ]),
        .target(name: "OrderTracking", dependencies: ["ConnectModels"]),
        // Profiles in config.toml and their secrets; no networking.
        .target(name: "Profiles", dependencies: [
            "ConnectModels",
            .product(name: "TOMLKit", package: "TOMLKit"),
        ]),
        // The terminal toolkit, knowing nothing of orders: Canvas, text, Key, InputLine, themes, Frame, the Terminal protocol.
        // themes/*.toml are compiled into it, so an installed binary has every theme.
        .target(name: "TerminalUI", dependencies: [
            .product(name: "TOMLKit", package: "TOMLKit"),
        ], plugins: ["EmbedThemes"]),
        // What both screens read about orders: tracker events cleaned once at the entrance, and the facts both show.
        .target(name: "OrderFeed", dependencies: ["TerminalUI", "ConnectModels", "OrderTracking"]),
        // The order screen: state, reducer, layout and panes. Pure.
        .target(name: "Dashboard", dependencies: ["TerminalUI", "OrderFeed", "ConnectModels", "OrderTracking"]),
        // The board of many orders, pure in the same way as the dashboard.
        .target(name: "Board", dependencies: ["TerminalUI", "OrderFeed", "OrderTracking", "ConnectModels"]),
        // Tracker events as lines of text or JSON, for --plain and --json.
        .target(name: "EventLines", dependencies: ["TerminalUI", "OrderFeed", "OrderTracking", "ConnectModels"]),
        .executableTarget(name: "EmbedThemesTool"),
        .plugin(name: "EmbedThemes", capability: .buildTool(), dependencies: ["EmbedThemesTool"]),
        // The loop that hosts a screen on a Terminal; no curses and no HTTP client, so unit tests drive it in memory.
        .target(name: "AppRuntime", dependencies: [
            "TerminalUI", "OrderFeed", "EventLines", "Dashboard", "Board", "OrderTracking", "ConnectModels",
            .product(name: "Logging", package: "swift-log"),
        ]),
        .target(name: "CursesTerminal", dependencies: ["CNCursesW", "TerminalUI"]),
        .executableTarget(name: "ordertop", dependencies: [
            "ConnectModels", "ConnectClient", "ConnectSandbox", "OrderTracking", "TerminalUI", "OrderFeed", "EventLines", "Dashboard", "Board", "AppRuntime", "CursesTerminal", "Profiles", "Recording", "Replay",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .executableTarget(name: "ordertop-bench", dependencies: ["TerminalUI", "OrderFeed", "Dashboard", "Board", "CursesTerminal", "OrderTracking", "ConnectModels"]),
        // What the test targets share: a live sandbox with minted tokens, and a fake data source.
        .target(name: "TestSupport", dependencies: [
            "ConnectModels", "ConnectClient", "ConnectSandbox", "TerminalUI", "Dashboard",
            .product(name: "Clocks", package: "swift-clocks"),
            .product(name: "AsyncHTTPClient", package: "async-http-client"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "NIOHTTP1", package: "swift-nio"),
        ], path: "Tests/TestSupport"),
        .testTarget(name: "ConnectModelsTests", dependencies: ["ConnectModels", "ConnectClient", "ConnectSandbox", "TestSupport"]),
        .testTarget(name: "ConnectClientTests", dependencies: [
            "ConnectClient", "ConnectModels", "Recording", "TestSupport",
            .product(name: "Clocks", package: "swift-clocks"),
        ]),
        .testTarget(name: "RecordingTests", dependencies: [
            "Recording", "ConnectClient", "ConnectModels", "ConnectSandbox", "TestSupport",
            .product(name: "Clocks", package: "swift-clocks"),
        ]),
        .testTarget(name: "ReplayTests", dependencies: [
            "Replay", "Recording", "ConnectClient", "ConnectModels", "ConnectSandbox", "OrderTracking", "TerminalUI", "Dashboard", "AppRuntime", "TestSupport",
            .product(name: "Clocks", package: "swift-clocks"),
        ]),
        .testTarget(name: "ProfilesTests", dependencies: ["Profiles", "ConnectModels"]),
        .testTarget(name: "ConnectSandboxTests", dependencies: [
            "ConnectModels", "ConnectClient", "ConnectSandbox", "TestSupport",
            .product(name: "Clocks", package: "swift-clocks"),
        ]),
        .testTarget(name: "OrderTrackingTests", dependencies: [
            "OrderTracking", "ConnectModels", "ConnectClient", "ConnectSandbox", "TestSupport",
            .product(name: "Clocks", package: "swift-clocks"),
        ]),
        .testTarget(name: "DashboardTests", dependencies: ["TerminalUI", "OrderFeed", "EventLines", "Dashboard", "OrderTracking", "ConnectModels", "TestSupport"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "OrderFeedTests", dependencies: ["OrderFeed", "TerminalUI", "OrderTracking", "ConnectModels", "Dashboard"]),
        .testTarget(name: "BoardTests", dependencies: ["TerminalUI", "OrderFeed", "EventLines", "Board", "Dashboard", "OrderTracking", "ConnectModels", "TestSupport"],
                    exclude: ["__Snapshots__"]),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "TerminalUI", "Dashboard"]),
        .testTarget(name: "AppRuntimeTests", dependencies: [
            "AppRuntime", "TerminalUI", "OrderFeed", "Dashboard", "Board", "OrderTracking", "ConnectModels", "TestSupport",
            .product(name: "Clocks", package: "swift-clocks"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "EndToEndTests", dependencies: ["ConnectModels", "ConnectClient", "ConnectSandbox", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)
