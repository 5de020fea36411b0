import Foundation

/// One instruction for collecting a pickup order.
public struct PickupInstruction: Codable, Hashable, Sendable {
    public var category: String
    public var instruction: String
    public init(category: String, instruction: String) {
        self.category = category
        self.instruction = instruction
    }
}

/// The reply of `GET .../orders/{order_id}/pickup/details`.
public struct PickupDetails: Codable, Hashable, Sendable {
    public var pickupInstructions: [PickupInstruction]
    enum CodingKeys: String, CodingKey { case pickupInstructions = "pickup_instructions" }

    public init(pickupInstructions: [PickupInstruction]) { self.pickupInstructions = pickupInstructions }
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        pickupInstructions = try c.decodeIfPresent([PickupInstruction].self, forKey: .pickupInstructions) ?? []
    }
}

/// A `{"success": true}` reply.
public struct SuccessResponse: Codable, Hashable, Sendable {
    public var success: Bool
    public init(success: Bool = true) { self.success = success }
}

/// An empty `{}` reply.
public struct EmptyResponse: Codable, Hashable, Sendable {
    public init() {}
}
