// Line charts and attention lines in SVG.

import XCTest
@testable import Figures

final class SVGChartTests: XCTestCase {
    func testLineChartSnapshot() {
        assertSnapshot(Figure.lineChart(Fixtures.lossCurves).svg(idPrefix: "loss"), named: "chart-loss.svg")
    }

    func testLineChartHasNiceTicksAxisLabelsAndALegend() {
        let svg = Figure.lineChart(Fixtures.lossCurves).svg(idPrefix: "c")
        for tick in [">0.0</text>", ">0.5</text>", ">3.5</text>", ">0</text>", ">20</text>", ">120</text>"] {
            XCTAssertTrue(svg.contains(tick), "missing tick \(tick)")
        }
        XCTAssertTrue(svg.contains(">step</text>") && svg.contains(">loss</text>"))
        XCTAssertTrue(svg.contains(">验证 val</text>"), "legend names every series")
    }

    func testLongSeriesAreReducedToABoundedPath() {
        let long = Figure.lineChart(
            LineChart(series: [.init(name: "y", x: [], y: Fixtures.noise(rows: 1, columns: 100_000)[0])]))
        XCTAssertLessThan(long.svg(idPrefix: "l").utf8.count, 40_000)
    }

    func testNonFinitePointsBreakTheLine() {
        let svg = Figure.lineChart(LineChart(series: [.init(name: "y", x: [], y: [1, 2, .nan, 3, 4])])).svg(
            idPrefix: "n")
        let line = svg.components(separatedBy: "<path d=\"").first { $0.contains("stroke-width=\"1.8\"") } ?? ""
        let path = line.prefix { $0 != "\"" }
        XCTAssertEqual(path.filter { $0 == "M" }.count, 2, "the line is drawn in two pieces: \(path)")
        XCTAssertEqual(path.filter { $0 == "L" }.count, 2)
    }

    func testAttentionLinesWeightOpacityByWeight() {
        let figure = Figure.attentionLines(
            AttentionLines(
                title: "头 0", queryTokens: Fixtures.chineseTokens,
                keyTokens: Fixtures.chineseTokens, weights: Fixtures.causalWeights))
        let svg = figure.svg(idPrefix: "al")
        assertSnapshot(svg, named: "attention-lines.svg")
        XCTAssertTrue(svg.contains("stroke-opacity=\"1\"><title>我 → 我: 1.0000</title>"))
        XCTAssertTrue(svg.contains("<title>处理 → 语言: 0.2000</title>"))
        XCTAssertFalse(svg.contains("<title>我 → 爱"), "zero weights draw no line")
    }
}
