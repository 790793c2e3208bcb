// How many terminal columns text takes: CJK and fullwidth characters take two, combining marks none.

/// Terminal column widths after Unicode's East Asian Width property (UAX #11), simplified.
///
/// Wide (W) and fullwidth (F) characters count as 2, combining marks and zero-width
/// characters as 0, everything else as 1. Ambiguous characters (box drawing, the shade
/// ramp `░▒▓█`) count as 1, as in terminals that are not set to a CJK legacy width.
public enum DisplayWidth {
    /// The columns `text` takes in a terminal.
    public static func of(_ text: String) -> Int {
        var width = 0
        for scalar in text.unicodeScalars { width += of(scalar) }
        return width
    }

    /// The columns one scalar takes: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (0x7F..<0xA0).contains(v) { return 0 }
        if v < 0x300 { return 1 }
        if isZeroWidth(v) { return 0 }
        return isWide(v) ? 2 : 1
    }

    /// `text` cut to at most `maxWidth` columns, ending in `…` when something was cut.
    public static func truncate(_ text: String, to maxWidth: Int) -> String {
        if of(text) <= maxWidth { return text }
        guard maxWidth >= 1 else { return "" }
        var out = ""
        var used = 0
        for character in text {
            let w = of(String(character))
            if used + w > maxWidth - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }

    /// `text` padded with spaces to `width` columns, on the right (`.left`) or the left (`.right`).
    public static func pad(_ text: String, to width: Int, alignment: Alignment = .left) -> String {
        let missing = max(0, width - of(text))
        let spaces = String(repeating: " ", count: missing)
        return alignment == .left ? text + spaces : spaces + text
    }

    /// Which side text sits on inside a wider column.
    public enum Alignment: Sendable { case left, right }

    // MARK: - Unicode ranges

    private static func isZeroWidth(_ v: UInt32) -> Bool {
        switch v {
        case 0x0300...0x036F,   // combining diacritical marks
             0x0483...0x0489, 0x0591...0x05BD, 0x0610...0x061A, 0x064B...0x065F,
             0x1AB0...0x1AFF, 0x1DC0...0x1DFF,
             0x200B...0x200F,   // zero-width space, joiners, direction marks
             0x2028...0x202E, 0x2060...0x2064,
             0x20D0...0x20FF,   // combining marks for symbols
             0xFE00...0xFE0F,   // variation selectors
             0xFE20...0xFE2F, 0xFEFF,
             0xE0100...0xE01EF:
            return true
        default:
            return false
        }
    }

    private static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F,   // Hangul Jamo initials
             0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1,
             0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA,
             0x26F2...0x26F3, 0x26F5, 0x26FA, 0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C,
             0x274E, 0x2753...0x2755, 0x2757, 0x2795...0x2797, 0x27B0, 0x27BF,
             0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E,   // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
             0x3041...0x33FF,   // Hiragana, Katakana, Bopomofo, Hangul compatibility, Kanbun, CJK compatibility
             0x3400...0x4DBF,   // CJK Extension A
             0x4E00...0x9FFF,   // CJK Unified Ideographs
             0xA000...0xA4CF,   // Yi
             0xA960...0xA97F,   // Hangul Jamo Extended-A
             0xAC00...0xD7A3,   // Hangul syllables
             0xF900...0xFAFF,   // CJK compatibility ideographs
             0xFE10...0xFE19,   // vertical forms
             0xFE30...0xFE6F,   // CJK compatibility forms, small form variants
             0xFF00...0xFF60,   // fullwidth forms
             0xFFE0...0xFFE6,
             0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,   // Tangut, Kana supplement
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A,
             0x1F200...0x1F251, 0x1F260...0x1F265,
             0x1F300...0x1F320, 0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393,
             0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3, 0x1F3E0...0x1F3F0, 0x1F3F4, 0x1F3F8...0x1F43E,
             0x1F440, 0x1F442...0x1F4FC, 0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567,
             0x1F57A, 0x1F595...0x1F596, 0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5,
             0x1F6CC, 0x1F6D0...0x1F6D2, 0x1F6D5...0x1F6D7, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC,
             0x1F7E0...0x1F7EB, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF,
             0x1FA70...0x1FAFF,
             0x20000...0x2FFFD,  // CJK Extensions B–F, compatibility supplement
             0x30000...0x3FFFD:  // CJK Extension G and beyond
            return true
        default:
            return false
        }
    }
}
