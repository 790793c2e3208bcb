// A note's page: book navigation, title, source path, prose with cells and outputs, previous/next links.

import Notebook
import NoteResults

/// Renders one note's page.
struct NotePage {
    var siteNote: SiteNote
    var outline: NoteOutline
    var siteTitle: String
    /// Page file names by normalised note path.
    var pageNames: [String: String]
    /// Every page of the book in reading order, this one included.
    var book: [PageLink]
    /// `book` as the sidebar lists it.
    var contents: BookContents
    /// This page's place in `book`.
    var position: Int
    var options: SiteOptions

    var previous: PageLink? { position > 0 ? book[position - 1] : nil }
    var next: PageLink? { position + 1 < book.count ? book[position + 1] : nil }

    /// A page of the book: its file and its title.
    struct PageLink: Sendable {
        var fileName: String
        var title: String
    }

    /// The language of the page's own words: the note's `lang:`, else the book's.
    private var text: UIText { UIText(language: siteNote.note.frontMatter.language ?? options.language) }

    func render() -> [UInt8] {
        let note = siteNote.note
        let text = self.text
        var page = HTMLBuffer(capacity: note.text.utf8.count * 3 + 4096)
        PageLayout.open(pageTitle: outline.title + " · " + siteTitle, siteTitle: siteTitle,
                        language: note.frontMatter.language ?? options.language, into: &page)
        page.raw("<div class=\"page\">\n")
        page.raw("<nav class=\"book-nav\" aria-label=\"\(text.bookContents)\">\n")
        page.raw("<p class=\"nav-title\">\(text.contentsTitle)</p>\n")
        contents.render(current: position, headings: outline.headings, into: &page)
        page.raw("</nav>\n")
        let runs = Dictionary(
            siteNote.run?.cells.map { ($0.cellIndex, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        let figureNumbers = FigureView.firstNumbers(
            of: note.cells.map { CellView(cell: $0, notePath: note.path, run: runs[$0.index]) })
        var markdown = MarkdownRenderer(
            notePath: NotePaths.normalized(note.path), pageNames: pageNames,
            anchors: outline.headings.map(\.anchor), text: text,
            renderCell: { index, page in
                guard note.cells.indices.contains(index) else { return }
                CellView(
                    cell: note.cells[index], notePath: note.path, run: runs[index],
                    foldsAllCode: options.foldsAllCode, firstFigureNumber: figureNumbers[index] ?? 1, text: text
                ).render(into: &page)
            })
        page.raw("<main id=\"content\" class=\"note\" tabindex=\"-1\">\n<article>\n<h1>")
        // A title from the note's first heading keeps its markup (`# 注意力 *机制*`); `<title>` has its text.
        if outline.titleIsFirstHeading, note.frontMatter.title?.isEmpty ?? true,
           case .heading(_, let content, _)? = note.blocks.first {
            markdown.renderInlines(content, into: &page)
        } else {
            page.text(outline.title)
        }
        page.raw("</h1>\n<p class=\"note-source\">\(text.source)")
        if let url = options.sourceURL(of: note.path) {
            page.raw("<a href=\"")
            page.text(url)
            page.raw("\"><code>")
            page.text(note.path)
            page.raw("</code></a></p>\n")
        } else {
            page.raw("<code>")
            page.text(note.path)
            page.raw("</code></p>\n")
        }
        // Phones show the title first, then this page's contents folded away (the whole book's list,
        // the sidebar on wide screens, would repeat every note on every page twice).
        if outline.headings.contains(where: { $0.level == 2 || $0.level == 3 }) {
            page.raw("<details class=\"toc-phone\">\n<summary>\(text.onThisPage)</summary>")
            BookContents.renderHeadings(outline.headings, into: &page)
            page.raw("</details>\n")
        }
        renderProblems(into: &page)
        let blocks = outline.titleIsFirstHeading ? Array(note.blocks.dropFirst()) : note.blocks
        markdown.render(blocks, into: &page)
        page.raw("</article>\n")
        renderPager(into: &page)
        page.raw("</main>\n</div>\n")
        PageLayout.close(text: text, into: &page)
        return page.bytes
    }

    // MARK: - Parts

    private func renderProblems(into page: inout HTMLBuffer) {
        guard !siteNote.problems.isEmpty else { return }
        let hasErrors = siteNote.problems.contains(where: \.isError), text = self.text
        page.raw(
            hasErrors
                ? "<div class=\"page-problems\" id=\"problems\""
                    + " role=\"alert\">\n<p><strong>\(text.noteHasErrors)</strong></p>\n<ul>\n"
                : "<div class=\"page-problems page-warnings\" id=\"problems\">\n<p><strong>\(text.noteHasWarnings)"
                    + "</strong></p>\n<ul>\n"
        )
        for problem in siteNote.problems {
            page.raw(
                problem.isError
                    ? "<li><span class=\"badge badge-error\">\(text.error)</span> <code class=\"error-location\">"
                    : "<li><span class=\"badge badge-expected\">\(text.warning)</span> <code class=\"error-location\">")
            page.text(problem.place)
            page.raw("</code> ")
            page.text(problem.message)
            page.raw("</li>\n")
        }
        page.raw("</ul>\n</div>\n")
    }

    private func renderPager(into page: inout HTMLBuffer) {
        guard previous != nil || next != nil else { return }
        let text = self.text
        page.raw("<nav class=\"pager\" aria-label=\"\(text.pagerLabel)\">\n")
        if let previous {
            page.raw(
                "<a class=\"pager-prev\" rel=\"prev\" href=\"\(URLEncoding.percentEncoded(previous.fileName))\"><span"
                    + " class=\"pager-label\">\(text.previous)</span>"
            )
            page.text(previous.title)
            page.raw("</a>\n")
        }
        if let next {
            page.raw(
                "<a class=\"pager-next\" rel=\"next\" href=\"\(URLEncoding.percentEncoded(next.fileName))\"><span"
                    + " class=\"pager-label\">\(text.next)</span>"
            )
            page.text(next.title)
            page.raw("</a>\n")
        }
        page.raw("</nav>\n")
    }
}
