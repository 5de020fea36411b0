import Foundation
import PackagePlugin

/// Compiles every `themes/*.toml` file into the target, so a binary copied anywhere carries all its
/// themes while the TOML files stay the one source.
@main
struct EmbedThemes: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: any Target) throws -> [Command] {
        let themes = context.package.directoryURL.appending(path: "themes")
        let files = try FileManager.default.contentsOfDirectory(at: themes, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "toml" }
            .sorted { $0.lastPathComponent < $1.lastPathComponent }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedThemes.swift")
        return [.buildCommand(displayName: "Embedding \(files.count) themes",
                              executable: try context.tool(named: "EmbedThemesTool").url,
                              arguments: [output.path] + files.map(\.path),
                              inputFiles: files, outputFiles: [output])]
    }
}
