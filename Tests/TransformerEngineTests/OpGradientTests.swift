// Every differentiable op's gradient against finite differences.

import XCTest
@testable import TransformerEngine

final class OpGradientTests: XCTestCase {
    var generator = RandomGenerator(seed: 7)

    func random(_ shape: [Int]) -> Tensor { Tensor.randn(shape, using: &generator) }

    func testArithmeticWithBroadcasting() {
        let a = random([2, 3]), b = random([3]), c = random([2, 1])
        assertGradientsMatchFiniteDifferences([a, b]) { $0[0] + $0[1] }
        assertGradientsMatchFiniteDifferences([a, c]) { $0[0] - $0[1] }
        assertGradientsMatchFiniteDifferences([a, b]) { $0[0] * $0[1] }
        assertGradientsMatchFiniteDifferences([a, c + 3]) { $0[0] / $0[1] }
        assertGradientsMatchFiniteDifferences([a]) { -$0[0] * 2 + 1 - 3 / ($0[0] * $0[0] + 2) }
    }

    func testUnaryFunctions() {
        let x = random([3, 4])
        assertGradientsMatchFiniteDifferences([x]) { $0[0].exp() }
        assertGradientsMatchFiniteDifferences([x * x + 0.5]) { $0[0].log() }
        assertGradientsMatchFiniteDifferences([x * x + 0.5]) { $0[0].sqrt() }
        assertGradientsMatchFiniteDifferences([x]) { $0[0].tanh() }
        assertGradientsMatchFiniteDifferences([x]) { $0[0].sigmoid() }
        assertGradientsMatchFiniteDifferences([x]) { $0[0].gelu() }
        assertGradientsMatchFiniteDifferences([x + 0.05]) { $0[0].relu() }
        assertGradientsMatchFiniteDifferences([x * x + 0.5]) { $0[0].pow(1.5) }
    }

    func testReductions() {
        let x = random([2, 3, 4])
        assertGradientsMatchFiniteDifferences([x]) { $0[0].sum() }
        assertGradientsMatchFiniteDifferences([x]) { $0[0].sum(axis: 1) }
        assertGradientsMatchFiniteDifferences([x]) { $0[0].mean(axis: -1, keepDims: true) }
        assertGradientsMatchFiniteDifferences([x]) { $0[0].max(axis: 2) }
        assertGradientsMatchFiniteDifferences([x]) { $0[0].mean() }
    }

    func testMatmulBatchedAndTransposed() {
        assertGradientsMatchFiniteDifferences([random([3, 4]), random([4, 5])]) { $0[0].matmul($0[1]) }
        assertGradientsMatchFiniteDifferences([random([2, 3, 4]), random([4, 5])]) { $0[0].matmul($0[1]) }
        assertGradientsMatchFiniteDifferences([random([2, 3, 4]), random([2, 5, 4])]) {
            Tensor.matmul($0[0], $0[1], transposeA: false, transposeB: true)
        }
        assertGradientsMatchFiniteDifferences([random([2, 4, 3]), random([1, 4, 5])]) {
            Tensor.matmul($0[0], $0[1], transposeA: true, transposeB: false)
        }
        assertGradientsMatchFiniteDifferences([random([2, 4, 3]), random([5, 4])]) {
            Tensor.matmul($0[0], $0[1], transposeA: true, transposeB: true)
        }
        assertGradientsMatchFiniteDifferences([random([4]), random([4, 2])]) { $0[0].matmul($0[1]) }
    }

    func testShapeOps() {
        let x = random([2, 3, 4])
        assertGradientsMatchFiniteDifferences([x]) { $0[0].reshaped([4, -1]) * Tensor.arange(6) }
        assertGradientsMatchFiniteDifferences([x]) { $0[0].permuted([2, 0, 1]) * Tensor.arange(3) }
        assertGradientsMatchFiniteDifferences([x]) { $0[0].transposed() }
        assertGradientsMatchFiniteDifferences([x]) { $0[0].sliced(1..<3, axis: 1) }
        assertGradientsMatchFiniteDifferences([x]) { $0[0][1] }
        assertGradientsMatchFiniteDifferences([x, random([2, 1, 4])]) { Tensor.concat([$0[0], $0[1]], axis: 1) }
        assertGradientsMatchFiniteDifferences([x, x * 2]) { Tensor.stack([$0[0], $0[1]], axis: 1) }
        assertGradientsMatchFiniteDifferences([x]) { $0[0].split([1, 3], axis: 2)[1] }
        assertGradientsMatchFiniteDifferences([random([5, 3])]) { $0[0].rows([4, 0, 4]) }
    }

    func testSoftmaxLayerNormAndLosses() {
        let x = random([3, 5])
        assertGradientsMatchFiniteDifferences([x]) { $0[0].softmax(axis: -1) }
        assertGradientsMatchFiniteDifferences([x]) { $0[0].softmax(axis: 0) }
        assertGradientsMatchFiniteDifferences([x]) { $0[0].logSoftmax(axis: -1) }
        assertGradientsMatchFiniteDifferences([x, random([5]), random([5])]) {
            layerNorm($0[0], gamma: $0[1], beta: $0[2])
        }
        assertGradientsMatchFiniteDifferences([x]) { crossEntropy($0[0], targets: [1, 4, 0]) }
        assertGradientsMatchFiniteDifferences([x]) { crossEntropy($0[0], targets: [1, -100, 0], ignoreIndex: -100) }
        assertGradientsMatchFiniteDifferences([x, random([3, 5])]) { mse($0[0], $0[1]) }
        let mask = Tensor.causalMask(3).sliced(0..<3, axis: 1)
        assertGradientsMatchFiniteDifferences([random([3, 3])]) {
            $0[0].maskedFill(mask.equal(to: 0), with: -1e9).softmax()
        }
    }
}
