// Formulas, tables, links and code blocks as a reader gets them on the page.

import Notebook
import XCTest
@testable import Site

final class ProseRenderingTests: XCTestCase {
    /// The page of a one-note site built from `text`, and what parsing it reported.
    private func page(_ text: String) -> (html: String, problems: [String]) {
        let (note, problems) = NoteParser.parse(path: "Notes/x.md", text: text)
        let files = SiteRenderer().render([SiteNote(note: note, problems: problems.map(PageProblem.init))])
        return (SiteFixture.page(files, "x.html"), problems.map(\.description))
    }

    func testInlineAndDisplayFormulasAreMathML() {
        let html = page("# T\n\n权重 $\\sqrt{d_k}$ 与\n\n$$\nx^2\n$$\n").html
        XCTAssertTrue(html.contains("<p>权重 <math><msqrt><msub><mi>d</mi><mi>k</mi></msub></msqrt></math> 与</p>"), html)
        XCTAssertTrue(
            html.contains(
                "<div class=\"math-display\"><math display=\"block\"><msup><mi>x</mi><mn>2</mn></msup></math></div>"))
        XCTAssertFalse(html.contains("$$"))
    }

    func testMathFenceIsADisplayFormula() {
        let html = page("# T\n\n```math\n\\frac{a}{b}\n```\n").html
        XCTAssertTrue(
            html.contains(
                "<div class=\"math-display\"><math display=\"block\"><mfrac><mi>a</mi><mi>b</mi></mfrac></math></div>"))
        XCTAssertFalse(html.contains("language-math"))
    }

    func testBadTeXShowsAsCodeWithAWarningOnThePage() {
        let (html, problems) = page("# T\n\n坏 $\\nope{x}$ 公式\n")
        XCTAssertTrue(html.contains("坏 <code class=\"math-error\">\\nope{x}</code> 公式"))
        XCTAssertEqual(problems, ["Notes/x.md:3:6: warning: unknown TeX command '\\nope'; the formula is shown as TeX"])
        XCTAssertTrue(html.contains("Notes/x.md:3:6</code> unknown TeX command"))
    }

    func testCurrencyStaysText() {
        XCTAssertTrue(page("# T\n\n价格 $5 和 $6。\n").html.contains("<p>价格 $5 和 $6。</p>"))
    }

    func testTableWithAlignmentInAScrollingBox() {
        let html = page("# T\n\n| 文件 | 大小 |\n|:---|---:|\n| `a.txt` | $n^2$ |\n").html
        XCTAssertTrue(html.contains("""
        <div class="table-scroll">
        <table>
        <thead>
        <tr>
        <th class="align-left">文件</th>
        <th class="align-right">大小</th>
        </tr>
        </thead>
        <tbody>
        <tr>
        <td class="align-left"><code>a.txt</code></td>
        <td class="align-right"><math><msup><mi>n</mi><mn>2</mn></msup></math></td>
        </tr>
        </tbody>
        </table>
        </div>
        """), html)
    }

    func testUnsafeLinksAreNotWritten() {
        let (html, problems) = page(
            "# T\n\n[点我](javascript:alert(1)) ![图](vbscript:x) <file:///etc/passwd> ![ok](data:image/png;base64,AA==)\n"
        )
        XCTAssertFalse(html.contains("href=\"javascript"))
        XCTAssertFalse(html.contains("src=\"vbscript"))
        XCTAssertFalse(html.contains("href=\"file:"))
        XCTAssertTrue(html.contains("点我 <code class=\"unsafe-link\">javascript:alert(1)</code>"))
        XCTAssertTrue(html.contains("<img src=\"data:image/png;base64,AA==\" alt=\"ok\" />"))
        XCTAssertEqual(problems.count, 3)
    }

    func testHrefsAreEscapedAsCmarkEscapesThem() {
        let html = page("# T\n\n[a](foo\\bar) [b](<x y>) [c](https://e.org/?q=1&r='2') [d](https://e.org/%E4%B8%AD)\n")
            .html
        XCTAssertTrue(html.contains("<a href=\"foo%5Cbar\">a</a>"))
        XCTAssertTrue(html.contains("<a href=\"x%20y\">b</a>"))
        XCTAssertTrue(html.contains("<a href=\"https://e.org/?q=1&amp;r=&#x27;2&#x27;\">c</a>"))
        XCTAssertTrue(html.contains("<a href=\"https://e.org/%E4%B8%AD\">d</a>"))
    }

    func testCodeBlocksAsCmarkWritesThem() {
        let html = page("# T\n\n```foo\\+bar baz\nx\n```\n\n    indented\n").html
        XCTAssertTrue(html.contains("<pre><code class=\"language-foo+bar\">x\n</code></pre>"))
        XCTAssertTrue(html.contains("<pre><code>indented\n</code></pre>"))
    }

    func testTitleKeepsItsMarkupAndTheTitleElementItsText() {
        let html = page("# 注意力 *机制* $\\alpha$\n\n正文\n").html
        XCTAssertTrue(html.contains("<h1>注意力 <em>机制</em> <math><mi>α</mi></math></h1>"), html)
        XCTAssertTrue(html.contains("<title>注意力 机制 \\alpha · "))
    }

    func testSearchIndexHoldsTheTeX() {
        let (note, _) = NoteParser.parse(path: "Notes/x.md", text: "# T\n\n## 缩放\n\n除以 $\\sqrt{d_k}$。\n")
        let index = SiteFixture.page(SiteRenderer().render([SiteNote(note: note)]), "assets/search-index.js")
        XCTAssertTrue(index.contains("除以 \\\\sqrt{d_k}。"), index)
    }
}
