// Escaping for text placed in SVG and HTML: labels like `<script>` show as text and never break the markup.

/// Escapes text for XML and HTML content and attribute values.
enum XMLEscaping {
    /// `text` with `& < > " '` replaced by entities and characters XML 1.0 forbids dropped.
    ///
    /// Control characters other than tab, newline and carriage return are not allowed in
    /// XML 1.0 at all, not even as character references, so they are replaced by U+FFFD.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if isAllowedInXML(scalar) { out.unicodeScalars.append(scalar) } else { out += "\u{FFFD}" }
            }
        }
        return out
    }

    /// Whether `scalar` may appear in an XML 1.0 document.
    private static func isAllowedInXML(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// `prefix` reduced to characters that are safe in an XML id (`[A-Za-z0-9_-]`), never starting with a digit.
    static func idSafe(_ prefix: String) -> String {
        var out = ""
        for scalar in prefix.unicodeScalars {
            switch scalar {
            case "a"..."z", "A"..."Z", "0"..."9", "_", "-": out.unicodeScalars.append(scalar)
            default: out += "_"
            }
        }
        if let first = out.unicodeScalars.first, !(("a"..."z").contains(first) || ("A"..."Z").contains(first) || first == "_") {
            out = "f" + out
        }
        return out.isEmpty ? "fig" : out
    }
}
