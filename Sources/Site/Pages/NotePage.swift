// A note's page: title, source path, table of contents, prose with cells and outputs, previous/next links.

import Notebook
import Runner

/// Renders one note's page.
struct NotePage {
    var siteNote: SiteNote
    var outline: NoteOutline
    var siteTitle: String
    /// Page file names by normalised note path.
    var pageNames: [String: String]
    var previous: PageLink?
    var next: PageLink?

    /// A link to a neighbouring page.
    struct PageLink {
        var fileName: String
        var title: String
    }

    func render() -> [UInt8] {
        let note = siteNote.note
        var page = HTMLBuffer(capacity: note.text.utf8.count * 3 + 4096)
        PageLayout.open(pageTitle: outline.title + " · " + siteTitle, siteTitle: siteTitle, into: &page)
        page.raw("<div class=\"page\">\n")
        renderTableOfContents(into: &page)
        let runs = Dictionary(siteNote.run?.cells.map { ($0.cellIndex, $0) } ?? [], uniquingKeysWith: { first, _ in first })
        var markdown = MarkdownRenderer(
            notePath: NotePaths.normalized(note.path), pageNames: pageNames,
            anchors: outline.headings.map(\.anchor),
            renderCell: { index, page in
                guard note.cells.indices.contains(index) else { return }
                CellView(cell: note.cells[index], notePath: note.path, run: runs[index]).render(into: &page)
            })
        page.raw("<main id=\"content\" class=\"note\">\n<article>\n<h1>")
        // A title from the note's first heading keeps its markup (`# 注意力 *机制*`); `<title>` has its text.
        if outline.titleIsFirstHeading, note.frontMatter.title?.isEmpty ?? true,
           case .heading(_, let content, _)? = note.blocks.first {
            markdown.renderInlines(content, into: &page)
        } else {
            page.text(outline.title)
        }
        page.raw("</h1>\n<p class=\"note-source\">源文件：<code>")
        page.text(note.path)
        page.raw("</code></p>\n")
        renderProblems(into: &page)
        let blocks = outline.titleIsFirstHeading ? Array(note.blocks.dropFirst()) : note.blocks
        markdown.render(blocks, into: &page)
        page.raw("</article>\n")
        renderPager(into: &page)
        page.raw("</main>\n</div>\n")
        PageLayout.close(into: &page)
        return page.bytes
    }

    // MARK: - Parts

    /// The h2 and h3 headings, h3 indented under their h2.
    private func renderTableOfContents(into page: inout HTMLBuffer) {
        let entries = outline.headings.filter { $0.level == 2 || $0.level == 3 }
        guard !entries.isEmpty else { return }
        page.raw("<nav class=\"toc\" aria-labelledby=\"toc-title\">\n<h2 id=\"toc-title\">目录</h2>\n<ol>\n")
        for heading in entries {
            page.raw("<li class=\"toc-level-\(heading.level)\"><a href=\"#\(URLEncoding.percentEncoded(heading.anchor))\">")
            page.text(heading.text)
            page.raw("</a></li>\n")
        }
        page.raw("</ol>\n</nav>\n")
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
