// A folded cell hides its code under "显示代码" and keeps its output in view; `wrap` wraps its output lines.

import Notebook
import Runner
import XCTest
@testable import Site

final class CellFoldTests: XCTestCase {
    private let note = NoteParserFixture.note("""
    ```swift fold
    print("答案")
    ```

    ```output
    答案
    ```

    ```swift wrap
    print("很长的一行")
    ```

    ```output
    很长的一行
    ```

    ```swift
    print("普通")
    ```
    """, path: "Notes/x.md")

    private func page(_ options: SiteOptions = SiteOptions(), run: NoteRun? = nil) -> String {
        SiteFixture.page(SiteRenderer(options: options).render([SiteNote(note: note, run: run)]), "x.html")
    }

    func testFoldedCellHidesItsCodeUnderAToggleAndShowsItsOutput() {
        let html = page()
        XCTAssertTrue(html.contains("""
        <div class="cell cell-folded" id="cell-1">
        <details class="cell-fold"><summary class="cell-head"><span class="cell-number">[1]</span><span\
         class="fold-label">显示代码</span></summary>
        <pre class="code"><code class="language-swift">
        """))
        let closed = html.range(of: "</details>\n<div class=\"cell-output\">\n<pre class=\"output-text\">答案</pre>")
        XCTAssertNotNil(closed, "the output follows the closed <details>, so it is in view")
        XCTAssertTrue(
            html.contains("<div class=\"cell\" id=\"cell-3\">\n<div class=\"cell-head\">"),
            "cells without `fold` stay open")
    }

    func testAFoldedCellThatFailedIsOpen() {
        let error = CellError(kind: .trap, message: "Fatal error", location: nil)
        let html = page(
            run: NoteRun(
                notePath: "Notes/x.md", cells: [CellRun(cellIndex: 0, status: .failed(error), items: [])],
                fromCache: false))
        XCTAssertTrue(
            html.contains(
                "<details class=\"cell-fold\" open><summary class=\"cell-head\"><span"
                    + " class=\"cell-number\">[1]</span><span class=\"badge badge-error\">出错</span>"
            ))
    }

    func testTheBookCanFoldEveryCell() {
        let html = page(SiteOptions(foldsAllCode: true))
        XCTAssertEqual(html.components(separatedBy: "<details class=\"cell-fold\">").count - 1, 3)
        XCTAssertFalse(html.contains("<div class=\"cell-head\">"))
    }

    func testWrapMarksOnlyThatCellsOutput() {
        let html = page()
        XCTAssertTrue(html.contains("<pre class=\"output-text output-wrap\">很长的一行</pre>"))
        XCTAssertTrue(html.contains("<pre class=\"output-text\">答案</pre>"))
    }
}
