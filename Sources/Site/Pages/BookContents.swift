// The book's contents in the sidebar: every note in reading order, the current one with its headings.

/// The list of every note, rendered once for the whole site: each page copies it and renders
/// only its own entry, so a book of n notes costs n copies, not n² link renderings.
struct BookContents: Sendable {
    /// `<li>` of each note as a link, in reading order.
    private let entries: [[UInt8]]
    /// Each note's link text and href, for the entry of the page being rendered.
    private let links: [NotePage.PageLink]

    init(book: [NotePage.PageLink]) {
        links = book
        entries = book.map { link in
            var item = HTMLBuffer(capacity: 64 + link.fileName.utf8.count * 3 + link.title.utf8.count)
            item.raw("<li><a href=\"\(URLEncoding.percentEncoded(link.fileName))\">")
            item.text(link.title)
            item.raw("</a></li>\n")
            return item.bytes
        }
    }

    /// The list with note `current` marked and its h2 and h3 `headings` nested under it.
    func render(current: Int, headings: [NoteOutline.Heading], into page: inout HTMLBuffer) {
        page.raw("<ol class=\"nav-notes\">\n")
        for (i, entry) in entries.enumerated() {
            guard i == current else {
                page.raw(bytes: entry)
                continue
            }
            page.raw(
                "<li class=\"nav-note is-current\"><a aria-current=\"page\""
                    + " href=\"\(URLEncoding.percentEncoded(links[i].fileName))\">"
            )
            page.text(links[i].title)
            page.raw("</a>")
            Self.renderHeadings(headings, into: &page)
            page.raw("</li>\n")
        }
        page.raw("</ol>\n")
    }

    /// The h2 and h3 of a note as a nested list of anchors, h3 indented under their h2.
    static func renderHeadings(_ headings: [NoteOutline.Heading], into page: inout HTMLBuffer) {
        let entries = headings.filter { $0.level == 2 || $0.level == 3 }
        guard !entries.isEmpty else { return }
        page.raw("\n<ol class=\"nav-headings\">\n")
        for heading in entries {
            page.raw(
                "<li class=\"toc-level-\(heading.level)\"><a href=\"#\(URLEncoding.percentEncoded(heading.anchor))\">")
            page.text(heading.text)
            page.raw("</a></li>\n")
        }
        page.raw("</ol>\n")
    }
}
