// A small HTML reader for the tests: checks tags are balanced and collects ids and links.

/// What a page's markup holds, read with a tolerant scanner that knows HTML's void elements.
struct HTMLInspector {
    var ids: [String] = []
    var hrefs: [String] = []
    var srcs: [String] = []
    /// Nesting mistakes, e.g. `</p> closes <div>`; empty for a well-formed page.
    var problems: [String] = []

    private static let voidElements: Set<String> = [
        "meta", "link", "br", "hr", "img", "input", "wbr", "source", "col", "area", "base", "embed", "track",
    ]

    init(_ html: String) {
        var stack: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            rest = rest[open...]
            if rest.hasPrefix("<!--") {
                guard let end = rest.range(of: "-->") else { problems.append("unclosed comment"); return }
                rest = rest[end.upperBound...]
                continue
            }
            guard let close = rest.firstIndex(of: ">") else { problems.append("unclosed tag"); return }
            let tag = rest[rest.index(after: rest.startIndex)..<close]
            rest = rest[rest.index(after: close)...]
            if tag.hasPrefix("!") { continue }  // doctype
            if tag.hasPrefix("/") {
                let name = tag.dropFirst().lowercased()
                if stack.last == name {
                    stack.removeLast()
                } else {
                    problems.append("</\(name)> closes <\(stack.last ?? "nothing")>")
                }
                continue
            }
            let name = String(tag.prefix(while: { !$0.isWhitespace && $0 != "/" })).lowercased()
            for (attribute, value) in Self.attributes(of: tag) {
                switch attribute {
                case "id": ids.append(value)
                case "href": hrefs.append(value)
                case "src": srcs.append(value)
                default: break
                }
            }
            if tag.hasSuffix("/") || Self.voidElements.contains(name) { continue }
            if name == "script" || name == "style" {
                guard let end = rest.range(of: "</\(name)>") else { problems.append("unclosed <\(name)>"); return }
                rest = rest[end.upperBound...]
                continue
            }
            stack.append(name)
        }
        if !stack.isEmpty { problems.append("unclosed: \(stack)") }
    }

    /// `name="value"` pairs of a tag (litbook always double-quotes).
    private static func attributes(of tag: Substring) -> [(String, String)] {
        var out: [(String, String)] = []
        var rest = tag
        while let eq = rest.range(of: "=\"") {
            let name = rest[..<eq.lowerBound].split(whereSeparator: { $0.isWhitespace }).last.map(String.init) ?? ""
            let afterQuote = rest[eq.upperBound...]
            guard let endQuote = afterQuote.firstIndex(of: "\"") else { break }
            out.append((name, String(afterQuote[..<endQuote])))
            rest = afterQuote[afterQuote.index(after: endQuote)...]
        }
        return out
    }
}
