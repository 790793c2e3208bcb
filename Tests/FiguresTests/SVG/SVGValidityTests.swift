// Every kind of figure, including degenerate ones, is well-formed XML that librsvg renders without a warning.

import XCTest
@testable import Figures

final class SVGValidityTests: XCTestCase {
    /// One figure of every kind and every awkward input the renderers must survive.
    static var figures: [(String, Figure)] {
        let hostile = [
            "<script>alert(1)</script>", "a & b", "\"quoted\" 'single'", "tab\there", "new\nline", "\u{1B}[31m", "]]>",
        ]
        return [
            ("attention", .heatmap(Fixtures.attention)),
            ("masked", .heatmap(Fixtures.maskedScores)),
            ("heads", .heatmapGrid(Fixtures.heads)),
            ("stages", .heatmapGrid(HeatmapGrid(title: "stages", panels: [Fixtures.maskedScores, Fixtures.attention],
                                               columns: 2, sharedScale: false))),
            ("64x64", .heatmap(Fixtures.labelled(Fixtures.noise(rows: 64, columns: 64)))),
            ("256x256", .heatmap(Fixtures.labelled(Fixtures.noise(rows: 256, columns: 256)))),
            ("wide 3x200", .heatmap(Fixtures.labelled(Fixtures.noise(rows: 3, columns: 200)))),
            ("1x1", .heatmap(Heatmap(rowLabels: ["a"], columnLabels: ["b"], values: [[1]]))),
            ("0 rows", .heatmap(Heatmap(rowLabels: [], columnLabels: ["a"], values: []))),
            (
                "non-finite only",
                .heatmap(
                    Heatmap(rowLabels: ["a"], columnLabels: ["x", "y", "z"], values: [[.nan, .infinity, -.infinity]]))
            ),
            (
                "all equal",
                .heatmap(Heatmap(rowLabels: ["a", "b"], columnLabels: ["c", "d"], values: [[2, 2], [2, 2]]))
            ),
            ("ragged", .heatmap(Heatmap(rowLabels: ["a"], columnLabels: [], values: [[1, 2, 3], []]))),
            ("hostile labels", .heatmap(Heatmap(title: hostile[0], rowLabels: hostile, columnLabels: hostile,
                                                values: Fixtures.noise(rows: hostile.count, columns: hostile.count)))),
            ("empty grid", .heatmapGrid(HeatmapGrid(panels: [], columns: 3, sharedScale: true))),
            (
                "lines",
                .attentionLines(
                    AttentionLines(
                        title: "头 0", queryTokens: Fixtures.chineseTokens,
                        keyTokens: Fixtures.chineseTokens, weights: Fixtures.causalWeights))
            ),
            (
                "cross lines",
                .attentionLines(
                    AttentionLines(
                        queryTokens: ["I", "love", hostile[0]], keyTokens: ["我", "爱"],
                        weights: [[0.9, 0.1], [0.2, 0.8], [.nan, -.infinity]]))
            ),
            ("empty lines", .attentionLines(AttentionLines(queryTokens: [], keyTokens: [], weights: []))),
            ("chart", .lineChart(Fixtures.lossCurves)),
            ("one point", .lineChart(LineChart(series: [.init(name: "y", x: [], y: [3])]))),
            ("no points", .lineChart(LineChart(title: "empty", series: []))),
            (
                "nan points",
                .lineChart(LineChart(series: [.init(name: hostile[0], x: [0, 1, 2], y: [.nan, 1, .infinity])]))
            ),
            (
                "long series",
                .lineChart(LineChart(series: [.init(name: "y", x: [], y: Fixtures.noise(rows: 1, columns: 20_000)[0])]))
            ),
            ("table", .table(Fixtures.parameters)),
            ("hostile table", .table(Table(title: hostile[0], header: hostile, rows: [hostile]))),
            ("empty table", .table(Table(header: [], rows: []))),
        ]
    }

    func testEveryFigureIsValidSVG() {
        for (name, figure) in Self.figures {
            assertValidSVG(figure.svg(idPrefix: "fig-\(name.filter(\.isLetter))"), name)
        }
    }

    func testHostileLabelsAreShownAsTextNeverAsMarkup() {
        for (name, figure) in Self.figures
        where name.hasPrefix("hostile") || name == "cross lines" || name == "nan points" {
            for markup in [figure.svg(idPrefix: "x"), figure.html(idPrefix: "x")] {
                XCTAssertFalse(markup.contains("<script"), "\(name) let a <script> element through")
                XCTAssertTrue(markup.contains("&lt;script&gt;"), "\(name) dropped the label instead of escaping it")
                XCTAssertFalse(markup.contains("\u{1B}"), "\(name) kept a control character XML forbids")
            }
        }
    }

    func testTableHTMLIsATableWithEscapedCells() {
        let html = Figure.table(Table(title: "t", header: ["a<b", "n"], rows: [["x & y", "1.5"]])).html(idPrefix: "tb")
        XCTAssertEqual(
            html,
            "<table id=\"tb\" class=\"litbook-table\"><caption>t</caption><thead><tr><th>a&lt;b</th>"
                + "<th class=\"num\">n</th></tr></thead><tbody><tr><td>x &amp; y</td><td"
                + " class=\"num\">1.5</td></tr></tbody></table>"
        )
        XCTAssertTrue(Figure.heatmap(Fixtures.attention).html(idPrefix: "h").hasPrefix("<svg "))
    }
}
