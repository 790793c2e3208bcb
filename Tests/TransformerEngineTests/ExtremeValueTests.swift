// Cross-entropy, log-softmax and layer norm where huge values meet Float, against float64 references.

import XCTest
import TransformerEngine  // public API only

/// Extreme cases: logits of 1e30 and of 10⁴ beside 10⁴ + ½, layer norm on rows of 4,096
/// values around 10³ and 10⁶. References are computed here in Double from the same Float inputs.
final class ExtremeValueTests: XCTestCase {
    private func relativeError(_ value: Float, _ reference: Double) -> Double {
        abs(Double(value) - reference) / abs(reference)
    }

    func testCrossEntropyOfHugeEqualLogitsIsLogOfTheClassCount() {
        let loss = crossEntropy(Tensor([[1e30, 1e30, 1e30]]), targets: [0]).item
        XCTAssertLessThan(relativeError(loss, Foundation.log(3.0)), 1e-6, "loss \(loss)")
    }

    func testCrossEntropyOfCloseLargeLogitsKeepsTheirDifference() {
        let loss = crossEntropy(Tensor([[10_000, 10_000.5]]), targets: [1]).item
        let reference = Foundation.log(1 + Foundation.exp(-0.5))  // 0.474077
        XCTAssertLessThan(relativeError(loss, reference), 1e-6, "loss \(loss)")
        let other = crossEntropy(Tensor([[10_000, 10_000.5]]), targets: [0]).item
        XCTAssertLessThan(relativeError(other, 0.5 + reference), 1e-6, "loss \(other)")
    }

    func testLogSoftmaxOfHugeEqualValuesIsMinusLogOfTheirCount() {
        let values = Tensor([[1e30, 1e30, 1e30], [-1e30, -1e30, -1e30]]).logSoftmax().scalars
        for value in values {
            XCTAssertLessThan(relativeError(value, -Foundation.log(3.0)), 1e-6, "\(values)")
        }
    }

    /// Layer norm without γ and β of one row `offset + N(0, 1)`: the largest error against the
    /// Double computation and the mean of the output.
    private func layerNormErrors(offset: Float, n: Int) -> (maxError: Double, outputMean: Double) {
        var g = RandomGenerator(seed: 20)
        let row = (0..<n).map { _ in offset + g.nextNormal() }
        let y = layerNorm(Tensor([row]), gamma: Tensor.ones([n]), beta: Tensor.zeros([n])).scalars
        let mean = row.reduce(0.0) { $0 + Double($1) } / Double(n)
        let variance = row.reduce(0.0) { $0 + (Double($1) - mean) * (Double($1) - mean) } / Double(n)
        let rstd = 1 / (variance + 1e-5).squareRoot()
        var maxError = 0.0
        for j in 0..<n { maxError = max(maxError, abs(Double(y[j]) - (Double(row[j]) - mean) * rstd)) }
        return (maxError, y.reduce(0.0) { $0 + Double($1) } / Double(n))
    }

    func testLayerNormOnALongRowWithALargeOffsetStaysWithinPyTorchsError() {
        let (maxError, outputMean) = layerNormErrors(offset: 1e6, n: 4096)
        // PyTorch 2: 0.011; a Float left-to-right mean gave 4.6 and an output mean of 0.9995.
        XCTAssertLessThan(maxError, 1e-5)
        XCTAssertLessThan(abs(outputMean), 1e-6)
    }

    func testLayerNormOnALongRowWithAnOffsetOfAThousandIsAccurate() {
        let (maxError, outputMean) = layerNormErrors(offset: 1e3, n: 4096)
        // PyTorch 2: 5.3e-5; a Float left-to-right mean gave 1.8e-3.
        XCTAssertLessThan(maxError, 1e-5)
        XCTAssertLessThan(abs(outputMean), 1e-6)
    }

    /// Rows long enough to be cut over threads give the bits of one thread, near a large offset too.
    func testLayerNormOfOffsetRowsGivesTheSameBitsOnOneOrTwoThreads() {
        func bits(threads: Int) -> [UInt32] {
            EngineThreads.set(threads)
            defer { EngineThreads.set(2) }
            var g = RandomGenerator(seed: 21)
            let n = 4096
            let x = Tensor(shape: [9, n], scalars: (0..<9 * n).map { 1e6 + Float($0 % 7) + g.nextNormal() })
            let gamma = Tensor.randn([n], using: &g), beta = Tensor.randn([n], using: &g)
            return layerNorm(x, gamma: gamma, beta: beta).scalars.map(\.bitPattern)
        }
        XCTAssertEqual(bits(threads: 1), bits(threads: 2))
    }
}
