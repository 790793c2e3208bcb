// The display options a reader sees in the drawing: digits, axis titles, shared scales, and small multiples.

import XCTest
import Figures
@testable import NotebookRuntime
import TransformerEngine

final class DisplayOptionsTests: XCTestCase {
    private func tensor(_ shape: [Int], offset: Float = 0) -> Tensor {
        Tensor(shape: shape, scalars: (0..<shape.reduce(1, *)).map { Float($0) / 10 + offset })
    }

    func testAttentionFiguresTitleTheirAxes() throws {
        let selfAttention = try AttentionFigures.heads(
            tensor([2, 2, 2]), tokens: ["我", "爱"], keyTokens: nil, title: nil)
        guard case .heatmapGrid(let grid) = selfAttention else { return XCTFail("expected a grid") }
        XCTAssertEqual(grid.panels.map(\.rowAxis), ["query ↓", "query ↓"])
        XCTAssertEqual(grid.panels.map(\.columnAxis), ["key →", "key →"])

        let cross = try AttentionFigures.stages(
            scores: tensor([2, 3]), scaled: tensor([2, 3]), masked: nil, weights: tensor([2, 3]),
            tokens: ["I", "see"], keyTokens: ["我", "看", "见"], title: nil)
        guard case .heatmapGrid(let stages) = cross else { return XCTFail("expected a grid") }
        XCTAssertEqual(stages.panels[0].rowAxis, "target (query) ↓")
        XCTAssertEqual(stages.panels[0].columnAxis, "source (key) →")
        XCTAssertFalse(stages.sharedScale, "stages keep their own scales unless asked")
    }

    func testSharedScaleAndDigitsReachTheFigure() throws {
        let stages = try AttentionFigures.stages(
            scores: tensor([2, 2]), scaled: tensor([2, 2]), masked: nil, weights: tensor([2, 2]),
            tokens: ["a", "b"], keyTokens: nil, title: nil, sharedScale: true, digits: 3)
        guard case .heatmapGrid(let grid) = stages else { return XCTFail("expected a grid") }
        XCTAssertTrue(grid.sharedScale)
        XCTAssertEqual(grid.panels.map(\.digits), [3, 3, 3])
        let heads = try AttentionFigures.heads(
            tensor([2, 2, 2]), tokens: ["a", "b"], keyTokens: nil, title: nil, sharedScale: false)
        guard case .heatmapGrid(let own) = heads else { return XCTFail("expected a grid") }
        XCTAssertFalse(own.sharedScale)
    }

    func testHeatmapsMakesSmallMultiples() throws {
        let figure = try HeatmapFigures.grid(
            [[[1, 2]], [[3, 4]]], titles: ["before", "after"], rows: ["r"], cols: ["x", "y"],
            title: "两张", columns: 2, sharedScale: true, digits: 1)
        guard case .heatmapGrid(let grid) = figure else { return XCTFail("expected a grid") }
        XCTAssertEqual(grid.panels.map(\.title), ["before", "after"])
        XCTAssertEqual(grid.panels[1].values, [[3, 4]])
        XCTAssertEqual(grid.panels[0].columnLabels, ["x", "y"])
        XCTAssertTrue(grid.sharedScale)
        XCTAssertEqual(grid.columns, 2)
    }

    func testBadOptionsAreRejectedWithAClearMessage() {
        let cases: [(String, () throws -> Figure)] = [
            (
                "heatmap: digits must be in 0...6, got 7",
                { try HeatmapFigures.heatmap([[1]], rows: nil, cols: nil, title: nil, digits: 7) }
            ),
            (
                "heatmaps: 1 titles for 2 matrices",
                {
                    try HeatmapFigures.grid(
                        [[[1]], [[2]]], titles: ["a"], rows: nil, cols: nil, title: nil, columns: 2,
                        sharedScale: false, digits: nil)
                }
            ),
            (
                "heatmaps: matrix 0 is 1×2 but matrix 1 is 2×2",
                {
                    try HeatmapFigures.grid(
                        [[[1, 2]], [[1, 2], [3, 4]]], titles: nil, rows: nil, cols: nil, title: nil, columns: 2,
                        sharedScale: false, digits: nil)
                }
            ),
            (
                "attentionHeads: digits must be in 0...6, got -1",
                {
                    try AttentionFigures.heads(
                        self.tensor([1, 2, 2]), tokens: ["a", "b"], keyTokens: nil, title: nil, digits: -1)
                }
            ),
        ]
        for (message, build) in cases {
            XCTAssertThrowsError(try build(), message) { error in
                XCTAssertEqual((error as? DisplayInputError)?.message, message)
            }
        }
    }

    func testDisplayCallsWithOptionsCompileAsAuthorsWriteThem() {
        let printed = capturedStandardOutput {
            heatmap(
                [[0.5, 1]], rows: ["q"], cols: ["k1", "k2"], title: "t", rowAxis: "query ↓", colAxis: "key →", digits: 3
            )
            heatmaps(
                [Tensor(shape: [1, 2], scalars: [1, 2]), Tensor(shape: [1, 2], scalars: [3, 4])], titles: ["a", "b"],
                sharedScale: true)
        }
        XCTAssertTrue(printed.hasPrefix("t\n"), printed)
        XCTAssertTrue(printed.contains("a"), printed)
    }
}
