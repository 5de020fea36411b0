/// An id as people order ids: runs of digits compare as numbers (2 before 10), the rest by character. Worked out
/// once per row, so sorting hundreds of rows many times a second compares small values, not strings through
/// Foundation.
struct NaturalKey: Comparable, Hashable, Sendable {
    enum Part: Hashable, Sendable {
        /// Digits without leading zeros; a longer run is a larger number.
        case number(String)
        case text(String)
    }

    let parts: [Part]

    init(_ text: String) {
        var parts: [Part] = []
        var run = ""
        var digits = false
        func close() {
            guard !run.isEmpty else { return }
            if digits {
                let trimmed = run.drop { $0 == "0" }
                parts.append(.number(trimmed.isEmpty ? "0" : String(trimmed)))
            } else {
                parts.append(.text(run))
            }
            run = ""
        }
        for character in text {
            let isDigit = character.isASCII && character.isNumber
            if isDigit != digits { close() }
            digits = isDigit
            run.append(character)
        }
        close()
        self.parts = parts
    }

    static func < (a: NaturalKey, b: NaturalKey) -> Bool {
        for (x, y) in zip(a.parts, b.parts) where x != y {
            switch (x, y) {
            case (.number(let m), .number(let n)): return m.count != n.count ? m.count < n.count : m < n
            case (.text(let s), .text(let t)): return s < t
            case (.number, .text): return true
            case (.text, .number): return false
            }
        }
        return a.parts.count < b.parts.count
    }
}
