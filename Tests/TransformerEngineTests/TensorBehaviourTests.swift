// Tensor basics a learner sees: creation, shapes, indexing, joining, masks, printing, shape errors.

import XCTest
@testable import TransformerEngine

final class TensorBehaviourTests: XCTestCase {
    func testCreationAndShapes() {
        let m = Tensor([[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual(m.shape, [2, 3])
        XCTAssertEqual(m.transposed().scalars, [1, 4, 2, 5, 3, 6])
        XCTAssertEqual(m.reshaped([3, -1]).shape, [3, 2])
        XCTAssertEqual(Tensor.arange(0, 1, step: 0.25).scalars, [0, 0.25, 0.5, 0.75])
        XCTAssertEqual(Tensor.eye(2).scalars, [1, 0, 0, 1])
        XCTAssertEqual(m.permuted([1, 0]).shape, [3, 2])
        XCTAssertEqual(Tensor(integers: [3, 1]).scalars, [3, 1])
    }

    func testReductionsAlongAxes() {
        let m = Tensor([[1, 5, 3], [4, 2, 6]])
        XCTAssertEqual(m.sum(axis: 0).scalars, [5, 7, 9])
        XCTAssertEqual(m.sum(axis: 1, keepDims: true).shape, [2, 1])
        XCTAssertEqual(m.mean(axis: -1).scalars, [3, 4])
        XCTAssertEqual(m.max(axis: 1).scalars, [5, 6])
        XCTAssertEqual(m.argmax(axis: 1), [1, 2])
        XCTAssertEqual(m.argmax(), 5)
    }

    func testBroadcastingArithmetic() {
        let m = Tensor([[1, 2], [3, 4]])
        XCTAssertEqual((m + Tensor([10, 20])).scalars, [11, 22, 13, 24])
        XCTAssertEqual((m * Tensor([[2], [3]])).scalars, [2, 4, 9, 12])
        XCTAssertEqual((1 - m).scalars, [0, -1, -2, -3])
    }

    func testIndexingJoiningAndSplitting() {
        let m = Tensor([[1, 2, 3], [4, 5, 6]])
        XCTAssertEqual(m[1].scalars, [4, 5, 6])
        XCTAssertEqual(m[-1].scalars, [4, 5, 6])
        XCTAssertEqual(m.sliced(1..<3, axis: 1).scalars, [2, 3, 5, 6])
        XCTAssertEqual(m.scalar(at: [1, 2]), 6)
        XCTAssertEqual(Tensor.concat([m, m], axis: 1).shape, [2, 6])
        XCTAssertEqual(Tensor.stack([m, m]).shape, [2, 2, 3])
        XCTAssertEqual(m.chunked(3, axis: 1).map(\.scalars), [[1, 4], [2, 5], [3, 6]])
        XCTAssertEqual(m.rows([1, 1, 0]).scalars, [4, 5, 6, 4, 5, 6, 1, 2, 3])
    }

    func testMasksAndSoftmax() {
        XCTAssertEqual(Tensor.causalMask(3).scalars, [1, 0, 0, 1, 1, 0, 1, 1, 1])
        let scores = Tensor([[1, 2, 3]])
        let masked = scores.maskedFill(Tensor([0, 0, 1]), with: -.infinity)
        XCTAssertEqual(masked.softmax().scalar(at: [0, 2]), 0)
        XCTAssertEqual(Tensor([[-Float.infinity, -.infinity]]).softmax().scalars, [0, 0])
        XCTAssertEqual(Tensor([1000, 1000]).softmax().scalars, [0.5, 0.5])
        XCTAssertEqual(Tensor.where(Tensor([1, 0]), Tensor([1, 2]), Tensor([3, 4])).scalars, [1, 4])
        XCTAssertEqual(Tensor([1, 5, 3]).greater(than: 2).scalars, [0, 1, 1])
    }

    func testPrintingIsFixedText() {
        XCTAssertEqual(Tensor([[1, -0.5], [0, 2]]).description, "[[1.0000, -0.5000],\n [0.0000, 2.0000]]")
        XCTAssertEqual(Tensor.arange(10).description, "[0.0000, 1.0000, 2.0000, …, 7.0000, 8.0000, 9.0000]")
        XCTAssertEqual(Tensor(scalar: -0).description, "0.0000")
    }

    func testShapeErrorsNameBothShapes() {
        let cases: [(Result<[Int], ShapeError>, String)] = [
            (Tensor.checkBroadcast([2, 3], [4], op: "+"),
                "+: shapes [2, 3] and [4] cannot be broadcast together (axis 1: 3 vs 4)"),
            (Tensor.checkBroadcast([2, 3], [3, 2, 5], op: "*"),
                "*: shapes [2, 3] and [3, 2, 5] cannot be broadcast together (axis 2: 3 vs 5)"),
        ]
        for (result, message) in cases {
            guard case .failure(let error) = result else { return XCTFail("expected an error: \(message)") }
            XCTAssertEqual(error.description, message)
        }
        guard case .failure(let error) = Tensor.checkMatmul([2, 3], [4, 5]) else { return XCTFail("expected an error") }
        XCTAssertEqual(error.description, "matmul: shapes [2, 3] and [4, 5] do not match (3 vs 4)")
        guard case .success(let sizes) = Tensor.checkMatmul([7, 2, 3], [3, 5]) else { return XCTFail("expected sizes") }
        XCTAssertEqual([sizes.m, sizes.k, sizes.n], [2, 3, 5])
    }
}
