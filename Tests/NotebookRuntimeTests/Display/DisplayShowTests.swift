// `show` and the display functions, called the way a cell calls them, outside litbook: they print text forms.

import XCTest
import Figures
@testable import NotebookRuntime
import TransformerEngine

final class DisplayShowTests: XCTestCase {
    func testShowPrintsATensorLikePyTorch() {
        let printed = capturedStandardOutput { show(Tensor(shape: [2, 2], scalars: [0.1234, -1, 2, 3])) }
        XCTAssertEqual(printed, """
            tensor([[ 0.1234, -1.0000],
                    [ 2.0000,  3.0000]], shape: [2, 2])

            """)
    }

    func testShowHonoursPrecisionAndReadsFloatsAsTheirShortestDecimal() {
        XCTAssertEqual(capturedStandardOutput { show(Tensor(shape: [2], scalars: [0.1, 0.25]), precision: 2) },
                       "tensor([0.10, 0.25], shape: [2])\n")
        XCTAssertEqual(capturedStandardOutput { show(Tensor(shape: [], scalars: [2])) }, "tensor(2.0000)\n")
    }

    func testShowOfAnyValueUsesTensorFormattingOrTheDescription() {
        let tensor: Any = Tensor(shape: [1], scalars: [1])
        XCTAssertEqual(capturedStandardOutput { show(tensor) }, "tensor([1.0000], shape: [1])\n")
        XCTAssertEqual(capturedStandardOutput { show("你好") }, "你好\n")
        XCTAssertEqual(capturedStandardOutput { show([1, 2]) }, "[1, 2]\n")
    }

    func testShowElidesLargeTensors() {
        let big = Tensor(shape: [50, 50], scalars: (0..<2500).map { Float($0) })
        let lines = capturedStandardOutput { show(big) }.split(separator: "\n")
        XCTAssertEqual(lines.count, 7)
        XCTAssertTrue(lines[0].hasPrefix("tensor([[   0.0000,    1.0000,    2.0000, ...,   47.0000"), String(lines[0]))
    }

    func testHeatmapOfATensorPrintsItsTextForm() {
        let weights = Tensor(shape: [2, 2], scalars: [1, 0, 0.25, 0.75])
        let printed = capturedStandardOutput { heatmap(weights, rows: ["我", "爱"], cols: ["我", "爱"], title: "注意力") }
        XCTAssertEqual(printed, """
            注意力
                      我        爱
            我  █ 1.0000    0.0000
            爱  ░ 0.2500  ▓ 0.7500

            """)
    }

    func testPlotAndTablePrintTheirTextForms() {
        XCTAssertEqual(capturedStandardOutput { plot([3, 2, 1.5, 1.25] as [Double], title: "loss", xLabel: "step") },
                       "loss\ny  █▄▂▁  min 1.2500  max 3.0000  last 1.2500\nx: step 0 … 3\n")
        XCTAssertEqual(capturedStandardOutput { table([["学习率", 0.0003], ["层数", 12]], header: ["参数", "值"]) },
                       "参数        值\n──────  ──────\n学习率  0.0003\n层数        12\n")
    }
}
