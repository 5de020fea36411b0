import ArgumentParser
import ConnectClient
import ConnectModels
import Foundation

/// `ordertop sandbox token`: a client token, or a user token for `ordertop watch`.
struct SandboxTokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Get an access token: a user token with --user, else a client-credentials token.",
        discussion: "For `ordertop watch`: export ORDERTOP_TOKEN=$(ordertop sandbox token --user USER_ID --raw)")
    @OptionGroup var options: SandboxClientOptions
    @Option(help: "The Connect user id to get a user access token for (scope connect:post_checkout).") var user: String?
    @Flag(help: "Print only the token, not the JSON reply.") var raw = false

    func run() async throws {
        let request: TokenRequest = user.map { .userAssertion(id: options.clientID, secret: options.clientSecret, userID: $0) }
            ?? .clientCredentials(id: options.clientID, secret: options.clientSecret)
        let raw = raw
        await options.run(authorized: false, print: { (reply: TokenResponse) in
            if raw { FileHandle.standardOutput.write(Data((reply.accessToken + "\n").utf8)) } else { SandboxOutput.print(reply) }
        }) { client in try await client.token(request) }
    }
}

/// `ordertop sandbox create-order`.
struct SandboxCreateOrderCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create-order", abstract: "Create an order (simulator call); without --item it gets a default basket of 15 groceries.")
    @OptionGroup var options: SandboxClientOptions
    @Option(help: "The Connect user id the order belongs to.") var user = "user-1"
    @Option(help: "delivery, pickup or last_mile_delivery.") var type = "delivery"
    @Option(help: "The customer's name shown in the chat.") var customerName: String?
    @Option(help: ArgumentHelp("An item as NAME[:QUANTITY[:UNIT]], e.g. \"Bananas:6:each\"; repeat for more.", valueName: "item"))
    var item: [String] = []

    func run() async throws {
        let items = try item.map(Self.parseItem)
        await options.run { client in
            try await client.createOrder(CreateOrderRequest(userID: user, fulfillmentType: FulfillmentType(rawValue: type),
                                                            items: items.isEmpty ? nil : items, customerName: customerName))
        }
    }

    static func parseItem(_ text: String) throws -> NewOrderItem {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        guard let name = parts.first, !name.isEmpty else { throw ValidationError("--item needs a name: NAME[:QUANTITY[:UNIT]]") }
        let quantity = parts.count > 1 ? parts[1] : "1"
        guard let amount = Double(quantity), amount > 0 else { throw ValidationError("--item \(text): quantity must be a number > 0") }
        return NewOrderItem(name: name, quantity: FlexibleNumber(amount), costUnit: CostUnit(rawValue: parts.count > 2 ? parts[2] : "each"))
    }
}

/// `ordertop sandbox create-shopper`.
struct SandboxCreateShopperCommand: SandboxCallCommand {
    static let configuration = CommandConfiguration(commandName: "create-shopper", abstract: "Create a fictitious shopper.")
    @OptionGroup var options: SandboxClientOptions
    @Option(help: "The name the customer sees in the chat.") var name: String?
    @Option(help: "The shopper's email.") var email = "shopper@example.com"
    @Option(help: "The shopper's phone.") var phone = "5555550100"

    func call(_ client: ConnectClient) async throws -> IDResponse {
        try await client.createShopper(CreateShopperRequest(email: email, phone: phone, password: "sandbox", displayName: name))
    }
}

/// `ordertop sandbox batch`.
struct SandboxBatchCommand: SandboxCallCommand {
    static let configuration = CommandConfiguration(commandName: "batch", abstract: "Batch orders and assign them to a shopper.")
    @OptionGroup var options: SandboxClientOptions
    @Option(help: "The shopper id.") var shopper: String
    @Option(help: "An order id; repeat for more.") var order: [String]
    @Option(help: "delivery, pickup, delivery_only or runner_customer (default: from the order).") var type: String?
    @Option(help: "The state to start in.") var state: String?

    func call(_ client: ConnectClient) async throws -> BatchResponse {
        try await client.createBatch(CreateBatchRequest(batchType: type.map(BatchType.init(rawValue:)), shopperID: FlexibleID(shopper),
                                                        workflowState: state, orders: order.map { BatchOrderRef(id: FlexibleID($0)) }))
    }
}

/// `ordertop sandbox advance`.
struct SandboxAdvanceCommand: SandboxCallCommand {
    static let configuration = CommandConfiguration(commandName: "advance", abstract: "Move a batch to its next state, or to --to STATE.")
    @OptionGroup var options: SandboxClientOptions
    @Argument(help: "The batch id.") var batch: String
    @Option(help: "The state to set, e.g. picking.") var to: String?

    func call(_ client: ConnectClient) async throws -> BatchResponse {
        try await client.advanceBatch(batch, to: to)
    }
}

/// `ordertop sandbox item`.
struct SandboxItemCommand: SandboxCallCommand {
    static let configuration = CommandConfiguration(
        commandName: "item", abstract: "As the shopper, mark a line found, not_found, replaced or to_refund.")
    @OptionGroup var options: SandboxClientOptions
    @Option(help: "The shopper id.") var shopper: String
    @Option(help: "The order id.") var order: String
    @Argument(help: "The line number (1, 2, ...).") var line: String
    @Option(help: "found, not_found, replaced or to_refund.") var status: String
    @Option(help: "With --status replaced: the replacement's name.") var replacement: String?

    func call(_ client: ConnectClient) async throws -> SuccessResponse {
        try await client.updateShopperItem(shopperID: shopper, orderID: order, lineNum: line, ShopperItemUpdate(
            status: ShopperItemStatus(rawValue: status), replacementItem: replacement.map { ReplacementItemSpec(name: $0) }))
    }
}

/// `ordertop sandbox say`.
struct SandboxSayCommand: SandboxCallCommand {
    static let configuration = CommandConfiguration(commandName: "say", abstract: "Send a chat message as the order's shopper.")
    @OptionGroup var options: SandboxClientOptions
    @Argument(help: "The order id.") var order: String
    @Argument(help: "The message.") var text: String

    func call(_ client: ConnectClient) async throws -> SendChatMessageResponse {
        try await client.shopperSays(orderID: order, body: text)
    }
}

/// `ordertop sandbox messages`.
struct SandboxMessagesCommand: SandboxCallCommand {
    static let configuration = CommandConfiguration(commandName: "messages", abstract: "Show an order's conversation, as the shopper sees it.")
    @OptionGroup var options: SandboxClientOptions
    @Argument(help: "The order id.") var order: String

    func call(_ client: ConnectClient) async throws -> ChatConversation {
        try await client.shopperConversation(orderID: order)
    }
}

/// `ordertop sandbox move`.
struct SandboxMoveCommand: SandboxCallCommand {
    static let configuration = CommandConfiguration(
        commandName: "move", abstract: "Move the order's shopper (shown while the order is delivering).")
    @OptionGroup var options: SandboxClientOptions
    @Argument(help: "The order id.") var order: String
    @Option(parsing: .unconditional, help: "Latitude in degrees.") var latitude: Double
    @Option(parsing: .unconditional, help: "Longitude in degrees (negative values work: --longitude -89.97).") var longitude: Double

    func call(_ client: ConnectClient) async throws -> SuccessResponse {
        try await client.moveShopper(orderID: order, to: Coordinates(latitude: latitude, longitude: longitude))
    }
}

/// `ordertop sandbox cancel`.
struct SandboxCancelCommand: SandboxCallCommand {
    static let configuration = CommandConfiguration(commandName: "cancel", abstract: "Cancel an order.")
    @OptionGroup var options: SandboxClientOptions
    @Argument(help: "The order id.") var order: String

    func call(_ client: ConnectClient) async throws -> SuccessResponse {
        try await client.cancelOrder(order)
    }
}

/// `ordertop sandbox fault`.
struct SandboxFaultCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fault", abstract: "Make the sandbox fail on purpose: status, garbage, close, drop-response or delay; or --clear.")
    @OptionGroup var options: SandboxClientOptions
    @Argument(help: "status, garbage, close (before the request is carried out), drop-response (after it) or delay.") var kind: String?
    @Option(help: "Only requests whose path starts with this.") var path = "/v2/post_checkout"
    @Option(help: "With status: the HTTP status.") var status: Int?
    @Option(help: "With status: Retry-After in seconds.") var retryAfter: Int?
    @Option(help: "With delay: milliseconds.") var delayMs: Int?
    @Option(help: "How many requests fail.") var count = 1
    @Flag(help: "Remove every pending fault.") var clear = false

    func run() async throws {
        guard clear || kind != nil else { throw ValidationError("give a kind (status, garbage, close, drop-response, delay) or --clear") }
        await options.run { client in
            if clear { return try await client.clearFaults() }
            return try await client.injectFault(FaultRequest(kind: kind ?? "", pathPrefix: path, status: status, retryAfter: retryAfter,
                                                             delayMS: delayMs, count: count))
        }
    }
}
