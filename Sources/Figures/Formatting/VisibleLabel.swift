// Labels as a reader should see them: control characters spelled out, long labels shortened.

/// Makes token labels safe to lay out: a newline token shows as `\n`, not as a line break.
enum VisibleLabel {
    /// `label` with control characters written as escapes (`\n`, `\t`, `\u{1B}`), cut to `maxWidth` columns.
    static func make(_ label: String, maxWidth: Int = 16) -> String {
        DisplayWidth.truncate(spelledOut(label), to: maxWidth)
    }

    /// `label` with control characters written as escapes and nothing cut.
    static func spelledOut(_ label: String) -> String {
        if !label.unicodeScalars.contains(where: isControl) { return label }
        var out = ""
        for scalar in label.unicodeScalars {
            switch scalar {
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if isControl(scalar) {
                    out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// A C0 or C1 control character, or DEL: what `spelledOut` writes as an escape.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value)
    }
}
