// Swift code as coloured HTML, made at build time so that a page needs no script to read.

/// Renders Swift source as the content of a `<code>` element.
enum SwiftHighlighter {
    /// Appends `code` to `page`, escaped, with each token wrapped in `<span class="…">`.
    static func append(_ code: String, to page: inout HTMLBuffer) {
        let tokens = SwiftLexer.tokens(in: code)
        var code = code
        code.withUTF8 { utf8 in
            var written = 0
            for token in tokens {
                if token.range.lowerBound > written {
                    page.text(utf8: UnsafeBufferPointer(rebasing: utf8[written..<token.range.lowerBound]))
                }
                page.raw("<span class=\"\(token.kind.cssClass)\">")
                page.text(utf8: UnsafeBufferPointer(rebasing: utf8[token.range]))
                page.raw("</span>")
                written = token.range.upperBound
            }
            if written < utf8.count {
                page.text(utf8: UnsafeBufferPointer(rebasing: utf8[written...]))
            }
        }
    }

    /// `code` as highlighted HTML.
    static func html(_ code: String) -> String {
        var page = HTMLBuffer()
        append(code, to: &page)
        return String(decoding: page.bytes, as: UTF8.self)
    }
}
