import ArgumentParser
import ConnectClient
import ConnectModels
import Foundation

/// `ordertop sandbox user`: an Instacart account to link a Connect user to.
struct SandboxUserCommand: SandboxCallCommand {
    static let configuration = CommandConfiguration(commandName: "user", abstract: "Create a fictitious Instacart account (for account linking).")
    @OptionGroup var options: SandboxClientOptions
    @Option(help: "The account's email.") var email = "customer@example.com"
    @Option(help: "The account's phone number.") var phone = "5555550100"
    @Option(help: "The account's password.") var password = "password"
    @Flag(help: "The account has an Instacart+ membership.") var instacartPlus = false

    func call(_ client: ConnectClient) async throws -> IDResponse {
        try await client.createInstacartUser(CreateInstacartUserRequest(email: email, phone: phone, password: password,
                                                                        instacartplusMember: instacartPlus))
    }
}

/// `ordertop sandbox link`: the whole account-linking dance of the seed, in one command.
struct SandboxLinkCommand: SandboxCallCommand {
    static let configuration = CommandConfiguration(
        commandName: "link",
        abstract: "Link a Connect user to an Instacart account, as the seed describes, and print the link status.",
        discussion: """
            The customer authorizes (authorize -> code), the code becomes a linking token (grant authorization_code \
            with the same redirect URI), and the token links the accounts (POST .../users/USER/link).
            """)

    @OptionGroup var options: SandboxClientOptions
    @Argument(help: "The Connect user id.") var user: String
    @Option(help: "The Instacart account id (from `ordertop sandbox user`).") var instacartUser: String
    @Option(help: "The redirect URI registered for the site.") var redirectURI = "https://example.org/linked"

    func call(_ client: ConnectClient) async throws -> LinkStatus {
        let code = try await client.authorizeInstacartUser(instacartUser, AuthorizeRequest(redirectURI: redirectURI))
        let linking = try await client.token(
            .authorizationCode(id: options.clientID, secret: options.clientSecret, code: code.code, redirectURI: redirectURI))
        _ = try await client.link(userID: user, linkingToken: linking.accessToken)
        return try await client.linkStatus(userID: user)
    }
}

/// `ordertop sandbox link-status`: whether a Connect user is linked, and the membership.
struct SandboxLinkStatusCommand: SandboxCallCommand {
    static let configuration = CommandConfiguration(
        commandName: "link-status", abstract: "Show whether a Connect user is linked to an Instacart account (400: not linked).")

    @OptionGroup var options: SandboxClientOptions
    @Argument(help: "The Connect user id.") var user: String

    func call(_ client: ConnectClient) async throws -> LinkStatus {
        try await client.linkStatus(userID: user)
    }
}
