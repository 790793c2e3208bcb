// Each way a cell can end shows the way a reader needs: output, figures, errors, badges.

import Figures
import Notebook
import Runner
import XCTest
@testable import Site

final class CellViewTests: XCTestCase {
    private let note = NoteParserFixture.note("""
    ```swift
    print("一")
    ```

    ```swift
    fatalError("坏了")
    ```

    ```swift
    print("三")
    ```

    ```swift hidden
    print("隐藏")
    ```
    """, path: "Notes/x.md")

    private func page(_ cells: [CellRun]?) -> String {
        let run = cells.map { NoteRun(notePath: "Notes/x.md", cells: $0, fromCache: false) }
        return SiteFixture.page(SiteRenderer().render([SiteNote(note: note, run: run)]), "x.html")
    }

    func testFailedCellShowsItsErrorClearlyMarkedWithItsLocation() {
        let error = CellError(
            kind: .trap, message: "Fatal error: 坏了", location: NoteLocation(path: "Notes/x.md", line: 6),
            detail: "Notes/x.md:6: Fatal error: 坏了")
        let html = page([
            CellRun(cellIndex: 0, status: .passed, items: [.text("一\n")]),
            CellRun(cellIndex: 1, status: .failed(error), items: []),
            CellRun(cellIndex: 2, status: .notRun(afterFailureOf: 1), items: []),
            CellRun(cellIndex: 3, status: .notRun(afterFailureOf: 1), items: []),
        ])
        XCTAssertTrue(html.contains("<div class=\"cell cell-failed\" id=\"cell-2\">"))
        XCTAssertTrue(
            html.contains(
                "<div class=\"cell-error\" role=\"alert\">\n<p class=\"error-title\"><strong>运行时崩溃</strong> <code"
                    + " class=\"error-location\">Notes/x.md:6</code></p>\n<p class=\"error-message\">Fatal error:"
                    + " 坏了</p>"
            ))
        XCTAssertTrue(html.contains("<pre class=\"error-detail\">Notes/x.md:6: Fatal error: 坏了</pre>"))
        XCTAssertTrue(html.contains("<span class=\"badge badge-error\">出错</span>"))
        XCTAssertTrue(
            html.contains(
                "<div class=\"cell\" id=\"cell-3\">\n<div class=\"cell-head\"><span"
                    + " class=\"cell-number\">[3]</span><span class=\"badge badge-muted\">未运行</span>"
            ))
        XCTAssertTrue(html.contains("没有运行：前面的单元 <a href=\"#cell-2\">[2]</a> 出错了。"))
        XCTAssertTrue(
            html.contains("<div class=\"cell cell-hidden\" id=\"cell-4\">"),
            "a hidden cell that did not run still says so")
    }

    func testNoRunCellAfterAFailureIsNotMarkedAsMissed() {
        let note = NoteParserFixture.note("```swift\nfatalError()\n```\n\n```swift norun\nlet 示例 = 1\n```\n")
        let run = NoteRun(
            notePath: "Notes/x.md",
            cells: [
                CellRun(
                    cellIndex: 0, status: .failed(CellError(kind: .trap, message: "Fatal error", location: nil)),
                    items: []),
                CellRun(cellIndex: 1, status: .notRun(afterFailureOf: 0), items: []),
            ], fromCache: false)
        let html = SiteFixture.page(SiteRenderer().render([SiteNote(note: note, run: run)]), "x.html")
        XCTAssertTrue(
            html.contains("<span class=\"cell-number\">[2]</span><span class=\"badge badge-muted\">不运行</span></div>"))
        XCTAssertFalse(html.contains("未运行"))
        XCTAssertFalse(html.contains("没有运行"))
    }

    func testErrorWithoutLocationPointsAtTheCell() {
        let html = page([
            CellRun(
                cellIndex: 1, status: .failed(CellError(kind: .timeLimit, message: "超过 10 秒", location: nil)), items: []
            )
        ])
        XCTAssertTrue(html.contains("<strong>超过时间限制</strong> <code class=\"error-location\">Notes/x.md:6</code>"))
    }

    func testHiddenCellShowsOnlyItsOutput() {
        let html = page([CellRun(cellIndex: 3, status: .passed, items: [.text("隐藏\n")])])
        XCTAssertTrue(
            html.contains(
                "<div class=\"cell cell-hidden\" id=\"cell-4\">\n<div class=\"cell-output\">\n<pre"
                    + " class=\"output-text\">隐藏</pre>"
            ))
        XCTAssertFalse(html.contains("print(&quot;隐藏&quot;)"))
    }

    func testOutputKeepsTheOrderOfTextAndFiguresWithUniqueFigureIds() {
        let html = page([
            CellRun(
                cellIndex: 0, status: .passed,
                items: [.text("前\n"), .figure(SiteFixture.heatmap), .text("后\n"), .figure(SiteFixture.heatmap)])
        ])
        let before = html.range(of: "<pre class=\"output-text\">前</pre>")!.lowerBound
        let figure1 = html.range(of: "cell-1-figure-1")!.lowerBound
        let after = html.range(of: "<pre class=\"output-text\">后</pre>")!.lowerBound
        let figure2 = html.range(of: "cell-1-figure-2")!.lowerBound
        XCTAssertLessThan(before, figure1)
        XCTAssertLessThan(figure1, after)
        XCTAssertLessThan(after, figure2)
        let ids = HTMLInspector(html).ids
        XCTAssertEqual(ids.count, Set(ids).count)
    }

    func testNoRunAndExpectedFailureBadges() {
        let html = SiteFixture.page(SiteFixture.site(), "02-自注意力.html")
        XCTAssertTrue(
            html.contains("<span class=\"cell-number\">[3]</span><span class=\"badge badge-muted\">不运行</span>"))
        XCTAssertTrue(
            html.contains("<span class=\"cell-number\">[4]</span><span class=\"badge badge-expected\">预期失败</span>"))
        XCTAssertTrue(
            html.contains(
                "<pre class=\"output-text output-expected-error\">cannot convert value of type 'String' to specified"
                    + " type 'Int'</pre>"
            ))
    }

    func testWithoutRunningTheRecordedOutputIsShown() {
        let files = SiteRenderer().render([SiteNote(note: SiteFixture.attention, run: nil)])
        let html = SiteFixture.page(files, "02-自注意力.html")
        XCTAssertTrue(html.contains("<pre class=\"output-text\">分数: [1.0, 2.0, 3.0]</pre>"))
        XCTAssertTrue(html.contains("<span class=\"badge badge-expected\">预期失败</span>"))
        XCTAssertFalse(
            html.contains("<div class=\"cell cell-hidden\""), "a hidden cell with nothing recorded shows nothing")
    }

    func testParseProblemsAreShownAtTheTop() {
        let files = SiteRenderer().render([
            SiteNote(note: note, problems: [PageProblem(place: "Notes/x.md:3:1", message: "unclosed fence")])
        ])
        let html = SiteFixture.page(files, "x.html")
        XCTAssertTrue(html.contains("<div class=\"page-problems\" id=\"problems\" role=\"alert\">"))
        XCTAssertTrue(html.contains("<code class=\"error-location\">Notes/x.md:3:1</code> unclosed fence"))
        XCTAssertTrue(SiteFixture.page(files, "index.html").contains("<span class=\"badge badge-error\">出错</span>"))
    }
}
