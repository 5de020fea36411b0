import Testing
@testable import Board

@Suite struct NaturalKeyTests {
    @Test func idsSortAsPeopleCountThem() {
        let ids = ["a10", "10", "b", "a9", "2", "a09b", "A1", "uuid-0f", "uuid-0e"]
        #expect(ids.sorted { NaturalKey($0) < NaturalKey($1) } == ["2", "10", "A1", "a9", "a09b", "a10", "b", "uuid-0e", "uuid-0f"])
        #expect(NaturalKey("007") == NaturalKey("7"))
        #expect(!(NaturalKey("x") < NaturalKey("x")))
    }
}
