import ConnectModels
import Foundation
import OrderTracking
import Testing
import TerminalUI
@testable import Dashboard
@testable import OrderFeed

/// The sanitizer's one rule per type: every listed field is cleaned by the rule of its own type.
@Suite("Sanitizable")
struct SanitizableTests {
    static let hostile = "a\u{1B}[31mb\u{202E}c"

    @Test("cleaning(...) cleans each listed field, optional or not, and leaves the others alone")
    func listedFields() {
        let address = Address(addressLine1: Self.hostile, addressLine2: Self.hostile, locality: "x", administrativeArea: "y",
                              postalCode: "1", countryCode: "US")
        let clean = address.cleaning(\.addressLine1, \.addressLine2)
        #expect(clean.addressLine1 == Text.sanitize(Self.hostile))
        #expect(clean.addressLine2 == Text.sanitize(Self.hostile))
        #expect(clean.locality == "x")
        #expect(address.sanitized == clean)
    }

    @Test("a known enum value stays; an unknown one has its text cleaned")
    func enums() {
        #expect(WorkflowState.picking.sanitized == .picking)
        #expect(WorkflowState.unknown(Self.hostile).sanitized == .unknown(Text.sanitize(Self.hostile)))
    }

    @Test("chat bodies keep their line breaks; names do not")
    func multiline() {
        let message = ChatMessage(id: FlexibleID("1\n2"), body: "one\ntwo\u{1B}[0m")
        let clean = TrackerEventSanitizer.clean(message)
        #expect(clean.body == Text.sanitize("one\ntwo\u{1B}[0m", keepNewlines: true))
        #expect(clean.id.value == Text.sanitize("1\n2"))
    }
}
