// Puts formulas back where cmark parsed their placeholders: `$`, U+0001 index U+0002, `$` becomes `.math`.

/// Replaces the placeholders `MathSpans` left in the text cmark parsed with the formulas.
struct MathPlaceholders {
    let spans: [MathSpans.Span]

    /// `inlines` with every placeholder turned into its formula, at every depth.
    func restore(_ inlines: [Inline]) -> [Inline] {
        guard !spans.isEmpty, Self.holdsPlaceholder(inlines) else { return inlines }
        var out: [Inline] = []
        var pending: (span: MathSpans.Span, breaksLeft: Int)?
        for inline in merged(inlines) {
            switch inline {
            case .softBreak where pending != nil, .lineBreak where pending != nil:
                continue  // line breaks inside a formula belong to its TeX
            case .text(var text):
                if let (span, breaksLeft) = pending {
                    // A further line of the formula: U+0003, and on the last line the closing dollars.
                    text = String(text.drop(while: { $0 == Character(MathSpans.continuation) }))
                    if breaksLeft > 1 {
                        pending = (span, breaksLeft - 1)
                        continue
                    }
                    pending = nil
                    text = text.hasPrefix(span.delimiter) ? String(text.dropFirst(span.delimiter.count)) : text
                }
                out += split(text, pending: &pending)
            case .emphasis(let content): out.append(.emphasis(restore(content)))
            case .strong(let content): out.append(.strong(restore(content)))
            case .link(let destination, let title, let content):
                out.append(.link(destination: restore(destination), title: restore(title), content: restore(content)))
            case .image(let source, let title, let alt):
                out.append(.image(source: restore(source), title: restore(title), alt: restore(alt)))
            case .html(let html): out.append(.html(restore(html)))
            default: out.append(inline)
            }
        }
        return out
    }

    /// Text with its placeholders cut out into formulas; a formula that goes on past this line
    /// is left `pending` with the number of line breaks it still covers.
    private func split(_ text: String, pending: inout (span: MathSpans.Span, breaksLeft: Int)?) -> [Inline] {
        guard text.unicodeScalars.contains(MathSpans.placeholderStart) else { return text.isEmpty ? [] : [.text(text)] }
        var out: [Inline] = []
        var rest = Substring(text)
        while let start = rest.unicodeScalars.firstIndex(of: MathSpans.placeholderStart),
              let end = rest.unicodeScalars[start...].firstIndex(of: MathSpans.placeholderEnd),
              let index = Int(String(rest.unicodeScalars[rest.unicodeScalars.index(after: start)..<end])),
              spans.indices.contains(index) {
            let span = spans[index]
            var before = rest[..<start]
            if before.hasSuffix(span.delimiter) { before = before.dropLast(span.delimiter.count) }
            if !before.isEmpty { out.append(.text(String(before))) }
            out.append(.math(span.formula))
            rest = rest[rest.unicodeScalars.index(after: end)...]
            if span.close.line > span.open.line {
                pending = (span, span.close.line - span.open.line)
                return out
            }
            if rest.hasPrefix(span.delimiter) { rest = rest.dropFirst(span.delimiter.count) }
        }
        if !rest.isEmpty { out.append(.text(String(rest))) }
        return out
    }

    /// A string that is not prose (a link's address, raw HTML) with each formula's TeX back in
    /// place of its placeholder, as the author wrote it.
    func restore(_ string: String) -> String {
        guard string.unicodeScalars.contains(where: { $0.value >= 1 && $0.value <= 3 }) else { return string }
        var out = ""
        var scalars = Substring(string).unicodeScalars[...]
        while let c = scalars.first {
            scalars = scalars.dropFirst()
            if c == MathSpans.continuation { continue }
            if c == MathSpans.placeholderStart, let end = scalars.firstIndex(of: MathSpans.placeholderEnd),
               let index = Int(String(scalars[..<end])), spans.indices.contains(index) {
                out += spans[index].formula.tex
                scalars = scalars[scalars.index(after: end)...]
                continue
            }
            out.unicodeScalars.append(c)
        }
        return out
    }

    /// Whether any text, address or raw HTML in `inlines` holds a placeholder byte (U+0001…U+0003).
    private static func holdsPlaceholder(_ inlines: [Inline]) -> Bool {
        let marked = { (s: String) in s.utf8.contains { $0 >= 1 && $0 <= 3 } }
        return inlines.contains { inline in
            switch inline {
            case .text(let s), .html(let s): return marked(s)
            case .emphasis(let c), .strong(let c): return holdsPlaceholder(c)
            case .link(let url, let title, let c), .image(let url, let title, let c):
                return marked(url) || marked(title) || holdsPlaceholder(c)
            default: return false
            }
        }
    }

    /// Adjacent text nodes joined, so that a placeholder and its dollars are in one string.
    private func merged(_ inlines: [Inline]) -> [Inline] {
        var out: [Inline] = []
        for inline in inlines {
            if case .text(let next) = inline, case .text(let previous)? = out.last {
                out[out.count - 1] = .text(previous + next)
            } else {
                out.append(inline)
            }
        }
        return out
    }
}
