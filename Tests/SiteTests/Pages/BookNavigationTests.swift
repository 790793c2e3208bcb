// The book's navigation: every note in reading order, the current note's headings under it, neighbours by title.

import Notebook
import XCTest
@testable import Site

final class BookNavigationTests: XCTestCase {
    private let files = SiteFixture.site()

    /// The `<nav class="book-nav">` of `path`.
    private func sidebar(_ path: String) throws -> String {
        let page = SiteFixture.page(files, path)
        let start = try XCTUnwrap(page.range(of: "<nav class=\"book-nav\""))
        let end = try XCTUnwrap(page.range(of: "</nav>", range: start.upperBound..<page.endIndex))
        return String(page[start.lowerBound..<end.upperBound])
    }

    func testSidebarListsEveryNoteWithOnlyTheCurrentNotesHeadings() throws {
        let nav = try sidebar("02-自注意力.html")
        let first = try XCTUnwrap(
            nav.range(of: "<li><a href=\"\(URLEncoding.percentEncoded("01-词元.html"))\">词元 &lt;script&gt;</a></li>"))
        let current = try XCTUnwrap(
            nav.range(
                of:
                    "<li class=\"nav-note is-current\"><a aria-current=\"page\""
                        + " href=\"\(URLEncoding.percentEncoded("02-自注意力.html"))\">自注意力</a>"
            ))
        XCTAssertLessThan(first.lowerBound, current.lowerBound, "reading order")
        XCTAssertTrue(
            nav.contains(
                "<li class=\"toc-level-3\"><a href=\"#\(URLEncoding.percentEncoded("为什么要除以-d"))\">为什么要除以 √d</a></li>"))
        XCTAssertFalse(nav.contains("#%E5%88%86%E8%AF%8D"), "another note's heading (分词) is not listed")
        XCTAssertEqual(try sidebar("01-词元.html").components(separatedBy: "nav-headings").count - 1, 1)
    }

    func testPhonesGetTheTitleFirstThenTheContentsFolded() throws {
        let page = SiteFixture.page(files, "02-自注意力.html")
        let title = try XCTUnwrap(page.range(of: "<h1>自注意力</h1>"))
        let folded = try XCTUnwrap(
            page.range(of: "<details class=\"toc-phone\">\n<summary>本篇目录</summary>\n<ol class=\"nav-headings\">"))
        XCTAssertLessThan(title.lowerBound, folded.lowerBound)
        XCTAssertFalse(page.contains("<details class=\"toc-phone\" open"))
    }

    func testANoteWithoutHeadingsHasTheSameLayout() {
        let plain = NoteParserFixture.note("只有一段文字。", path: "Notes/readme.md")
        let page = SiteFixture.page(SiteRenderer().render([SiteNote(note: plain)]), "readme.html")
        XCTAssertTrue(
            page.contains("<div class=\"page\">\n<nav class=\"book-nav\""),
            "the sidebar column is filled, so main stays in the text column")
        XCTAssertFalse(page.contains("nav-headings"))
    }

    func testPagerNamesTheNeighbours() {
        let page = SiteFixture.page(files, "01-词元.html")
        XCTAssertTrue(
            page.contains(
                "<a class=\"pager-next\" rel=\"next\" href=\"\(URLEncoding.percentEncoded("02-自注意力.html"))\"><span"
                    + " class=\"pager-label\">下一篇 →</span>自注意力</a>"
            ))
    }

    func testSourcePathLinksToTheRepositoryOnlyWhenTheBookNamesOne() {
        let plain = SiteFixture.page(files, "02-自注意力.html")
        XCTAssertTrue(plain.contains("源文件：<code>Notes/02-自注意力.md</code></p>"))
        let linked = SiteRenderer(options: SiteOptions(repository: "https://github.com/o/notes", branch: "dev"))
            .render([SiteNote(note: SiteFixture.attention)])
        XCTAssertTrue(
            SiteFixture.page(linked, "02-自注意力.html").contains(
                "源文件：<a href=\"https://github.com/o/notes/blob/dev/Notes/\(URLEncoding.percentEncoded("02-自注意力.md"))\">"
                    + "<code>Notes/02-自注意力.md</code></a></p>"
            ))
    }

    func testEveryPageHasASkipLinkFaviconAndThemeSwitchShownByScript() {
        for path in files.paths where path.hasSuffix(".html") {
            let page = SiteFixture.page(files, path)
            XCTAssertTrue(page.contains("<a class=\"skip-link\" href=\"#content\">跳到正文</a>"), path)
            XCTAssertTrue(page.contains("<link rel=\"icon\" href=\"assets/favicon.svg\" type=\"image/svg+xml\">"), path)
            XCTAssertTrue(
                page.contains("<button type=\"button\" class=\"theme-toggle\" id=\"theme-toggle\" hidden>"), path)
            let boot = page.range(of: PageLayout.readerScriptTag)
            let stylesheet = page.range(of: "<link rel=\"stylesheet\"")
            XCTAssertNotNil(boot, path)
            if let boot, let stylesheet {
                XCTAssertLessThan(boot.lowerBound, stylesheet.lowerBound, "the theme is set before the first paint")
            }
        }
    }
}
