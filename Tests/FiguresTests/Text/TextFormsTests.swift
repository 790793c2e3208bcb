// Text forms of grids, attention lines, line charts and tables.

import XCTest
@testable import Figures

final class TextFormsTests: XCTestCase {
    func testHeadsSitSideBySideWhileTheyFit() {
        let text = Figure.heatmapGrid(Fixtures.heads).text
        assertSnapshot(text, named: "grid-heads.txt")
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        XCTAssertTrue(lines[2].hasPrefix("头 0") && lines[2].contains("头 1"), String(lines[2]))
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of(String($0)) <= TextHeatmap.maxWidth })
    }

    func testAttentionLinesListTheStrongestKeysFirst() {
        let lines = AttentionLines(title: nil, queryTokens: Fixtures.chineseTokens, keyTokens: Fixtures.chineseTokens,
                                   weights: Fixtures.causalWeights)
        let text = Figure.attentionLines(lines).text.split(separator: "\n")
        XCTAssertEqual(text[2], "自然 → 自然 0.7000 · 爱 0.2000 · 我 0.1000")
        XCTAssertEqual(text[4], "处理 → 我 0.2000 · 爱 0.2000 · 自然 0.2000", "ties keep token order")
    }

    func testLineChartTextIsASparklinePerSeries() {
        let text = Figure.lineChart(Fixtures.lossCurves).text
        assertSnapshot(text, named: "chart-loss.txt")
        XCTAssertTrue(text.contains("train     █"), text)
        XCTAssertTrue(text.hasSuffix("x: step 0 … 119 · y: loss"), text)
    }

    func testSparklineOfFewPointsAndOfNonFinitePoints() {
        let chart = LineChart(series: [.init(name: "y", x: [], y: [0, 1, 2, 3, .nan, 7])])
        XCTAssertEqual(Figure.lineChart(chart).text, "y  ▁▂▃▄ █  min 0.0000  max 7.0000  last 7.0000\nx: 0 … 5")
        XCTAssertEqual(Figure.lineChart(LineChart(title: "t", series: [])).text, "t\n(no series to plot)")
        XCTAssertEqual(Figure.lineChart(LineChart(series: [.init(name: "flat", x: [], y: [2, 2])])).text,
                       "flat  ▅▅  min 2.0000  max 2.0000  last 2.0000\nx: 0 … 1")
    }

    func testTableAlignsChineseCellsAndRightAlignsNumbers() {
        let text = Figure.table(Fixtures.parameters).text
        XCTAssertEqual(text, """
            参数 parameters
            名字        形状              数量
            ──────────  ────────────  ────────
            wte 词嵌入  [50257, 768]  38597376
            attn        [768, 2304]    1769472
            ln_f        [768]              768
            """)
    }

    func testTableWithRaggedRowsPadsThem() {
        let text = Figure.table(Table(header: ["a"], rows: [["1", "2"], []])).text
        XCTAssertEqual(text, "a\n─  ─\n1  2\n")
    }
}
