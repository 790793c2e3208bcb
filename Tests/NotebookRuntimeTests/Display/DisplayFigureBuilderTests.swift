// What the display functions record: the right figure for good input, a message naming both counts for bad input.

import XCTest
import Figures
@testable import NotebookRuntime
import TransformerEngine

final class DisplayFigureBuilderTests: XCTestCase {
    private func tensor(_ shape: [Int]) -> Tensor {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { Float($0) / 10 })
    }

    // MARK: - Errors, one row a case

    func testBadInputIsRejectedWithBothCountsInTheMessage() {
        let tokens = ["a", "b", "c"]
        let cases: [(String, () throws -> Figure)] = [
            (
                "heatmap: 5 row labels for 4 rows",
                {
                    try HeatmapFigures.heatmap(
                        Array(repeating: [0, 1], count: 4), rows: ["1", "2", "3", "4", "5"], cols: nil, title: nil)
                }
            ),
            (
                "heatmap: 1 column labels for 2 columns",
                { try HeatmapFigures.heatmap([[0, 1]], rows: nil, cols: ["x"], title: nil) }
            ),
            (
                "heatmap: row 0 has 2 values but row 1 has 1",
                { try HeatmapFigures.heatmap([[0, 1], [2]], rows: nil, cols: nil, title: nil) }
            ),
            (
                "heatmap: values must be a matrix [rows, columns], got shape [2, 2, 2]",
                {
                    try HeatmapFigures.heatmap(
                        Matrices.rows(of: self.tensor([2, 2, 2]), in: "heatmap"), rows: nil, cols: nil, title: nil)
                }
            ),
            (
                "attentionHeads: weights must have shape [heads, queries, keys], got [3, 3]",
                { try AttentionFigures.heads(self.tensor([3, 3]), tokens: tokens, keyTokens: nil, title: nil) }
            ),
            (
                "attentionHeads: 3 tokens for 4 query positions",
                { try AttentionFigures.heads(self.tensor([2, 4, 4]), tokens: tokens, keyTokens: nil, title: nil) }
            ),
            (
                "attentionHeads: 3 key tokens for 2 key positions",
                { try AttentionFigures.heads(self.tensor([2, 3, 2]), tokens: tokens, keyTokens: tokens, title: nil) }
            ),
            (
                "attentionStages: every stage must be [queries, keys] like scores [3, 3], but softmax is [3, 2]",
                {
                    try AttentionFigures.stages(
                        scores: self.tensor([3, 3]), scaled: self.tensor([3, 3]), masked: nil,
                        weights: self.tensor([3, 2]), tokens: tokens, keyTokens: nil, title: nil)
                }
            ),
            (
                "attentionLines: weights must be a matrix [rows, columns], got shape [3]",
                { try AttentionFigures.lines(self.tensor([3]), queryTokens: tokens, keyTokens: nil, title: nil) }
            ),
            (
                "plot: 3 x values but series \"loss\" has 2 values",
                {
                    try PlotFigures.chart(
                        x: [0, 1, 2], series: [("loss", [1, 2])], title: nil, xLabel: nil, yLabel: nil)
                }
            ),
            (
                "table: row 1 has 1 cells but the header has 2",
                { try TableFigures.table([["a", "b"], ["c"]], header: ["x", "y"], title: nil) }
            ),
            (
                "table: row 1 has 3 cells but row 0 has 2",
                { try TableFigures.table([["a", "b"], ["c", "d", "e"]], header: [], title: nil) }
            ),
        ]
        for (message, build) in cases {
            XCTAssertThrowsError(try build(), message) { error in
                XCTAssertEqual((error as? DisplayInputError)?.message, message)
            }
        }
    }

    // MARK: - Figures

    func testAttentionHeadsSplitsTheTensorIntoOnePanelPerHead() throws {
        let figure = try AttentionFigures.heads(
            tensor([1, 2, 2, 3]), tokens: ["我", "爱"], keyTokens: ["I", "love", "you"], title: "交叉注意力")
        guard case .heatmapGrid(let grid) = figure else { return XCTFail("expected a grid, got \(figure)") }
        XCTAssertEqual(grid.panels.map(\.title), ["head 0", "head 1"])
        XCTAssertEqual(grid.panels[1].values, [[0.6, 0.7, 0.8], [0.9, 1.0, 1.1]])
        XCTAssertEqual(grid.panels[0].columnLabels, ["I", "love", "you"])
        XCTAssertTrue(grid.sharedScale)
    }

    func testAttentionStagesKeepsEachStageOnItsOwnScaleAndMaskedCellsAsMinusInfinity() throws {
        let masked = Tensor(shape: [2, 2], scalars: [1, -.infinity, 0.5, 2])
        let figure = try AttentionFigures.stages(
            scores: tensor([2, 2]), scaled: tensor([2, 2]), masked: masked,
            weights: tensor([2, 2]), tokens: ["a", "b"], keyTokens: nil, title: nil)
        guard case .heatmapGrid(let grid) = figure else { return XCTFail("expected a grid") }
        XCTAssertEqual(grid.panels.map(\.title), ["scores QKᵀ", "scaled ÷√d", "masked", "softmax"])
        XCTAssertEqual(grid.panels[2].values[0][1], -.infinity)
        XCTAssertFalse(grid.sharedScale)
        XCTAssertTrue(figure.text.contains("×   -inf"), "a masked cell reads as masked:\n" + figure.text)
    }

    func testStagesWithoutAMaskHaveThreePanels() throws {
        let figure = try AttentionFigures.stages(
            scores: tensor([2, 2]), scaled: tensor([2, 2]), masked: nil,
            weights: tensor([2, 2]), tokens: ["a", "b"], keyTokens: nil, title: nil)
        guard case .heatmapGrid(let grid) = figure else { return XCTFail("expected a grid") }
        XCTAssertEqual(grid.panels.count, 3)
    }

    func testHeatmapLabelsDefaultToIndices() throws {
        let figure = try HeatmapFigures.heatmap([[1, 2, 3]], rows: nil, cols: nil, title: nil)
        XCTAssertEqual(figure, .heatmap(Heatmap(rowLabels: ["0"], columnLabels: ["0", "1", "2"], values: [[1, 2, 3]])))
    }

    func testFloatValuesAreRecordedAsTheirShortestDecimal() throws {
        let rows = try Matrices.rows(of: Tensor(shape: [1, 2], scalars: [0.1, 0.7]), in: "heatmap")
        XCTAssertEqual(rows, [[0.1, 0.7]])
    }

    func testTableCellsOfAnyTypeAreFormattedWithoutLocale() {
        XCTAssertEqual(TableFigures.cellText(0.5), "0.5")
        XCTAssertEqual(TableFigures.cellText(Float(0.1)), "0.1")
        XCTAssertEqual(TableFigures.cellText(3e-5), "3.00e-05")
        XCTAssertEqual(TableFigures.cellText(768), "768")
        XCTAssertEqual(TableFigures.cellText(Tensor(shape: [], scalars: [2.5])), "2.5")
        XCTAssertEqual(
            TableFigures.cellText(Tensor(shape: [2, 3], scalars: Array(repeating: 0, count: 6))),
            "tensor of shape [2, 3]")
    }

    func testSeveralSeriesShareXValues() throws {
        let figure = try PlotFigures.chart(
            x: [0, 0.5], series: [("a", [1, 2]), ("b", [3, 4])], title: nil, xLabel: nil, yLabel: nil)
        guard case .lineChart(let chart) = figure else { return XCTFail("expected a chart") }
        XCTAssertEqual(chart.series.map(\.x), [[0, 0.5], [0, 0.5]])
        XCTAssertEqual(chart.series.map(\.name), ["a", "b"])
    }
}
