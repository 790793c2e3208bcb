// Tensors printed the way PyTorch users expect.

import XCTest
@testable import Figures

final class ArrayTextTests: XCTestCase {
    func testMatrixAlignsColumnsAndShowsTheShape() {
        XCTAssertEqual(ArrayText.format(shape: [2, 2], scalars: [0.1234, -1, 2, 3] as [Double]), """
            tensor([[ 0.1234, -1.0000],
                    [ 2.0000,  3.0000]], shape: [2, 2])
            """)
    }

    func testScalarsVectorsEmptyAndNonFinite() {
        XCTAssertEqual(ArrayText.format(shape: [], scalars: [3.14159] as [Double]), "tensor(3.1416)")
        XCTAssertEqual(ArrayText.format(shape: [3], scalars: [1, .nan, -.infinity] as [Double]),
                       "tensor([1.0000,    nan,   -inf], shape: [3])")
        XCTAssertEqual(ArrayText.format(shape: [0, 3], scalars: [] as [Double]), "tensor([], shape: [0, 3])")
        XCTAssertEqual(ArrayText.format(shape: [2], scalars: [Float(0.1), 2] as [Float], precision: 2),
                       "tensor([0.10, 2.00], shape: [2])")
    }

    func testThreeDimensionsSeparateBlocksWithABlankLine() {
        assertSnapshot(
            ArrayText.format(shape: [2, 2, 3], scalars: (0..<12).map { Double($0) / 8 }), named: "tensor-3d.txt")
    }

    func testLargeTensorsElideTheMiddleOfEveryAxis() {
        let text = ArrayText.format(shape: [40, 40], scalars: (0..<1600).map { Double($0) / 8 })
        assertSnapshot(text, named: "tensor-40x40.txt")
        XCTAssertEqual(text.split(separator: "\n").count, 7, "3 rows, ..., 3 rows")
    }

    func testLongRowsWrapAt80Columns() {
        let text = ArrayText.format(shape: [30], scalars: (0..<30).map(Double.init))
        XCTAssertTrue(text.split(separator: "\n").allSatisfy { $0.count <= ArrayText.lineWidth + 20 })
        XCTAssertGreaterThan(text.split(separator: "\n").count, 1)
    }
}
