import ArgumentParser
import ConnectModels
import Foundation

/// Where `watch` gets the user token: `ORDERTOP_TOKEN`, `--token-file`, or (with a warning) `--token`.
struct TokenOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("A file holding the user access token.", valueName: "path"))
    var tokenFile: String?

    @Option(name: .long, help: ArgumentHelp("The user access token. Other users of this machine can see it in the process list: prefer ORDERTOP_TOKEN or --token-file.", valueName: "token"))
    var token: String?

    /// Reads the token, or explains exactly what is missing.
    func resolve(environment: [String: String] = ProcessInfo.processInfo.environment, quiet: Bool = false) throws -> BearerToken {
        if let token {
            if !quiet { FileHandle.standardError.write(Data("warning: --token is visible to other users in the process list; prefer ORDERTOP_TOKEN or --token-file\n".utf8)) }
            return try validated(token, source: "--token")
        }
        if let tokenFile {
            let url = URL(fileURLWithPath: (tokenFile as NSString).expandingTildeInPath)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw ValidationError("cannot read the token file \(url.path): it does not exist or is not readable")
            }
            guard data.count <= 16_384, let text = String(data: data, encoding: .utf8) else {
                throw ValidationError("the token file \(url.path) does not hold a text token")
            }
            return try validated(text, source: "the token file \(url.path)")
        }
        if let env = environment["ORDERTOP_TOKEN"] {
            return try validated(env, source: "ORDERTOP_TOKEN")
        }
        throw ValidationError("""
            no user token: set ORDERTOP_TOKEN or pass --token-file FILE.
            For a local sandbox: export ORDERTOP_TOKEN=$(ordertop sandbox token --user USER_ID --raw)
            """)
    }

    private func validated(_ raw: String, source: String) throws -> BearerToken {
        let token = BearerToken(raw)
        if token.secret.isEmpty { throw ValidationError("\(source) is empty") }
        if token.secret.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false }) {
            throw ValidationError("\(source) does not look like a token (it contains spaces or control characters)")
        }
        return token
    }
}
