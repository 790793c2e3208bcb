// Escaping for text placed in XML (SVG figures, JUnit reports): text shows as written and never breaks the markup.

/// XML 1.0 escaping for element content and attribute values.
public enum XMLText {
    /// `text` safe between tags: `& < > " '` as entities, CR as `&#13;` (a parser would turn a
    /// raw CR into LF), and characters XML forbids replaced by the rule of `ControlCharacters`.
    public static func content(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// `text` safe between double or single quotes: as `content`, and tab and LF as character
    /// references too, which attribute-value normalisation would otherwise turn into spaces.
    public static func attribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        // Most text (numbers, labels) needs nothing: give it back as it is.
        if !text.unicodeScalars.contains(where: { replacement(for: $0, inAttribute: inAttribute) != nil }) {
            return text
        }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let replaced = replacement(for: scalar, inAttribute: inAttribute) {
                out += replaced
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    /// What `scalar` is written as, or nil when it is written as it is.
    @inline(__always)
    private static func replacement(for scalar: Unicode.Scalar, inAttribute: Bool) -> String? {
        switch scalar {
        case "&": return "&amp;"
        case "<": return "&lt;"
        case ">": return "&gt;"
        case "\"": return "&quot;"
        case "'": return "&#39;"
        case "\r": return "&#13;"
        case "\n" where inAttribute: return "&#10;"
        case "\t" where inAttribute: return "&#9;"
        default: return ControlCharacters.replacement(for: scalar).map { String($0) }
        }
    }

    /// `prefix` reduced to characters that are safe in an XML id (`[A-Za-z0-9_-]`), never starting
    /// with a digit or `-`; `fig` when nothing is left.
    public static func identifier(_ prefix: String) -> String {
        var out = ""
        for scalar in prefix.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-": out.unicodeScalars.append(scalar)
            default: out += "_"
            }
        }
        if let first = out.unicodeScalars.first,
            !(("a"..."z").contains(first) || ("A"..."Z").contains(first) || first == "_")
        {
            out = "f" + out
        }
        return out.isEmpty ? "fig" : out
    }
}
