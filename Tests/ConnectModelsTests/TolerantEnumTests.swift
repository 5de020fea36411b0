import ConnectModels
import Foundation
import Testing

/// The one table of spellings each tolerant enum has: both directions, and unknown values kept as sent.
@Suite("Tolerant enums")
struct TolerantEnumTests {
    static func roundTrips<E: TolerantEnum>(_: E.Type) -> Bool {
        E.spellings.allSatisfy { value, spelling in
            value.rawValue == spelling && E(rawValue: spelling) == value && E(rawValue: spelling.uppercased()) == value
        }
    }

    @Test("every spelling names its case, in either case of letters, and each case says its spelling")
    func spellings() {
        #expect(Self.roundTrips(WorkflowState.self))
        #expect(Self.roundTrips(FulfillmentType.self))
        #expect(Self.roundTrips(ItemStatus.self))
        #expect(Self.roundTrips(ReplacementStatus.self))
        #expect(Self.roundTrips(CostUnit.self))
        #expect(Self.roundTrips(ChatParty.self))
        #expect(Self.roundTrips(GrantType.self))
        #expect(Self.roundTrips(BatchType.self))
        #expect(Self.roundTrips(ShopperItemStatus.self))
        #expect(WorkflowState.known.first == .brandNew && WorkflowState.known.last == .canceled)
    }

    @Test("an unknown value keeps the text it was sent with, and sends it back unchanged")
    func unknown() throws {
        let value = CostUnit(rawValue: "Bushel")
        #expect(value == .unknown("Bushel"))
        #expect(value.rawValue == "Bushel")
        #expect(!value.isKnown)
        #expect(CostUnit.kg.isKnown)
        let data = try JSONEncoder().encode([value])
        #expect(String(decoding: data, as: UTF8.self) == #"["Bushel"]"#)
        #expect(try JSONDecoder().decode([CostUnit].self, from: data) == [value])
    }
}
