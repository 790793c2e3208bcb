// Figures on a page: numbered captions with anchors through the page, drawn at natural size in a scrolling box.

import Figures
import Notebook
import Runner
import XCTest
@testable import Site

final class FigureCaptionTests: XCTestCase {
    private let note = NoteParserFixture.note("""
    见图 2。

    ```swift
    print("一")
    ```

    ```swift
    print("二")
    ```

    ```swift
    print("三")
    ```
    """, path: "Notes/x.md")

    private static let chart = Figure.lineChart(
        LineChart(title: "损失", series: [.init(name: "loss", x: [], y: [3, 2, 1])]))
    private static let untitled = Figure.heatmap(Heatmap(rowLabels: ["a"], columnLabels: ["b"], values: [[1]]))
    private static let table = Figure.table(Table(title: "参数", header: ["名字", "数量"], rows: [["w", "4"]]))

    private func page() -> String {
        let run = NoteRun(
            notePath: "Notes/x.md",
            cells: [
                CellRun(
                    cellIndex: 0, status: .passed,
                    items: [.figure(SiteFixture.heatmap), .text("中间\n"), .figure(Self.table)]),
                CellRun(cellIndex: 1, status: .passed, items: [.text("没有图\n")]),
                CellRun(cellIndex: 2, status: .passed, items: [.figure(Self.chart), .figure(Self.untitled)]),
            ], fromCache: false)
        return SiteFixture.page(SiteRenderer().render([SiteNote(note: note, run: run)]), "x.html")
    }

    func testFiguresAreNumberedThroughThePageWithTitlesAndAnchors() {
        let html = page()
        XCTAssertTrue(html.contains("<figure class=\"figure\" id=\"figure-1\"><div class=\"figure-body\"><svg "))
        XCTAssertTrue(
            html.contains("<figcaption><a class=\"figure-number\" href=\"#figure-1\">图 1</a>：注意力权重</figcaption>"))
        XCTAssertTrue(
            html.contains("<figcaption><a class=\"figure-number\" href=\"#figure-2\">图 2</a>：损失</figcaption>"),
            "the next cell's first figure goes on from the last number; the table takes none")
        XCTAssertTrue(
            html.contains("<figcaption><a class=\"figure-number\" href=\"#figure-3\">图 3</a></figcaption>"),
            "a figure without a title still gets its number")
        XCTAssertFalse(html.contains("id=\"figure-4\""))
        XCTAssertTrue(
            html.contains("<figure class=\"figure\"><div class=\"figure-body\"><table "),
            "tables keep their own caption")
    }

    func testCaptionShowsTheTitleSoTheDrawingDoesNotRepeatIt() {
        let html = page()
        let figure = html[html.range(of: "id=\"figure-1\"")!.lowerBound...]
        let drawing = figure[..<figure.range(of: "<figcaption>")!.lowerBound]
        XCTAssertEqual(
            drawing.components(separatedBy: ">注意力权重<").count - 1, 1, "only the SVG's accessible <title> names it")
    }

    func testFiguresKeepTheirNaturalSizeAndTheScriptIsShipped() {
        let files = SiteRenderer().render([SiteNote(note: note, run: nil)])
        XCTAssertFalse(
            page().contains("max-width:100%"), "an inline max-width would shrink wide figures and their text")
        XCTAssertNotNil(files["assets/figures.js"])
        XCTAssertTrue(SiteFixture.page(files, "x.html").contains("<script src=\"assets/figures.js\" defer></script>"))
    }

    func testSameRunGivesTheSameNumbersAndBytes() {
        XCTAssertEqual(page(), page())
    }
}
