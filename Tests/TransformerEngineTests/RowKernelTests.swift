// The row kernels (softmax, its backward, cross-entropy, layer norm) against plain loops over one row at a time.

import XCTest
@testable import TransformerEngine
import TransformerEngineKernelsAVX2

/// The kernels sum eight rows side by side; every row must still get the bits of the plain loop
/// below, which sums that row alone in index order. Row counts cover whole blocks of eight, a
/// partial last block and fewer than eight rows; widths cover partial blocks of lanes; the
/// largest shape is split over threads (with layer norm's parameter columns in the same region).
final class RowKernelTests: XCTestCase {
    private let shapes = [
        (rows: 1, n: 5), (rows: 5, n: 13), (rows: 8, n: 8), (rows: 9, n: 32), (rows: 19, n: 96), (rows: 16, n: 1),
        (rows: 70, n: 61),  // enough work to be split over threads
    ]

    private func bits(_ values: [Float]) -> [UInt32] { values.map(\.bitPattern) }

    private func random(_ count: Int, _ g: inout RandomGenerator, scale: Float = 3) -> [Float] {
        (0..<count).map { _ in g.nextNormal() * scale }
    }

    // MARK: - References

    private func referenceSoftmax(_ x: [Float], rows: Int, n: Int) -> [Float] {
        var out = x
        for r in 0..<rows {
            let row = Array(x[r * n..<(r + 1) * n])
            var peak = -Float.infinity
            for value in row where value > peak { peak = value }
            if peak == -.infinity {
                for j in 0..<n { out[r * n + j] = 0 }
                continue
            }
            let e = row.map { fastExp($0 - peak) }
            var total: Float = 0
            for value in e { total += value }
            let inverse = 1 / total
            for j in 0..<n { out[r * n + j] = e[j] * inverse }
        }
        return out
    }

    private func referenceSoftmaxBackward(_ g: [Float], _ y: [Float], rows: Int, n: Int) -> [Float] {
        var out = g
        for r in 0..<rows {
            var dot: Float = 0
            for j in 0..<n { dot += g[r * n + j] * y[r * n + j] }
            for j in 0..<n { out[r * n + j] = y[r * n + j] * (g[r * n + j] - dot) }
        }
        return out
    }

    // MARK: - Tests

    /// Softmax over the first n floats of rows `rowStride` apart gives the bits of softmax over
    /// whole rows whose tail is −∞, zeros in the tail; its backward likewise (y is 0 there).
    func testSoftmaxOverAnOpenPrefixMatchesWholeRowsWithBlockedTails() {
        var g = RandomGenerator(seed: 23)
        for (rows, n, stride) in [(9, 8, 32), (16, 13, 24), (3, 0, 8), (17, 24, 24)] {
            var whole = random(rows * stride, &g)
            for r in 0..<rows { for j in n..<stride { whole[r * stride + j] = -.infinity } }
            let expected = referenceSoftmax(whole, rows: rows, n: stride)
            var out = [Float](repeating: .nan, count: rows * stride)
            softmaxRows(whole, into: &out, rows: rows, n: n, rowStride: stride)
            XCTAssertEqual(bits(out), bits(expected), "softmax prefix \(n) of \(stride)")
            let upstream = random(rows * stride, &g, scale: 1)
            var dx = [Float](repeating: .nan, count: rows * stride)
            softmaxBackwardRows(upstream, expected, into: &dx, rows: rows, n: n, rowStride: stride)
            let reference = referenceSoftmaxBackward(upstream, expected, rows: rows, n: stride)
            // The whole rows' tail is y·(g − Σ) with y = 0, a zero whose sign follows g − Σ.
            XCTAssertEqual(bits(dx), bits(reference.map { $0 == 0 ? 0 : $0 }), "backward prefix \(n) of \(stride)")
        }
    }

    func testSoftmaxAndItsBackwardMatchOneRowAtATime() throws {
        var g = RandomGenerator(seed: 21)
        for (rows, n) in shapes {
            var x = random(rows * n, &g)
            if rows > 2 { for j in 0..<n { x[2 * n + j] = -.infinity } }  // a fully masked row
            if n > 3 { x[3] = -.infinity }  // one masked score
            let upstream = random(rows * n, &g, scale: 1)
            let expected = referenceSoftmax(x, rows: rows, n: n)
            var out = [Float](repeating: .nan, count: rows * n)
            softmaxRows(x, into: &out, rows: rows, n: n, rowStride: n)
            XCTAssertEqual(bits(out), bits(expected), "softmax \(rows)×\(n)")
            let expectedBackward = referenceSoftmaxBackward(upstream, expected, rows: rows, n: n)
            var dx = [Float](repeating: .nan, count: rows * n)
            softmaxBackwardRows(upstream, expected, into: &dx, rows: rows, n: n, rowStride: n)
            XCTAssertEqual(bits(dx), bits(expectedBackward), "softmax backward \(rows)×\(n)")
            #if arch(x86_64)
            if KernelBuild.avx2IsAvailable {
                avx2SoftmaxRows(x, into: &out, rows: rows, n: n, rowStride: n)
                XCTAssertEqual(bits(out), bits(expected), "AVX2 softmax \(rows)×\(n)")
                avx2SoftmaxBackwardRows(upstream, expected, into: &dx, rows: rows, n: n, rowStride: n)
                XCTAssertEqual(bits(dx), bits(expectedBackward), "AVX2 softmax backward \(rows)×\(n)")
            }
            #endif
        }
    }

    func testCrossEntropyRowsMatchOneRowAtATime() {
        var g = RandomGenerator(seed: 22)
        for (rows, n) in shapes {
            let x = random(rows * n, &g)
            var expected = x, expectedPeaks: [Float] = [], expectedSums: [Float] = []
            for r in 0..<rows {
                let row = Array(x[r * n..<(r + 1) * n])
                var peak = -Float.infinity
                for value in row where value > peak { peak = value }
                let e = row.map { fastExp($0 - peak) }
                var sum: Float = 0
                for value in e { sum += value }
                for j in 0..<n { expected[r * n + j] = e[j] / sum }
                expectedPeaks.append(peak)
                expectedSums.append(sum)
            }
            var out = [Float](repeating: .nan, count: rows * n)
            var peaks = [Float](repeating: .nan, count: rows), sums = [Float](repeating: .nan, count: rows)
            Elementwise.crossEntropyRows(x, into: &out, rows: rows, n: n, peaks: &peaks, sums: &sums)
            XCTAssertEqual(bits(out + peaks + sums), bits(expected + expectedPeaks + expectedSums), "\(rows)×\(n)")
        }
    }

    func testLayerNormRowsMatchOneRowAtATime() {
        var g = RandomGenerator(seed: 23)
        let epsilon: Float = 1e-5
        for (rows, n) in shapes {
            let x = random(rows * n, &g), dy = random(rows * n, &g, scale: 1)
            let gamma = random(n, &g, scale: 1), beta = random(n, &g, scale: 1)
            var xhat = x, rstd = [Float](repeating: 0, count: rows), y = x, dx = x
            var dGamma = [Float](repeating: 0, count: n), dBeta = dGamma
            for r in 0..<rows {
                let row = Array(x[r * n..<(r + 1) * n])
                var sum: Double = 0
                for value in row { sum += Double(value) }
                let mean = sum / Double(n)
                let high = Float(mean), low = Float(mean - Double(high))
                var squares: Double = 0
                for value in row { squares += Double((value - high) - low) * Double((value - high) - low) }
                rstd[r] = 1 / (Float(squares / Double(n)) + epsilon).squareRoot()
                for j in 0..<n {
                    xhat[r * n + j] = ((row[j] - high) - low) * rstd[r]
                    y[r * n + j] = xhat[r * n + j] * gamma[j] + beta[j]
                }
                var meanD: Float = 0, meanDX: Float = 0
                for j in 0..<n {
                    meanD += dy[r * n + j] * gamma[j]
                    meanDX += dy[r * n + j] * gamma[j] * xhat[r * n + j]
                }
                meanD /= Float(n)
                meanDX /= Float(n)
                for j in 0..<n {
                    let d = dy[r * n + j] * gamma[j]
                    dx[r * n + j] = rstd[r] * (d - meanD - xhat[r * n + j] * meanDX)
                    dGamma[j] += dy[r * n + j] * xhat[r * n + j]
                    dBeta[j] += dy[r * n + j]
                }
            }
            var outXhat = [Float](repeating: .nan, count: rows * n), outRstd = [Float](repeating: .nan, count: rows)
            var outY = outXhat, outDx = outXhat
            Elementwise.layerNorm(
                x, gamma: gamma, beta: beta, rows: rows, n: n, epsilon: epsilon, normalized: &outXhat,
                inverseStd: &outRstd, output: &outY)
            XCTAssertEqual(bits(outXhat + outRstd + outY), bits(xhat + rstd + y), "forward \(rows)×\(n)")
            var outGamma = [Float](repeating: 0, count: n), outBeta = outGamma
            Elementwise.layerNormBackward(
                dy, normalized: outXhat, gamma: gamma, inverseStd: outRstd, rows: rows, n: n, dx: &outDx,
                dGamma: &outGamma, dBeta: &outBeta)
            XCTAssertEqual(bits(outDx + outGamma + outBeta), bits(dx + dGamma + dBeta), "backward \(rows)×\(n)")
        }
    }
}
