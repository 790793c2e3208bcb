// Note pages and the index have the parts a reader relies on, in well-formed markup.

import Notebook
import XCTest
@testable import Site

final class PageStructureTests: XCTestCase {
    private let files = SiteFixture.site()

    func testSiteHasIndexOnePagePerNoteAndAssets() {
        XCTAssertEqual(
            files.paths,
            [
                "01-词元.html", "02-自注意力.html", "assets/favicon.svg", "assets/figures.js",
                "assets/reader.js", "assets/search-index.js", "assets/search.js", "assets/style.css",
                "index.html",
            ])
    }

    func testEveryPageIsWellFormedWithUniqueIds() {
        for path in files.paths where path.hasSuffix(".html") {
            let page = HTMLInspector(SiteFixture.page(files, path))
            XCTAssertEqual(page.problems, [], path)
            XCTAssertEqual(page.ids.count, Set(page.ids).count, "duplicate ids in \(path): \(page.ids)")
        }
    }

    func testNotePageShowsTitleSourceTableOfContentsAndNavigation() {
        let page = SiteFixture.page(files, "02-自注意力.html")
        XCTAssertTrue(page.contains("<title>自注意力 · 学习笔记</title>"))
        XCTAssertTrue(page.contains("<h1>自注意力</h1>"))
        XCTAssertEqual(page.components(separatedBy: "<h1").count - 1, 1, "the title h1 is not repeated")
        XCTAssertTrue(page.contains("源文件：<code>Notes/02-自注意力.md</code>"))
        XCTAssertTrue(page.contains("<nav class=\"book-nav\" aria-label=\"全书目录\">"))
        XCTAssertTrue(
            page.contains(
                "<li class=\"toc-level-2\"><a href=\"#\(URLEncoding.percentEncoded("缩放点积注意力"))\">缩放点积注意力</a></li>"))
        XCTAssertTrue(
            page.contains(
                "<li class=\"toc-level-3\"><a href=\"#\(URLEncoding.percentEncoded("为什么要除以-d"))\">为什么要除以 √d</a></li>"))
        XCTAssertTrue(page.contains("rel=\"prev\" href=\"\(URLEncoding.percentEncoded("01-词元.html"))\""))
        XCTAssertFalse(page.contains("rel=\"next\""), "the last note has no next page")
    }

    func testChineseLineBreaksDoNotBecomeSpaces() {
        let page = SiteFixture.page(files, "02-自注意力.html")
        XCTAssertTrue(page.contains("这是 Transformer\n的核心"), "a break after a Latin word stays a break")
        let tokens = SiteRenderer().render([SiteNote(note: NoteParserFixture.note("第一行\n第二行"))])
        XCTAssertTrue(SiteFixture.page(tokens, "x.html").contains("<p>第一行第二行</p>"))
    }

    func testIndexListsNotesInReadingOrderWithFirstParagraph() throws {
        let index = SiteFixture.page(files, "index.html")
        let first = try XCTUnwrap(index.range(of: "01-%E8%AF%8D%E5%85%83.html"))
        let second = try XCTUnwrap(index.range(of: "02-%E8%87%AA%E6%B3%A8%E6%84%8F%E5%8A%9B.html"))
        XCTAssertLessThan(first.lowerBound, second.lowerBound, "file-name order")
        XCTAssertTrue(index.contains("<p class=\"note-summary\">把文字切成<strong>词元</strong>。</p>"))
        XCTAssertTrue(index.contains("共 2 篇笔记。笔记里的 Swift 代码都在生成网站时运行过"))
        let preview = SiteRenderer().render([SiteNote(note: SiteFixture.tokens)])
        XCTAssertTrue(SiteFixture.page(preview, "index.html").contains("这次生成没有运行代码，页面上显示的是笔记里记录的输出。"),
                      "a --no-exec build says its outputs are the recorded ones")
    }

    func testAPageTakesItsLanguageFromFrontMatter() {
        let english = NoteParserFixture.note("---\nlang: en\n---\n# Manual\n", path: "Docs/a.md")
        let files = SiteRenderer().render([SiteNote(note: english), SiteNote(note: SiteFixture.tokens)])
        XCTAssertTrue(SiteFixture.page(files, "a.html").contains("<html lang=\"en\">"))
        XCTAssertTrue(SiteFixture.page(files, "01-词元.html").contains("<html lang=\"zh-CN\">"), "the default")
        XCTAssertTrue(SiteFixture.page(files, "index.html").contains("<html lang=\"zh-CN\">"))
    }

    func testIndexLinksToTheManualOnlyWhenThereIsOne() {
        let without = SiteFixture.page(SiteRenderer().render([SiteNote(note: SiteFixture.tokens)]), "index.html")
        XCTAssertFalse(without.contains("manual/"))
        let with = SiteFixture.page(
            SiteRenderer(options: SiteOptions(manualLink: "manual/index.html"))
                .render([SiteNote(note: SiteFixture.tokens)]), "index.html")
        XCTAssertTrue(
            with.contains("<p class=\"index-manual\"><a href=\"manual/index.html\">litbook 使用手册 (manual)</a></p>"))
    }

    func testFrontMatterOrderComesBeforeFileName() {
        let a = NoteParserFixture.note("---\norder: 1\n---\n# 乙\n", path: "Notes/b.md")
        let b = NoteParserFixture.note("# 甲\n", path: "Notes/a.md")
        let index = SiteFixture.page(SiteRenderer().render([SiteNote(note: b), SiteNote(note: a)]), "index.html")
        XCTAssertLessThan(index.range(of: "b.html")!.lowerBound, index.range(of: "a.html")!.lowerBound)
    }

    func testTitleFallsBackToFirstHeadingThenFileName() {
        XCTAssertEqual(NoteOutline(note: NoteParserFixture.note("# 第一章\n\n正文")).title, "第一章")
        XCTAssertEqual(NoteOutline(note: NoteParserFixture.note("正文", path: "Notes/03-多头.md")).title, "03-多头")
        let renamed = NoteParserFixture.note("---\ntitle: 别名\n---\n# 第一章\n\n正文\n")
        XCTAssertEqual(NoteOutline(note: renamed).title, "别名")
        let page = SiteFixture.page(SiteRenderer().render([SiteNote(note: renamed)]), "x.html")
        XCTAssertTrue(page.contains("<h1>别名</h1>"))
        XCTAssertFalse(page.contains("第一章"), "front matter title replaces the opening heading")
    }

    func testPagesWorkWithoutJavaScript() {
        let page = SiteFixture.page(files, "02-自注意力.html")
        XCTAssertTrue(
            page.contains("<div class=\"search\" id=\"search\" role=\"search\" hidden>"),
            "the search box stays hidden until the script runs")
        XCTAssertTrue(page.contains("<span class=\"tok-kw\">let</span>"), "code is highlighted in the page itself")
        XCTAssertEqual(
            page.components(separatedBy: "<script").count, page.components(separatedBy: "<script src=\"").count,
            "no inline scripts: every script is a file")
    }

    func testLinksToNotesPointAtTheirPages() {
        let page = SiteFixture.page(files, "02-自注意力.html")
        XCTAssertTrue(
            page.contains(
                "<a href=\"\(URLEncoding.percentEncoded("01-词元.html"))#\(URLEncoding.percentEncoded("分词"))\">下一篇</a>"))
        XCTAssertTrue(page.contains("<a href=\"https://example.org/a?b=1&amp;c=2\">外部链接</a>"))
    }
}

/// Notes parsed from a few lines of text.
enum NoteParserFixture {
    static func note(_ text: String, path: String = "Notes/x.md") -> Note {
        NoteParser.parse(path: path, text: text).note
    }
}
