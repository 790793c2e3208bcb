// The index page: every note in reading order with its title and first paragraph.

import Notebook

/// Renders `index.html`.
struct IndexPage {
    struct Entry {
        var fileName: String
        var outline: NoteOutline
        var notePath: String
        /// Whether the note's page shows an error (a failed cell or a problem reading the note).
        var hasErrors: Bool
    }

    var siteTitle: String
    /// The `lang` of the page (`SiteOptions.language`).
    var language: String
    /// In reading order.
    var entries: [Entry]
    var pageNames: [String: String]
    /// Whether the cells were run for this build (`false` for `--no-exec`), which the lead paragraph says.
    var cellsRan: Bool
    /// The relative address of the manual built beside the site, if there is one.
    var manualLink: String? = nil

    func render() -> [UInt8] {
        var page = HTMLBuffer(capacity: 4096 + entries.count * 512)
        let text = UIText(language: language)
        PageLayout.open(pageTitle: siteTitle, siteTitle: siteTitle, language: language, into: &page)
        page.raw("<div class=\"page page-index\">\n<main id=\"content\" class=\"index\">\n<h1>")
        page.text(siteTitle)
        page.raw("</h1>\n<p class=\"index-lead\">" + text.noteCount(entries.count))
        page.raw((cellsRan ? text.cellsRan : text.cellsNotRun) + "</p>\n")
        if let manualLink {
            page.raw("<p class=\"index-manual\"><a href=\"")
            page.text(manualLink)
            page.raw("\">\(text.manual)</a></p>\n")
        }
        page.raw("<ol class=\"note-list\">\n")
        for (number, entry) in entries.enumerated() {
            page.raw(
                "<li class=\"note-card\">\n<a class=\"note-card-title\""
                    + " href=\"\(URLEncoding.percentEncoded(entry.fileName))\"><span class=\"note-number\">"
            )
            page.raw(number + 1 < 10 ? "0\(number + 1)" : "\(number + 1)")
            page.raw("</span>")
            page.text(entry.outline.title)
            page.raw("</a>")
            if entry.hasErrors {
                page.raw("<span class=\"badge badge-error\">\(text.failed)</span>")
            }
            page.raw("\n")
            if let summary = entry.outline.summary {
                page.raw("<p class=\"note-summary\">")
                let renderer = MarkdownRenderer(notePath: NotePaths.normalized(entry.notePath), pageNames: pageNames,
                                                anchors: [], text: text, renderCell: { _, _ in })
                renderer.renderInlines(summary, into: &page)
                page.raw("</p>\n")
            }
            page.raw("</li>\n")
        }
        page.raw("</ol>\n</main>\n</div>\n")
        PageLayout.close(text: text, into: &page)
        return page.bytes
    }
}
