import ArgumentParser
import ConnectModels
import Foundation

/// `ordertop sandbox user`: an Instacart account to link a Connect user to.
struct SandboxUserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Create a fictitious Instacart account (for account linking).")

    @OptionGroup var sandbox: SandboxClientOptions
    @Option(help: "The account's email.") var email = "customer@example.com"
    @Option(help: "The account's phone number.") var phone = "5555550100"
    @Option(help: "The account's password.") var password = "password"
    @Flag(help: "The account has an Instacart+ membership.") var instacartPlus = false

    func run() async throws {
        await sandbox.run { client in
            try await client.createInstacartUser(CreateInstacartUserRequest(email: email, phone: phone, password: password,
                                                                            instacartplusMember: instacartPlus))
        }
    }
}

/// `ordertop sandbox link`: the whole account-linking dance of the seed, in one command.
struct SandboxLinkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Link a Connect user to an Instacart account, as the seed describes, and print the link status.",
        discussion: """
            The customer authorizes (authorize -> code), the code becomes a linking token (grant authorization_code \
            with the same redirect URI), and the token links the accounts (POST .../users/USER/link).
            """)

    @OptionGroup var sandbox: SandboxClientOptions
    @Argument(help: "The Connect user id.") var user: String
    @Option(help: "The Instacart account id (from `ordertop sandbox user`).") var instacartUser: String
    @Option(help: "The redirect URI registered for the site.") var redirectURI = "https://example.org/linked"

    func run() async throws {
        await sandbox.run { client in
            let code = try await client.authorizeInstacartUser(instacartUser, AuthorizeRequest(redirectURI: redirectURI))
            let linking = try await client.token(
                .authorizationCode(id: sandbox.clientID, secret: sandbox.clientSecret, code: code.code, redirectURI: redirectURI))
            _ = try await client.link(userID: user, linkingToken: linking.accessToken)
            return try await client.linkStatus(userID: user)
        }
    }
}

/// `ordertop sandbox link-status`: whether a Connect user is linked, and the membership.
struct SandboxLinkStatusCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "link-status", abstract: "Show whether a Connect user is linked to an Instacart account (400: not linked).")

    @OptionGroup var sandbox: SandboxClientOptions
    @Argument(help: "The Connect user id.") var user: String

    func run() async throws {
        await sandbox.run { client in try await client.linkStatus(userID: user) }
    }
}

/// `ordertop sandbox init`: the custom widgets' session init, cookies and all.
struct SandboxInitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init", abstract: "Establish a custom-widget user session (POST /idp/v1/init) and print its status and cookies.")

    @OptionGroup var sandbox: SandboxClientOptions
    @Option(help: "A cookie to send, as NAME=VALUE; repeat for more.") var cookie: [String] = []

    /// What `init` prints.
    struct Reply: Encodable {
        var status: Int
        var established: Bool
        var cookies: [String]
    }

    func validate() throws {
        for c in cookie where !c.contains("=") || c.contains(";") || c.contains(where: { $0.isNewline }) {
            throw ValidationError("--cookie takes NAME=VALUE, not \"\(c)\"")
        }
    }

    func run() async throws {
        let session = await sandbox.run(authorized: false, print: { (session: WidgetSession) in
            SandboxOutput.print(Reply(status: session.status, established: session.isEstablished, cookies: session.cookies))
        }) { client in try await client.initWidgetSession(cookies: cookie) }
        if !session.isEstablished { throw ExitCode(1) }
    }
}
