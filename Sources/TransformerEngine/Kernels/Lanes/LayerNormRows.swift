// Layer norm's forward, dx and γ/β gradients over rows, means and variances summed in Double.
//
// Compiled into TransformerEngine and, through symbolic links, into TransformerEngineKernelsAVX2
// and TransformerEngineKernelsAVX512 (see LaneLoops.swift).

// MARK: - Layer norm rows

/// Normalises rows `rows` of x ([rows × n]): x̂ = (x − mean)·rstd and y = x̂·γ + β, keeping x̂ and
/// rstd for backward.
///
/// The mean is a Double sum in index order over n, kept as two Floats, mean = high + low, and
/// x − mean is computed as (x − high) − low: near a large offset x − high is exact, so the centred
/// values keep the Float digits of x that lie below the offset's. The variance is the Double sum
/// of their squares over n (two passes, as PyTorch), rstd = 1/√(variance + ε) in Float. Each row
/// alone decides its bits, so threads and kernel builds do not change them. A Float sum of 4,096
/// values near 10⁶ is off by units, which the normalised row would show; a Double sum of Floats
/// is exact to about 2⁻²⁹ of its size for any n a row has.
@inline(__always)
func layerNormRows(
    _ x: UnsafePointer<Float>, gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>, rows: Range<Int>, n: Int,
    epsilon: Float, normalized: UnsafeMutablePointer<Float>, inverseStd: UnsafeMutablePointer<Float>,
    output: UnsafeMutablePointer<Float>
) {
    let width = SIMD8<Double>(repeating: Double(n))
    var first = rows.lowerBound
    while first < rows.upperBound {
        let live = Swift.min(8, rows.upperBound - first)
        let block = x + first * n
        let means = rowSums(live: live, count: n) { i, j in Double(block[i &* n &+ j]) } / width
        let highs = SIMD8<Float>(means)
        let lows = SIMD8<Float>(means - SIMD8<Double>(highs))
        let variances = rowSums(live: live, count: n) { i, j in
            let d = Double((block[i &* n &+ j] - highs[i]) - lows[i])
            return d * d
        } / width
        let rstds = 1 / (SIMD8<Float>(variances) + epsilon).squareRoot()
        for i in 0..<live {
            let r = first + i
            inverseStd[r] = rstds[i]
            let high = Lanes(repeating: highs[i]), low = Lanes(repeating: lows[i]), scale = Lanes(repeating: rstds[i])
            let xhat = normalized + r * n
            mapLanes(x + r * n, into: xhat, count: n) { (($0 - high) - low) * scale }
            zipLanes(xhat, gamma, into: output + r * n, count: n) { $0 * $1 }
            zipLanes(output + r * n, beta, into: output + r * n, count: n) { $0 + $1 }
        }
        first += 8
    }
}

/// dx for rows `rows`: rstd · (dx̂ − mean(dx̂) − x̂ · mean(dx̂ ⊙ x̂)) with dx̂ = dy ⊙ γ, the two
/// means summed in index order.
@inline(__always)
func layerNormBackwardRows(
    _ dy: UnsafePointer<Float>, normalized: UnsafePointer<Float>, gamma: UnsafePointer<Float>,
    inverseStd: UnsafePointer<Float>, rows: Range<Int>, n: Int, dx: UnsafeMutablePointer<Float>
) {
    let width = Lanes(repeating: Float(n))
    var first = rows.lowerBound
    while first < rows.upperBound {
        let live = Swift.min(8, rows.upperBound - first)
        let dyBlock = dy + first * n, xhatBlock = normalized + first * n
        let meanD = rowSums(live: live, count: n) { i, j in dyBlock[i &* n &+ j] * gamma[j] } / width
        let meanDX = rowSums(live: live, count: n) { i, j in
            dyBlock[i &* n &+ j] * gamma[j] * xhatBlock[i &* n &+ j]
        } / width
        for i in 0..<live {
            let r = first + i
            let dyRow = dy + r * n, xhat = normalized + r * n, out = dx + r * n
            let rstd = Lanes(repeating: inverseStd[r])
            let centre = Lanes(repeating: meanD[i]), slope = Lanes(repeating: meanDX[i])
            zipLanes(dyRow, gamma, into: out, count: n) { $0 * $1 }
            zipLanes(out, xhat, into: out, count: n) { d, xhat in rstd * (d - centre - xhat * slope) }
        }
        first += 8
    }
}

/// γ and β gradients for `n` columns whose rows are `rowStride` apart: dγ += Σ_rows dy ⊙ x̂ and
/// dβ += Σ_rows dy, one running sum per column, rows in order. (A block of the columns is the
/// same call on offset pointers.)
@inline(__always)
func layerNormParameterGradients(
    _ dy: UnsafePointer<Float>, normalized: UnsafePointer<Float>, rows: Int, n: Int, rowStride: Int,
    dGamma: UnsafeMutablePointer<Float>, dBeta: UnsafeMutablePointer<Float>
) {
    let whole = n / 8 * 8
    for r in 0..<rows {
        let dyRow = dy + r * rowStride, xhat = normalized + r * rowStride
        var j = 0
        while j < whole {
            let d = UnsafeRawPointer(dyRow + j).loadUnaligned(as: Lanes.self)
            let x = UnsafeRawPointer(xhat + j).loadUnaligned(as: Lanes.self)
            let gammaSum = UnsafeRawPointer(dGamma + j).loadUnaligned(as: Lanes.self) + d * x
            let betaSum = UnsafeRawPointer(dBeta + j).loadUnaligned(as: Lanes.self) + d
            UnsafeMutableRawPointer(dGamma + j).storeBytes(of: gammaSum, as: Lanes.self)
            UnsafeMutableRawPointer(dBeta + j).storeBytes(of: betaSum, as: Lanes.self)
            j += 8
        }
        if whole < n {
            let rest = n - whole
            let d = loadLanes(dyRow + whole, count: rest)
            storeLanes(loadLanes(dGamma + whole, count: rest) + d * loadLanes(xhat + whole, count: rest),
                to: dGamma + whole, count: rest)
            storeLanes(loadLanes(dBeta + whole, count: rest) + d, to: dBeta + whole, count: rest)
        }
    }
}
