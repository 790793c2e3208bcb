// The one rule that turns a heading or a file name into a name for a URL: stable, readable, keeps Chinese.

/// Makes URL-friendly names from text a reader wrote.
enum Slug {
    /// The slug of `text`: letters and digits of every script kept (Chinese included), ASCII
    /// lowercased, whitespace turned into `-`, other punctuation and symbols dropped, runs of `-`
    /// collapsed and trimmed. Empty when nothing is left, e.g. for `"!!!"`.
    ///
    /// `"自注意力 (Self-Attention)"` → `"自注意力-self-attention"`; `"Q·Kᵀ / √d"` → `"qkᵀ-d"`.
    static func make(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingDash = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace || scalar == "-" {
                pendingDash = !out.isEmpty
                continue
            }
            guard isKept(scalar) else { continue }
            if pendingDash {
                out.append("-")
                pendingDash = false
            }
            if scalar.value >= 0x41 && scalar.value <= 0x5A {  // A-Z
                out.append(Unicode.Scalar(UInt8(scalar.value) + 32))
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Letters, marks and digits of any script, and `_`.
    private static func isKept(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "_" { return true }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .decimalNumber, .letterNumber:
            return true
        default:
            return false
        }
    }
}

/// Hands out slugs unique within one scope (one page's ids, or the site's page names).
struct UniqueNames {
    private var taken: Set<String>

    /// `reserved` names are never handed out; a slug equal to one gets a suffix.
    init(reserved: Set<String> = []) {
        taken = reserved
    }

    /// `slug` itself the first time, then `slug-2`, `slug-3`, …; `fallback` stands in for an empty slug.
    mutating func claim(_ slug: String, fallback: String) -> String {
        let base = slug.isEmpty ? fallback : slug
        var candidate = base
        var n = 2
        while taken.contains(candidate) {
            candidate = "\(base)-\(n)"
            n += 1
        }
        taken.insert(candidate)
        return candidate
    }
}
