// Escapes text for XML 1.0, including characters XML cannot carry at all.

/// XML 1.0 escaping for element text and attribute values.
enum XMLText {
    /// `text` safe between tags: `&`, `<`, `>` escaped; characters XML 1.0 forbids
    /// (most control characters, U+FFFE, U+FFFF) written out as `\u{1B}`, since no
    /// character reference can carry them.
    static func content(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// `text` safe between double quotes: also `"`, and tab, CR and LF as character references,
    /// which attribute-value normalisation would otherwise turn into spaces.
    static func attribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where inAttribute: out += "&quot;"
            case "\n" where inAttribute: out += "&#10;"
            case "\r": out += "&#13;"
            case "\t" where inAttribute: out += "&#9;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if isAllowed(scalar) {
                    out.unicodeScalars.append(scalar)
                } else {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                }
            }
        }
        return out
    }

    /// XML 1.0's `Char` production, less tab, LF and CR which are handled above.
    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
