import Foundation
import Testing

extension EndToEnd {
    /// The binary copied out of the build folder, as an install does: every theme travels inside it.
    @Suite("an installed ordertop")
    struct InstallEndToEndTests {
        @Test("a binary copied to another folder loads every theme, --theme light among them")
        func themesTravel() throws {
            let binary = try Tmux.binary()
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("ordertop-install-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: home.appendingPathComponent("bin"), withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: home) }
            let installed = home.appendingPathComponent("bin/ordertop").path
            try FileManager.default.copyItem(atPath: binary, toPath: installed)
            let env = "cd \(home.path) && env -i PATH=/usr/bin:/bin HOME=\(home.path) TERM=xterm-256color"
            let list = try Shell.output("\(env) \(installed) themes; echo EXIT=$?")
            for name in ["default", "light", "high-contrast", "colorblind", "monochrome"] {
                #expect(list.contains("\(name)\tbuilt in"), "\(list)")
            }
            #expect(list.contains("EXIT=0"))
            let light = try Shell.output("\(env) \(installed) themes --check light; echo EXIT=$?")
            #expect(light.contains("light: ok (built in)"), "\(light)")
            #expect(light.contains("EXIT=0"))
            let missing = try Shell.output("\(env) \(installed) themes --check nope; echo EXIT=$?")
            #expect(missing.contains("error: nope: no theme of this name"))
            #expect(missing.contains("EXIT=1"))
        }
    }
}
