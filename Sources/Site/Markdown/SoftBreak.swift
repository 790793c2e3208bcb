// Line breaks inside a Chinese paragraph: a newline between two Chinese characters is not a space.

import Notebook

/// Decides what a soft line break in the source becomes on the page.
///
/// Browsers render a newline as a space, which is right between English words and wrong
/// between Chinese characters (`注意\n力` would read `注意 力`). A soft break between two
/// wide (CJK) characters therefore disappears; elsewhere it stays a line break (a space).
enum SoftBreak {
    /// `""` between two CJK characters, `"\n"` otherwise.
    static func replacement(after previous: Inline?, before next: Inline?) -> String {
        guard let last = previous.flatMap(lastScalar), let first = next.flatMap(firstScalar) else { return "\n" }
        return isWide(last) && isWide(first) ? "" : "\n"
    }

    /// The plain text of `inlines` with soft breaks replaced the same way, for search and titles.
    static func plainText(_ inlines: [Inline]) -> String {
        var out = ""
        for (i, inline) in inlines.enumerated() {
            switch inline {
            case .softBreak:
                let gap = replacement(
                    after: i > 0 ? inlines[i - 1] : nil, before: i + 1 < inlines.count ? inlines[i + 1] : nil)
                out += gap.isEmpty ? "" : " "
            case .emphasis(let content), .strong(let content), .link(_, _, let content), .image(_, _, let content):
                out += plainText(content)
            case .html(let html):
                if !MarkdownRenderer.isComment(html) { out += html }  // raw HTML shows as written
            default:
                out += inline.plainText
            }
        }
        return out
    }

    /// CJK ideographs, kana, Hangul, CJK and full-width punctuation.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFE30...0xFE4F,
             0xFF00...0xFFEF, 0x20000...0x3FFFF:
            return true
        default:
            return false
        }
    }

    private static func firstScalar(_ inline: Inline) -> Unicode.Scalar? {
        switch inline {
        case .text(let s), .code(let s): return s.unicodeScalars.first
        case .emphasis(let c), .strong(let c), .link(_, _, let c), .image(_, _, let c):
            return c.first.flatMap(firstScalar)
        case .softBreak, .lineBreak, .html, .math: return nil
        }
    }

    private static func lastScalar(_ inline: Inline) -> Unicode.Scalar? {
        switch inline {
        case .text(let s), .code(let s): return s.unicodeScalars.last
        case .emphasis(let c), .strong(let c), .link(_, _, let c), .image(_, _, let c):
            return c.last.flatMap(lastScalar)
        case .softBreak, .lineBreak, .html, .math: return nil
        }
    }
}
