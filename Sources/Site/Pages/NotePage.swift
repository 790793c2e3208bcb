// A note's page: book navigation, title, source path, prose with cells and outputs, previous/next links.

import Notebook
import Runner

/// Renders one note's page.
struct NotePage {
    var siteNote: SiteNote
    var outline: NoteOutline
    var siteTitle: String
    /// Page file names by normalised note path.
    var pageNames: [String: String]
    /// Every page of the book in reading order, this one included.
    var book: [PageLink]
    /// This page's place in `book`.
    var position: Int
    var options: SiteOptions

    var previous: PageLink? { position > 0 ? book[position - 1] : nil }
    var next: PageLink? { position + 1 < book.count ? book[position + 1] : nil }

    /// A link to a neighbouring page.
    struct PageLink {
        var fileName: String
        var title: String
    }

    func render() -> [UInt8] {
        let note = siteNote.note
        var page = HTMLBuffer(capacity: note.text.utf8.count * 3 + 4096)
        PageLayout.open(pageTitle: outline.title + " · " + siteTitle, siteTitle: siteTitle, language: options.language, into: &page)
        page.raw("<div class=\"page\">\n")
        let contents = bookContents()
        page.raw("<nav class=\"book-nav\" aria-label=\"全书目录\">\n<p class=\"nav-title\">目录</p>\n")
        page.raw(contents)
        page.raw("</nav>\n<main id=\"content\" class=\"note\" tabindex=\"-1\">\n<article>\n<h1>")
        page.text(outline.title)
        page.raw("</h1>\n<p class=\"note-source\">源文件：")
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
        // Phones show the title first, then the contents folded away; wide screens have the sidebar.
        page.raw("<details class=\"toc-phone\">\n<summary>目录</summary>\n")
        page.raw(contents)
        page.raw("</details>\n")
        renderProblems(into: &page)

        let runs = Dictionary(siteNote.run?.cells.map { ($0.cellIndex, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        let figureNumbers = FigureView.firstNumbers(of: note.cells.map { CellView(cell: $0, notePath: note.path, run: runs[$0.index]) })
        var markdown = MarkdownRenderer(
            notePath: NotePaths.normalized(note.path), pageNames: pageNames,
            anchors: outline.headings.map(\.anchor),
            renderCell: { index, page in
                guard note.cells.indices.contains(index) else { return }
                CellView(cell: note.cells[index], notePath: note.path, run: runs[index],
                         foldsAllCode: options.foldsAllCode, firstFigureNumber: figureNumbers[index] ?? 1).render(into: &page)
            })
        let blocks = outline.titleIsFirstHeading ? Array(note.blocks.dropFirst()) : note.blocks
        markdown.render(blocks, into: &page)
        page.raw("</article>\n")
        renderPager(into: &page)
        page.raw("</main>\n</div>\n")
        PageLayout.close(into: &page)
        return page.bytes
    }

    // MARK: - Parts

    /// Every note in reading order, the current one marked with its h2 and h3 headings nested
    /// under it: the same list in the sidebar and in the phone's folded contents.
    private func bookContents() -> String {
        var list = HTMLBuffer(capacity: 256 + book.count * 96 + outline.headings.count * 96)
        list.raw("<ol class=\"nav-notes\">\n")
        for (i, link) in book.enumerated() {
            let isCurrent = i == position
            list.raw(isCurrent ? "<li class=\"nav-note is-current\"><a aria-current=\"page\" href=\"" : "<li class=\"nav-note\"><a href=\"")
            list.raw(URLEncoding.percentEncoded(link.fileName))
            list.raw("\">")
            list.text(link.title)
            list.raw("</a>")
            let headings = isCurrent ? outline.headings.filter { $0.level == 2 || $0.level == 3 } : []
            if !headings.isEmpty {
                list.raw("\n<ol class=\"nav-headings\">\n")
                for heading in headings {
                    list.raw("<li class=\"toc-level-\(heading.level)\"><a href=\"#\(URLEncoding.percentEncoded(heading.anchor))\">")
                    list.text(heading.text)
                    list.raw("</a></li>\n")
                }
                list.raw("</ol>\n")
            }
            list.raw("</li>\n")
        }
        list.raw("</ol>\n")
        return String(decoding: list.bytes, as: UTF8.self)
    }

    private func renderProblems(into page: inout HTMLBuffer) {
        guard !siteNote.problems.isEmpty else { return }
        let hasErrors = siteNote.problems.contains(where: \.isError)
        page.raw(hasErrors ? "<div class=\"page-problems\" id=\"problems\" role=\"alert\">\n<p><strong>这篇笔记有错误</strong></p>\n<ul>\n"
                           : "<div class=\"page-problems page-warnings\" id=\"problems\">\n<p><strong>这篇笔记有警告</strong></p>\n<ul>\n")
        for problem in siteNote.problems {
            page.raw(problem.isError ? "<li><span class=\"badge badge-error\">错误</span> <code class=\"error-location\">"
                                     : "<li><span class=\"badge badge-expected\">警告</span> <code class=\"error-location\">")
            page.text(problem.place)
            page.raw("</code> ")
            page.text(problem.message)
            page.raw("</li>\n")
        }
        page.raw("</ul>\n</div>\n")
    }

    private func renderPager(into page: inout HTMLBuffer) {
        guard previous != nil || next != nil else { return }
        page.raw("<nav class=\"pager\" aria-label=\"上一篇和下一篇\">\n")
        if let previous {
            page.raw("<a class=\"pager-prev\" rel=\"prev\" href=\"\(URLEncoding.percentEncoded(previous.fileName))\"><span class=\"pager-label\">← 上一篇</span>")
            page.text(previous.title)
            page.raw("</a>\n")
        }
        if let next {
            page.raw("<a class=\"pager-next\" rel=\"next\" href=\"\(URLEncoding.percentEncoded(next.fileName))\"><span class=\"pager-label\">下一篇 →</span>")
            page.text(next.title)
            page.raw("</a>\n")
        }
        page.raw("</nav>\n")
    }
}
