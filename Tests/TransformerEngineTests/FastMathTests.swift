// The engine's own exp and tanh against libm.

import Foundation
import XCTest
@testable import TransformerEngine
import TransformerEngineKernelsAVX2

final class FastMathTests: XCTestCase {
    /// The engine's own eˣ against libm over the range softmax uses, and exact zero for −∞.
    func testFastExpIsWithinFourUlpOfLibm() {
        var worst: Float = 0
        var x: Float = -87
        while x < 88 {
            let exact = Foundation.exp(Double(x))
            let error = abs(Double(fastExp(x)) - exact) / exact
            worst = max(worst, Float(error))
            x += 0.0137
        }
        XCTAssertLessThan(worst, 4 * Float.ulpOfOne, "worst relative error \(worst)")
        XCTAssertEqual(fastExp(-.infinity), 0)
        XCTAssertEqual(fastExp(0), 1)
    }

    func testFastTanhIsCloseToLibm() {
        for x in stride(from: Float(-9), through: 9, by: 0.01) {
            XCTAssertEqual(fastTanh(x), Foundation.tanh(x), accuracy: 2e-7, "x = \(x)")
        }
    }

    /// The AVX2 build of GELU and softmax (TransformerEngineKernelsAVX2) gives the baseline build's bits.
    func testAVX2ElementwiseKernelsMatchTheBaselineBuild() throws {
        #if arch(x86_64)
        try XCTSkipUnless(GemmKernel.avx2IsAvailable, "this CPU has no AVX2")
        var g = RandomGenerator(seed: 3)
        var x = (0..<301).map { _ in g.nextUniform() * 16 - 8 }
        x += [0, -0, 1e-30, -1e-30, 10, -10, 50, -50, 88.5, -88.5, 200, -200, .infinity, -.infinity]
        let upstream = (0..<x.count).map { _ in g.nextUniform() * 2 - 1 }
        let count = x.count
        var fast = [Float](repeating: 0, count: count), baseline = [Float](repeating: 0, count: count)
        func bits(_ values: [Float]) -> [UInt32] { values.map(\.bitPattern) }

        avx2GELU(x, into: &fast, count: count)
        baseline.withUnsafeMutableBufferPointer { mapLanes(x, into: $0.baseAddress!, count: count) { GELU.value($0) } }
        XCTAssertEqual(bits(fast), bits(baseline))

        avx2GELUBackward(upstream, x, into: &fast, count: count)
        baseline.withUnsafeMutableBufferPointer {
            zipLanes(upstream, x, into: $0.baseAddress!, count: count) { $0 * GELU.derivative($1) }
        }
        XCTAssertEqual(bits(fast), bits(baseline))

        // Rows of 13 (a partial block of lanes), one of them fully masked.
        var scores = Array(x.prefix(13 * 23))
        for j in 13..<26 { scores[j] = -.infinity }
        let rows = scores.count / 13
        avx2SoftmaxRows(scores, into: &fast, rows: rows, n: 13)
        baseline.withUnsafeMutableBufferPointer { out in
            for r in 0..<rows { scores.withUnsafeBufferPointer { softmaxRow($0.baseAddress! + r * 13, into: out.baseAddress! + r * 13, count: 13) } }
        }
        XCTAssertEqual(bits(Array(fast.prefix(scores.count))), bits(Array(baseline.prefix(scores.count))))
        XCTAssertEqual(Array(fast[13..<26]), [Float](repeating: 0, count: 13))

        let weights = Array(fast.prefix(scores.count))
        avx2SoftmaxBackwardRows(upstream, weights, into: &fast, rows: rows, n: 13)
        baseline.withUnsafeMutableBufferPointer { out in
            for r in 0..<rows {
                upstream.withUnsafeBufferPointer { gr in
                    weights.withUnsafeBufferPointer { y in
                        softmaxBackwardRow(gr.baseAddress! + r * 13, y.baseAddress! + r * 13, into: out.baseAddress! + r * 13, count: 13)
                    }
                }
            }
        }
        XCTAssertEqual(bits(Array(fast.prefix(scores.count))), bits(Array(baseline.prefix(scores.count))))
        #endif
    }
}
