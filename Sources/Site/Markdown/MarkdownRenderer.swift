// A note's Markdown tree as HTML: headings with anchors, prose, lists, quotes, code, and cells in place.

import Notebook

/// Renders the blocks of one note into a page.
///
/// Raw HTML follows one rule, the same for blocks and inline: it is never interpreted. It
/// shows as the literal text the author wrote, except HTML comments, which every Markdown
/// viewer hides and so does the site. That keeps each page valid HTML5 whatever a note holds.
struct MarkdownRenderer {
    /// The path of the note being rendered, for resolving its relative links.
    var notePath: String
    /// Page file names by normalised note path, for turning links to notes into links to pages.
    var pageNames: [String: String]
    /// The anchors of the note's headings, in document order.
    var anchors: [String]
    /// Renders cell `index` (with its output) into the page.
    var renderCell: (Int, inout HTMLBuffer) -> Void
    /// The language of the page's own words (the heading links' label).
    var text: UIText

    /// How raw HTML reaches the page.
    enum RawHTML {
        /// The site's rule: the text the author wrote, comments hidden.
        case shownAsText
        /// As written, as `cmark --unsafe` writes it: only for comparing with cmark, example by
        /// example, to show that this rule is the one difference.
        case asWritten
    }

    var rawHTML = RawHTML.shownAsText

    private var nextAnchor = 0

    init(notePath: String, pageNames: [String: String], anchors: [String], text: UIText = .chinese,
         renderCell: @escaping (Int, inout HTMLBuffer) -> Void) {
        self.notePath = notePath
        self.pageNames = pageNames
        self.anchors = anchors
        self.text = text
        self.renderCell = renderCell
    }

    // MARK: - Blocks

    mutating func render(_ blocks: [Block], tight: Bool = false, into page: inout HTMLBuffer) {
        for block in blocks { render(block, tight: tight, into: &page) }
    }

    /// Lays blocks out as cmark does: each block starts on a line of its own and ends with a
    /// newline, except a tight list's paragraphs, which are their text alone (`<li>foo</li>`).
    private mutating func render(_ block: Block, tight: Bool, into page: inout HTMLBuffer) {
        if !(tight && Self.isParagraph(block)) { Self.startLine(&page) }
        switch block {
        case .heading(let level, let content, _):
            let anchor = nextAnchor < anchors.count ? anchors[nextAnchor] : "section"
            nextAnchor += 1
            let tag = "h\(min(max(level, 1), 6))"
            page.raw("<\(tag) id=\"")
            page.text(anchor)
            page.raw("\">")
            renderInlines(content, into: &page)
            page.raw(
                "<a class=\"heading-link\" href=\"#\(URLEncoding.percentEncoded(anchor))\""
                    + " aria-label=\"\(text.sectionLink)\">#</a></\(tag)>\n"
            )
        case .paragraph(let content, _):
            if content.count == 1, case .math(let formula) = content[0], formula.display {
                FormulaView.renderBlock(formula, into: &page)
            } else if tight {
                renderInlines(content, into: &page)
            } else {
                page.raw("<p>")
                renderInlines(content, into: &page)
                page.raw("</p>\n")
            }
        case .blockQuote(let blocks, _):
            page.raw("<blockquote>\n")
            render(blocks, into: &page)
            page.raw("</blockquote>\n")
        case .list(let list, _):
            renderList(list, into: &page)
        case .codeBlock(let info, let literal, _):
            renderCodeBlock(info: info, literal: literal, into: &page)
        case .cell(let index):
            renderCell(index, &page)
        case .recordedOutput:
            break  // shown with its cell
        case .html(let html, _) where rawHTML == .asWritten:
            page.raw(html)
        case .html(let html, _):
            guard !Self.isComment(html) else { return }
            page.raw("<pre class=\"raw-html\">")
            page.text(html.hasSuffix("\n") ? String(html.dropLast()) : html)
            page.raw("</pre>\n")
        case .thematicBreak:
            page.raw("<hr />\n")
        case .math(let formula, _):
            FormulaView.renderBlock(formula, into: &page)
        case .table(let table, _):
            TableView.render(table, into: &page) { inlines, page in renderInlines(inlines, into: &page) }
        }
    }

    private mutating func renderList(_ list: MarkdownList, into page: inout HTMLBuffer) {
        let tag = list.ordered ? "ol" : "ul"
        page.raw(list.ordered && list.start != 1 ? "<ol start=\"\(list.start)\">\n" : "<\(tag)>\n")
        for item in list.items {
            Self.startLine(&page)
            page.raw("<li>")
            render(item, tight: list.tight, into: &page)
            page.raw("</li>\n")
        }
        page.raw("</\(tag)>\n")
    }

    /// A code block as cmark writes it: the info string's first word as its language class,
    /// the code with its final newline.
    private func renderCodeBlock(info: String, literal: String, into page: inout HTMLBuffer) {
        let language = String(info.prefix(while: { !$0.isWhitespace }))
        if language.isEmpty {
            page.raw("<pre><code>")
        } else {
            page.raw("<pre><code class=\"language-")
            page.text(language)
            page.raw("\">")
        }
        if language == "swift" {
            SwiftHighlighter.append(literal, to: &page)
        } else {
            page.text(literal)
        }
        page.raw("</code></pre>\n")
    }

    /// Ends the current line unless the page is at the start of one (cmark's `cr`).
    private static func startLine(_ page: inout HTMLBuffer) {
        if let last = page.bytes.last, last != UInt8(ascii: "\n") { page.raw("\n") }
    }

    private static func isParagraph(_ block: Block) -> Bool {
        if case .paragraph = block { return true }
        return false
    }

    /// Whether `html` is nothing but HTML comments and space.
    static func isComment(_ html: String) -> Bool {
        var rest = Substring(html)
        while true {
            rest = rest.drop(while: { $0.isWhitespace })
            if rest.isEmpty { return true }
            guard rest.hasPrefix("<!--"), let end = rest.range(of: "-->") else { return false }
            rest = rest[end.upperBound...]
        }
    }

    // MARK: - Inlines

    func renderInlines(_ inlines: [Inline], into page: inout HTMLBuffer) {
        for (i, inline) in inlines.enumerated() {
            switch inline {
            case .text(let text):
                page.text(text)
            case .softBreak:
                page.raw(SoftBreak.replacement(after: i > 0 ? inlines[i - 1] : nil,
                                               before: i + 1 < inlines.count ? inlines[i + 1] : nil))
            case .lineBreak:
                page.raw("<br />\n")
            case .code(let code):
                page.raw("<code>")
                page.text(code)
                page.raw("</code>")
            case .emphasis(let content):
                page.raw("<em>")
                renderInlines(content, into: &page)
                page.raw("</em>")
            case .strong(let content):
                page.raw("<strong>")
                renderInlines(content, into: &page)
                page.raw("</strong>")
            case .link(let destination, _, let content) where !URLSafety.isSafe(destination):
                // Not written as a link (the parser warned): the text and the address as code.
                renderInlines(content, into: &page)
                page.raw(" <code class=\"unsafe-link\">")
                page.text(destination)
                page.raw("</code>")
            case .image(let source, _, let alt) where !URLSafety.isSafe(source):
                page.text(SoftBreak.plainText(alt))
                page.raw(" <code class=\"unsafe-link\">")
                page.text(source)
                page.raw("</code>")
            case .link(let destination, let title, let content):
                page.raw("<a href=\"")
                page.raw(href(for: destination))
                page.raw("\"")
                if !title.isEmpty {
                    page.raw(" title=\"")
                    page.text(title)
                    page.raw("\"")
                }
                page.raw(">")
                renderInlines(content, into: &page)
                page.raw("</a>")
            case .image(let source, let title, let alt):
                page.raw("<img src=\"")
                page.raw(href(for: source))
                page.raw("\" alt=\"")
                page.text(SoftBreak.plainText(alt))
                page.raw("\"")
                if !title.isEmpty {
                    page.raw(" title=\"")
                    page.text(title)
                    page.raw("\"")
                }
                page.raw(" />")
            case .html(let html):
                if rawHTML == .asWritten {
                    page.raw(html)
                } else if !Self.isComment(html) {
                    page.text(html)
                }
            case .math(let formula):
                FormulaView.renderInline(formula, into: &page)
            }
        }
    }

    /// The text of the `href` for a link as written (escaped as cmark escapes it), except that
    /// a link to another note (`02-x.md#节`) points at its page.
    func href(for destination: String) -> String {
        let (path, fragment) = Self.split(destination)
        guard let resolved = NotePaths.resolve(URLEncoding.percentDecoded(path), from: notePath),
            let page = pageNames[resolved]
        else { return URLEncoding.hrefAttribute(destination) }
        return URLEncoding.percentEncoded(page)
            + (fragment.map { "#" + URLEncoding.percentEncoded(URLEncoding.percentDecoded($0)) } ?? "")
    }

    private static func split(_ destination: String) -> (path: String, fragment: String?) {
        guard let hash = destination.firstIndex(of: "#") else { return (destination, nil) }
        return (String(destination[..<hash]), String(destination[destination.index(after: hash)...]))
    }
}
