// Calls written exactly as a note author writes them, literals included: they must compile unambiguously and print.

import XCTest
@testable import NotebookRuntime
import TransformerEngine

final class DisplayCallSyntaxTests: XCTestCase {
    func testLiteralArgumentsPickAnOverloadAndPrint() {
        let printed = capturedStandardOutput {
            plot([1, 2, 3])
            heatmap([[1, 2], [3, 4]])
            table([["a", "b"]])
            table([["学习率", 0.001], ["层数", 2]], header: ["参数", "值"])
            plot(series: [("train", [3, 2, 1]), ("val", [3, 2.5, 2])], title: "loss")
            plot(x: [0, 0.5, 1], series: [(name: "lr", values: [0, 1, 0.5])])
        }
        XCTAssertEqual(printed.components(separatedBy: "min ").count - 1, 1 + 2 + 1, "four sparklines:\n" + printed)
        XCTAssertTrue(printed.contains("0    1.0000  ░ 2.0000"), printed)
        XCTAssertTrue(printed.contains("学习率  0.001"), printed)
    }

    func testAttentionCallsWithTensors() {
        let weights = Tensor(shape: [2, 2, 2], scalars: [1, 0, 0.5, 0.5, 0.9, 0.1, 0.2, 0.8])
        let printed = capturedStandardOutput {
            attentionHeads(weights, tokens: ["我", "爱"], title: "heads")
            attentionLines(
                Tensor(shape: [2, 2], scalars: [0.9, 0.1, 0.2, 0.8]), queryTokens: ["我", "爱"], keyTokens: ["I", "love"])
        }
        XCTAssertTrue(printed.hasPrefix("heads\n\nhead 0"), printed)
        XCTAssertTrue(printed.contains("爱 → love 0.8000 · I 0.2000"), printed)
    }
}
