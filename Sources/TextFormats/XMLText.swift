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
        if !text.unicodeScalars.contains(where: { needsEscape($0, inAttribute: inAttribute) }) { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\r": out += "&#13;"
            case "\n" where inAttribute: out += "&#10;"
            case "\t" where inAttribute: out += "&#9;"
            default: out.unicodeScalars.append(ControlCharacters.replacement(for: scalar) ?? scalar)
            }
        }
        return out
    }

    /// Whether `scalar` is written differently from itself (see `escape`).
    @inline(__always)
    private static func needsEscape(_ scalar: Unicode.Scalar, inAttribute: Bool) -> Bool {
        switch scalar {
        case "&", "<", ">", "\"", "'", "\r": return true
        case "\n", "\t": return inAttribute
        default: return ControlCharacters.replacement(for: scalar) != nil
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
