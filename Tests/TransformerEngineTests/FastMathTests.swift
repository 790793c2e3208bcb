// The engine's own exp and tanh against libm.

import Foundation
import XCTest
@testable import TransformerEngine
import TransformerEngineKernelsAVX2
import TransformerEngineKernelsAVX512
import TransformerEngineKernelsShared

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
        try XCTSkipUnless(KernelBuild.avx2IsAvailable, "this CPU has no AVX2")
        var g = RandomGenerator(seed: 3)
        var x = (0..<301).map { _ in g.nextUniform() * 16 - 8 }
        x += [0, -0, 1e-30, -1e-30, 10, -10, 50, -50, 88.5, -88.5, 200, -200, .infinity, -.infinity]
        let upstream = (0..<x.count).map { _ in g.nextUniform() * 2 - 1 }
        let count = x.count
        var fast = [Float](repeating: 0, count: count), baseline = [Float](repeating: 0, count: count)
        func bits(_ values: [Float]) -> [UInt32] { values.map(\.bitPattern) }

        var fastTanh = [Float](repeating: 0, count: count), baselineTanh = fastTanh
        avx2GELU(x, into: &fast, keepingTanh: &fastTanh, count: count)
        gelu(x, into: &baseline, keepingTanh: &baselineTanh, count: count)
        XCTAssertEqual(bits(fast + fastTanh), bits(baseline + baselineTanh))

        avx2GELUBackward(upstream, x, tanh: fastTanh, into: &fast, count: count)
        geluBackward(upstream, x, tanh: baselineTanh, into: &baseline, count: count)
        XCTAssertEqual(bits(fast), bits(baseline))

        // Rows of 13 (a partial block of lanes), one of them fully masked.
        var scores = Array(x.prefix(13 * 23))
        for j in 13..<26 { scores[j] = -.infinity }
        let rows = scores.count / 13
        avx2SoftmaxRows(scores, into: &fast, rows: rows, n: 13, rowStride: 13)
        baseline.withUnsafeMutableBufferPointer { out in
            scores.withUnsafeBufferPointer { softmaxRows($0.baseAddress!, into: out.baseAddress!, rows: rows, n: 13,
                rowStride: 13) }
        }
        XCTAssertEqual(bits(Array(fast.prefix(scores.count))), bits(Array(baseline.prefix(scores.count))))
        XCTAssertEqual(Array(fast[13..<26]), [Float](repeating: 0, count: 13))

        let weights = Array(fast.prefix(scores.count))
        avx2SoftmaxBackwardRows(upstream, weights, into: &fast, rows: rows, n: 13, rowStride: 13)
        baseline.withUnsafeMutableBufferPointer { out in
            upstream.withUnsafeBufferPointer { gr in
                weights.withUnsafeBufferPointer { y in
                    softmaxBackwardRows(gr.baseAddress!, y.baseAddress!, into: out.baseAddress!, rows: rows, n: 13,
                        rowStride: 13)
                }
            }
        }
        XCTAssertEqual(bits(Array(fast.prefix(scores.count))), bits(Array(baseline.prefix(scores.count))))
        #endif
    }

    /// The AVX-512 build of GELU (sixteen lanes) gives the baseline build's bits, on every length
    /// from 0 to 40 (whole vectors, a partial one, both) and on values where eˣ and tanh saturate.
    func testAVX512GELUMatchesTheBaselineBuild() throws {
        #if arch(x86_64)
        try XCTSkipUnless(KernelBuild.avx512IsAvailable, "this CPU has no AVX-512")
        var g = RandomGenerator(seed: 5)
        var x = (0..<1000).map { _ in g.nextUniform() * 20 - 10 }
        x += [0, -0, 1e-30, -1e-30, 10, -10, 50, -50, 88.5, -88.5, 200, -200, .infinity, -.infinity, .nan]
        func bits(_ values: [Float]) -> [UInt32] { values.map(\.bitPattern) }
        typealias Kernel = (UnsafePointer<Float>, UnsafeMutablePointer<Float>, UnsafeMutablePointer<Float>?,
            Int) -> Void
        func run(_ kernel: Kernel, _ input: ArraySlice<Float>) -> [UInt32] {
            var out = [Float](repeating: 7, count: input.count), tanh = out
            Array(input).withUnsafeBufferPointer { x in
                out.withUnsafeMutableBufferPointer { o in
                    tanh.withUnsafeMutableBufferPointer { t in
                        if let base = x.baseAddress { kernel(base, o.baseAddress!, t.baseAddress!, input.count) }
                    }
                }
            }
            return bits(out + tanh)
        }
        for count in 0...40 {
            let input = x[(x.count - count)...]
            XCTAssertEqual(
                run({ avx512GELU($0, into: $1, keepingTanh: $2, count: $3) }, input),
                run({ gelu($0, into: $1, keepingTanh: $2, count: $3) }, input), "length \(count)")
        }
        XCTAssertEqual(
            run({ avx512GELU($0, into: $1, keepingTanh: $2, count: $3) }, x[...]),
            run({ gelu($0, into: $1, keepingTanh: $2, count: $3) }, x[...]))
        #endif
    }

    /// The AVX2 build of layer norm (forward, dx, γ/β gradients) and of Adam gives the baseline's bits.
    func testAVX2LayerNormAndAdamMatchTheBaselineBuild() throws {
        #if arch(x86_64)
        try XCTSkipUnless(KernelBuild.avx2IsAvailable, "this CPU has no AVX2")
        var g = RandomGenerator(seed: 9)
        let rows = 7, n = 21
        let x = (0..<rows * n).map { _ in g.nextNormal() * 3 }
        let dy = (0..<rows * n).map { _ in g.nextNormal() }
        let gamma = (0..<n).map { _ in g.nextNormal() }, beta = (0..<n).map { _ in g.nextNormal() }
        func bits(_ values: [Float]) -> [UInt32] { values.map(\.bitPattern) }

        var fast = (xhat: [Float](repeating: 0, count: rows * n), rstd: [Float](repeating: 0, count: rows),
                    y: [Float](repeating: 0, count: rows * n), dx: [Float](repeating: 0, count: rows * n),
                    dGamma: [Float](repeating: 0, count: n), dBeta: [Float](repeating: 0, count: n))
        var base = fast
        avx2LayerNormRows(
            x, gamma: gamma, beta: beta, first: 0, count: rows, n: n, epsilon: 1e-5,
            normalized: &fast.xhat, inverseStd: &fast.rstd, output: &fast.y)
        layerNormRows(
            x, gamma: gamma, beta: beta, rows: 0..<rows, n: n, epsilon: 1e-5,
            normalized: &base.xhat, inverseStd: &base.rstd, output: &base.y)
        XCTAssertEqual(bits(fast.xhat + fast.rstd + fast.y), bits(base.xhat + base.rstd + base.y))

        avx2LayerNormBackwardRows(dy, normalized: fast.xhat, gamma: gamma, inverseStd: fast.rstd, first: 0,
            count: rows, n: n, dx: &fast.dx)
        layerNormBackwardRows(dy, normalized: base.xhat, gamma: gamma, inverseStd: base.rstd, rows: 0..<rows, n: n,
            dx: &base.dx)
        avx2LayerNormParameterGradients(
            dy, normalized: fast.xhat, rows: rows, n: n, rowStride: n, dGamma: &fast.dGamma, dBeta: &fast.dBeta)
        layerNormParameterGradients(
            dy, normalized: base.xhat, rows: rows, n: n, rowStride: n, dGamma: &base.dGamma, dBeta: &base.dBeta)
        XCTAssertEqual(bits(fast.dx + fast.dGamma + fast.dBeta), bits(base.dx + base.dGamma + base.dBeta))

        for decoupled in [false, true] {
            let step = AdamStep(
                learningRate: 1e-2, beta1: 0.9, beta2: 0.999, epsilon: 1e-8, weightDecay: 0.1,
                decoupledWeightDecay: decoupled, stepSize: 0.1, correction2Root: 0.0447)
            var p1 = x, m1 = dy, v1 = dy.map { $0 * $0 }
            var p2 = p1, m2 = m1, v2 = v1
            avx2AdamUpdate(step, parameters: &p1, gradients: dy, m: &m1, v: &v1, count: x.count)
            adamUpdate(step, parameters: &p2, gradients: dy, m: &m2, v: &v2, count: x.count)
            XCTAssertEqual(bits(p1 + m1 + v1), bits(p2 + m2 + v2), "decoupled \(decoupled)")
        }
        #endif
    }
}
