// The text form of heatmaps: what notes record and `check` compares.

import XCTest
@testable import Figures

final class TextHeatmapTests: XCTestCase {
    func testAttentionWithChineseLabelsMatchesSnapshot() {
        assertSnapshot(Figure.heatmap(Fixtures.attention).text, named: "heatmap-attention.txt")
    }

    func testColumnsLineUpWhenLabelsMixChineseAndLatin() {
        let lines = Figure.heatmap(Fixtures.attention).text.split(separator: "\n").map(String.init)
        // Every value row ends at the same terminal column: CJK labels were counted as two columns.
        let widths = Set(lines.dropFirst(2).map(DisplayWidth.of))
        XCTAssertEqual(widths.count, 1, "rows of different widths:\n" + lines.joined(separator: "\n"))
        // And each value starts where the header's label ends.
        let header = lines[1]
        XCTAssertEqual(DisplayWidth.of(header), widths.first)
    }

    func testMaskedCellsShowAsCrossAndMinusInfinity() {
        let text = Figure.heatmap(Fixtures.maskedScores).text
        assertSnapshot(text, named: "heatmap-masked.txt")
        XCTAssertTrue(text.contains("×    -inf"))
    }

    func testAllEqualValuesShadeAsTheMiddleOfTheRamp() {
        let text = Figure.heatmap(
            Heatmap(rowLabels: ["a", "b"], columnLabels: ["x", "y"], values: [[0.25, 0.25], [0.25, 0.25]])
        ).text
        XCTAssertEqual(
            text,
            """
                      x         y
            a  ▒ 0.2500  ▒ 0.2500
            b  ▒ 0.2500  ▒ 0.2500
            """)
    }

    func testDegenerateInputsGiveAClearFigure() {
        XCTAssertEqual(
            Figure.heatmap(Heatmap(title: "t", rowLabels: [], columnLabels: [], values: [])).text,
            "t\n(empty heatmap: 0 rows × 0 columns)")
        XCTAssertEqual(
            Figure.heatmap(Heatmap(rowLabels: ["a"], columnLabels: ["b"], values: [[7]])).text,
            "          b\na  ▒ 7.0000")
        let allMissing = Figure.heatmap(
            Heatmap(rowLabels: ["a"], columnLabels: ["b", "c"], values: [[.nan, .infinity]])
        ).text
        XCTAssertEqual(allMissing, "       b      c\na  ? nan  × inf")
    }

    func testRaggedRowsAndMissingLabelsDoNotCrash() {
        let text = Figure.heatmap(Heatmap(rowLabels: ["only"], columnLabels: [], values: [[1, 2], [3]])).text
        XCTAssertEqual(text, """
                         0         1
            only    1.0000  ▒ 2.0000
            1     █ 3.0000  ?    nan
            """)
    }

    func testLargeMatricesAreShadedAndElidedWithinTheWidth() {
        let text = Figure.heatmap(Fixtures.labelled(Fixtures.noise(rows: 256, columns: 256), title: "big")).text
        let lines = text.split(separator: "\n")
        XCTAssertTrue(lines.allSatisfy { DisplayWidth.of(String($0)) <= TextHeatmap.maxWidth })
        XCTAssertLessThan(lines.count, 50)
        XCTAssertTrue(lines.contains("⋮"))
        XCTAssertTrue(text.hasSuffix("256×256, middle elided"), String(lines.last ?? ""))
        assertSnapshot(text, named: "heatmap-256.txt")
    }
}

final class TextHeatmapStabilityTests: XCTestCase {
    /// Engine changes move numbers by far less than the printed precision; the text must not change then.
    func testNoiseBelowThePrintedPrecisionChangesNoShade() {
        let values: [[Double]] = [[0, 0.2, 0.4, 0.6, 0.8, 1]]
        let nudged = values.map { $0.map { $0 == 0 || $0 == 1 ? $0 : $0 - 1e-9 } }
        let labels = ["a", "b", "c", "d", "e", "f"]
        XCTAssertEqual(Figure.heatmap(Heatmap(rowLabels: ["r"], columnLabels: labels, values: values)).text,
                       Figure.heatmap(Heatmap(rowLabels: ["r"], columnLabels: labels, values: nudged)).text)
        let chart = { (ys: [Double]) in Figure.lineChart(LineChart(series: [.init(name: "y", x: [], y: ys)])).text }
        XCTAssertEqual(chart(values[0]), chart(nudged[0]))
    }
}
