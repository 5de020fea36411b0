/// Text helpers measured in terminal cells: sanitizing, truncating, padding and wrapping.
public enum Text {
    /// The default cap on characters kept from one string: far beyond any real name or message.
    public static let defaultMaxCharacters = 4_000

    /// Makes text from the server or a person inert on a terminal. Removes escape sequences with
    /// their payloads (CSI, OSC, DCS, SOS, PM, APC, two-character ESC sequences and their 8-bit C1
    /// forms), the other C0/C1 controls and bidi overrides and isolates. A tab becomes a space;
    /// a newline (also CR LF, CR, U+2028/U+2029) is kept when `keepNewlines` and becomes a space
    /// otherwise. Keeps at most `maxCharacters` characters, ending with "…" when it cut.
    public static func sanitize(_ text: String, keepNewlines: Bool = false,
                                maxCharacters: Int = defaultMaxCharacters) -> String {
        let limit = max(0, maxCharacters)
        var out = String.UnicodeScalarView()
        var state = EscapeState.ground
        // Stop reading input once far more than the cap has been kept, so a 100 MB message costs
        // no more than a long one. Eight scalars a character leaves room for emoji sequences.
        let scalarBudget = limit * 8 + 64
        var previousWasCR = false

        for scalar in text.unicodeScalars {
            if out.count > scalarBudget { break }
            let v = scalar.value
            let wasCR = previousWasCR
            previousWasCR = false
            switch state {
            case .ground:
                break
            case .escape:
                switch v {
                case 0x5B: state = .csi; continue                       // ESC [
                case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .string; continue  // ESC ] P X ^ _
                case 0x1B: continue                                      // ESC ESC: start again
                case 0x20...0x2F: state = .escapeIntermediate; continue
                case 0x30...0x7E: state = .ground; continue              // two-character sequence
                default: state = .ground                                 // not a sequence: drop ESC only
                }
            case .escapeIntermediate:
                switch v {
                case 0x20...0x2F: continue
                case 0x30...0x7E: state = .ground; continue
                case 0x1B: state = .escape; continue
                default: state = .ground
                }
            case .csi:
                switch v {
                case 0x20...0x3F: continue                               // parameters and intermediates
                case 0x40...0x7E: state = .ground; continue              // final byte
                case 0x1B: state = .escape; continue
                case 0x9B: continue
                case 0x00...0x1F, 0x7F: continue                         // controls inside CSI are dropped
                default: state = .ground                                 // malformed: give the text back
                }
            case .string:
                switch v {
                case 0x07, 0x9C: state = .ground                         // BEL or ST ends it
                case 0x1B: state = .stringEscape
                default: break
                }
                continue
            case .stringEscape:
                // ESC \ is the string terminator; any other ESC ends the string and starts anew.
                if v == 0x5C { state = .ground; continue }
                state = .ground
                if v == 0x1B { state = .escape; continue }
                state = .escape
                // Reconsider this scalar as the byte after ESC.
                switch v {
                case 0x5B: state = .csi; continue
                case 0x5D, 0x50, 0x58, 0x5E, 0x5F: state = .string; continue
                case 0x20...0x2F: state = .escapeIntermediate; continue
                case 0x30...0x7E: state = .ground; continue
                default: state = .ground
                }
            }

            // Ground state.
            switch v {
            case 0x1B: state = .escape
            case 0x9B: state = .csi
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F: state = .string          // DCS SOS OSC PM APC
            case 0x09: out.append(" ")
            case 0x0A:
                if wasCR { continue }                                    // the LF of CR LF
                out.append(keepNewlines ? "\n" : " ")
            case 0x0D, 0x2028, 0x2029:
                out.append(keepNewlines ? "\n" : " ")
                previousWasCR = v == 0x0D
            case 0x00...0x1F, 0x7F...0x9F: continue                      // other C0, DEL, other C1
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: continue  // bidi controls
            default: out.append(scalar)
            }
        }
        return capped(String(out), maxCharacters: limit)
    }

    /// Where the sanitizer is inside an escape sequence.
    private enum EscapeState {
        case ground, escape, escapeIntermediate, csi, string, stringEscape
    }

    /// Graphemes longer than this many scalars ("zalgo" text) are cut: no real one comes close.
    static let maxScalarsPerCharacter = 32

    private static func capped(_ text: String, maxCharacters: Int) -> String {
        var result = ""
        var count = 0
        for character in text {
            if count == maxCharacters {
                if maxCharacters > 0 { result.removeLast(); result.append("…") }
                return result
            }
            if character.unicodeScalars.count > maxScalarsPerCharacter {
                var scalars = String.UnicodeScalarView()
                scalars.append(contentsOf: character.unicodeScalars.prefix(maxScalarsPerCharacter))
                result.append(String(scalars))
            } else {
                result.append(character)
            }
            count += 1
        }
        return result
    }
}
