// Letters in bold, double-struck, script, sans-serif and typewriter styles, as Unicode writes them.

import TextFormats

/// The font a command like `\mathbf` sets for the letters inside it.
///
/// MathML Core has no `mathvariant` other than `normal`: styled letters are the Unicode
/// Mathematical Alphanumeric Symbols (`\mathbb{R}` is `ℝ`, `\mathbf{x}` is `𝐱`).
enum MathFont: Hashable, Sendable {
    case normal
    /// `\mathrm`, `\operatorname`: upright letters, a run of them one identifier.
    case roman
    case bold
    case boldItalic
    case doubleStruck
    case script
    case sansSerif
    case monospace

    /// `c` in this font: a styled letter or digit, or `c` itself when the font has none for it.
    func styled(_ c: Unicode.Scalar) -> Unicode.Scalar {
        guard let (upper, lower, digit) = starts else { return c }
        let v = c.value
        var code: UInt32?
        if (0x41...0x5A).contains(v) {
            code = exceptions[c] ?? upper + (v - 0x41)
        } else if (0x61...0x7A).contains(v), let lower {
            code = exceptions[c] ?? lower + (v - 0x61)
        } else if (0x30...0x39).contains(v), let digit {
            code = digit + (v - 0x30)
        }
        return code.flatMap(Unicode.Scalar.init) ?? c
    }

    /// Where the capitals, small letters and digits of this font start in Unicode.
    private var starts: (UInt32, UInt32?, UInt32?)? {
        switch self {
        case .normal, .roman: return nil
        case .bold: return (0x1D400, 0x1D41A, 0x1D7CE)
        case .boldItalic: return (0x1D468, 0x1D482, 0x1D7CE)
        case .doubleStruck: return (0x1D538, 0x1D552, 0x1D7D8)
        case .script: return (0x1D49C, 0x1D4B6, nil)
        case .sansSerif: return (0x1D5A0, 0x1D5BA, 0x1D7E2)
        case .monospace: return (0x1D670, 0x1D68A, 0x1D7F6)
        }
    }

    /// Letters Unicode encoded before the mathematical alphabets, in the Letterlike Symbols block.
    private var exceptions: [Unicode.Scalar: UInt32] {
        switch self {
        case .doubleStruck:
            return ["C": 0x2102, "H": 0x210D, "N": 0x2115, "P": 0x2119, "Q": 0x211A, "R": 0x211D, "Z": 0x2124]
        case .script:
            return ["B": 0x212C, "E": 0x2130, "F": 0x2131, "H": 0x210B, "I": 0x2110, "L": 0x2112,
                    "M": 0x2133, "R": 0x211B, "e": 0x212F, "g": 0x210A, "o": 0x2134]
        default:
            return [:]
        }
    }

    /// The font commands and the fonts they set.
    static let commands: [String: MathFont] = [
        "mathrm": .roman, "operatorname": .roman, "mathit": .normal, "mathbf": .bold,
        "boldsymbol": .boldItalic, "bm": .boldItalic, "mathbb": .doubleStruck, "mathcal": .script,
        "mathscr": .script, "mathsf": .sansSerif, "mathtt": .monospace,
    ]
}

/// Escapes text for MathML inside an HTML page by the page's own rule (`HTMLText`); TeX reads a
/// tab or a line break inside a formula as a space, so they are written as one.
enum MathMLText {
    static func escaped(_ text: String) -> String {
        var spaced = String(String.UnicodeScalarView(
            text.unicodeScalars.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }))
        var out: [UInt8] = []
        out.reserveCapacity(spaced.utf8.count)
        spaced.withUTF8 { HTMLText.appendEscaped($0, to: &out) }
        return String(decoding: out, as: UTF8.self)
    }
}
