// eˣ, tanh, GELU and softmax rows in plain Float arithmetic on eight lanes at once: the same bits everywhere.
//
// This one file is compiled three times: into TransformerEngine for baseline x86-64 (or any CPU),
// and, through symbolic links, into TransformerEngineKernelsAVX2 with `-target-cpu haswell`, where
// Lanes is one AVX register, and into TransformerEngineKernelsAVX512 with `-target-cpu
// skylake-avx512`, where the streaming loops of GELU and the exponentials take sixteen lanes
// (`WideLanes`, defined per module). The copies are internal to their modules; the engine calls
// a module's public entry points only on CPUs that have its features, and gets the same bits.

import TransformerEngineKernelsShared

// MARK: - Lanes

/// Eight floats processed together: one AVX register, two SSE or NEON registers.
///
/// Each lane runs exactly the scalar arithmetic (multiply and add stay separate, Swift never
/// fuses them), so a value computed in lane 3 has the same bits as one computed alone.
typealias Lanes = SIMD8<Float>

// MARK: - Exponential

/// eˣ to within about 2 ulp, from integer and Float arithmetic only (no libm), so softmax and
/// GELU give the same bits on Linux and macOS. O(1) per lane.
///
/// eˣ = 2ⁿ · eʳ with n = round(x / ln 2), r = x − n ln 2 (ln 2 split in two for exactness),
/// eʳ by its degree-6 Taylor polynomial on |r| ≤ ½ ln 2. Below −87.3 the result is exactly 0,
/// so masked scores (−∞) give exactly zero weight. NaN stays NaN.
@_transparent
func fastExp(_ x: WideLanes) -> WideLanes {
    let low = WideLanes(repeating: -87.3), high = WideLanes(repeating: 88.3)
    // max(x, low) then min(·, high), written so a NaN passes through as in the scalar form.
    var clamped = x.replacing(with: low, where: low .>= x)
    clamped.replace(with: high, where: high .< clamped)
    // Adding 1.5·2²³ rounds to the nearest integer, which lands in the low mantissa bits.
    let magic = WideLanes(repeating: 12_582_912)
    let shifted = clamped * 1.442_695_04 + magic
    let n = shifted - magic
    let r = (clamped - n * 0.693_145_75) - n * 1.428_606_8e-6
    var p = WideLanes(repeating: 1.0 / 720)
    p = p * r + 1.0 / 120
    p = p * r + 1.0 / 24
    p = p * r + 1.0 / 6
    p = p * r + 0.5
    p = p * r + 1
    p = p * r + 1
    let magicBits = WideBits(repeating: Float(12_582_912).bitPattern)
    let exponent = (unsafeBitCast(shifted, to: WideBits.self) &- magicBits) &+ 127
    let scale = unsafeBitCast(exponent &<< 23, to: WideLanes.self)
    return (p * scale).replacing(with: 0, where: x .< low)
}

/// eˣ for one value: lane 0 of the vector form.
@inline(__always)
func fastExp(_ x: Float) -> Float {
    fastExp(WideLanes(repeating: x))[0]
}

/// tanh(x) = 1 − 2 / (e²ˣ + 1): absolute error below 1e-7, what GELU needs. O(1) per lane.
@_transparent
func fastTanh(_ x: WideLanes) -> WideLanes {
    1 - 2 / (fastExp(2 * x) + 1)
}

/// tanh for one value.
@inline(__always)
func fastTanh(_ x: Float) -> Float {
    fastTanh(WideLanes(repeating: x))[0]
}

// MARK: - GELU

/// The tanh approximation of GELU and its derivative, shared by forward and backward.
///
/// Both need t = tanh(√(2/π)(x + 0.044715x³)), most of their cost; forward keeps t so that
/// backward does not compute it again (the same t, so the same bits either way).
enum GELU {
    static let c: Float = 0.797_884_56  // √(2/π)
    static let a: Float = 0.044_715

    /// t = tanh(c(x + a x³)), with c(x + a x³) evaluated left to right as c·(x + ((a·x)·x)·x).
    @inline(__always)
    static func tanhOfInner(_ x: WideLanes) -> WideLanes {
        let cube: WideLanes = a * x * x * x
        return fastTanh(c * (x + cube))
    }

    /// ½x(1 + t).
    @inline(__always)
    static func value(_ x: WideLanes, tanh t: WideLanes) -> WideLanes {
        let half: WideLanes = 0.5 * x
        return half * (1 + t)
    }

    /// d GELU / dx = ½(1 + t) + ½x(1 − t²)·c·(1 + 3a x²).
    @inline(__always)
    static func derivative(_ x: WideLanes, tanh t: WideLanes) -> WideLanes {
        let slope: WideLanes = 1 - t * t
        let cubic: WideLanes = 1 + (3 * a) * x * x
        let right: WideLanes = 0.5 * x * slope * c * cubic
        let left: WideLanes = 0.5 * (1 + t)
        return left + right
    }
}

/// out[i] = GELU(x[i]), and t[i] = its tanh term for backward when `t` is given. `out` may be `x`.
/// O(count).
@inline(__always)
func gelu(
    _ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, keepingTanh t: UnsafeMutablePointer<Float>?,
    count: Int
) {
    let width = WideLanes.scalarCount, whole = count / width * width
    var i = 0
    while i < whole {
        let v = UnsafeRawPointer(x + i).loadUnaligned(as: WideLanes.self)
        let th = GELU.tanhOfInner(v)
        UnsafeMutableRawPointer(out + i).storeBytes(of: GELU.value(v, tanh: th), as: WideLanes.self)
        if let t { UnsafeMutableRawPointer(t + i).storeBytes(of: th, as: WideLanes.self) }
        i += width
    }
    if whole < count {
        let rest = count - whole
        let v = loadWideLanes(x + whole, count: rest)
        let th = GELU.tanhOfInner(v)
        storeWideLanes(GELU.value(v, tanh: th), to: out + whole, count: rest)
        if let t { storeWideLanes(th, to: t + whole, count: rest) }
    }
}

/// out[i] = g[i] · GELU′(x[i]) from the tanh terms `t` kept by forward. `out` may be `g`. O(count).
@inline(__always)
func geluBackward(
    _ g: UnsafePointer<Float>, _ x: UnsafePointer<Float>, tanh t: UnsafePointer<Float>,
    into out: UnsafeMutablePointer<Float>, count: Int
) {
    let width = WideLanes.scalarCount, whole = count / width * width
    var i = 0
    while i < whole {
        let d = GELU.derivative(
            UnsafeRawPointer(x + i).loadUnaligned(as: WideLanes.self),
            tanh: UnsafeRawPointer(t + i).loadUnaligned(as: WideLanes.self))
        let value = UnsafeRawPointer(g + i).loadUnaligned(as: WideLanes.self) * d
        UnsafeMutableRawPointer(out + i).storeBytes(of: value, as: WideLanes.self)
        i += width
    }
    if whole < count {
        let rest = count - whole
        let d = GELU.derivative(loadWideLanes(x + whole, count: rest), tanh: loadWideLanes(t + whole, count: rest))
        storeWideLanes(loadWideLanes(g + whole, count: rest) * d, to: out + whole, count: rest)
    }
}

// MARK: - Loops over lanes

/// The first `count` (≤ 8) floats at `p` in lanes, zeros after them.
@inline(__always)
func loadLanes(_ p: UnsafePointer<Float>, count: Int) -> Lanes {
    if count >= 8 { return UnsafeRawPointer(p).loadUnaligned(as: Lanes.self) }
    var lanes = Lanes()
    for i in 0..<count { lanes[i] = p[i] }
    return lanes
}

/// Writes the first `count` (≤ 8) lanes of `lanes` to `p`.
@inline(__always)
func storeLanes(_ lanes: Lanes, to p: UnsafeMutablePointer<Float>, count: Int) {
    if count >= 8 {
        UnsafeMutableRawPointer(p).storeBytes(of: lanes, as: Lanes.self)
        return
    }
    for i in 0..<count { p[i] = lanes[i] }
}

/// The first `count` (≤ WideLanes.scalarCount) floats at `p` in wide lanes, zeros after them.
@inline(__always)
func loadWideLanes(_ p: UnsafePointer<Float>, count: Int) -> WideLanes {
    if count >= WideLanes.scalarCount { return UnsafeRawPointer(p).loadUnaligned(as: WideLanes.self) }
    var lanes = WideLanes()
    for i in 0..<count { lanes[i] = p[i] }
    return lanes
}

/// Writes the first `count` (≤ WideLanes.scalarCount) wide lanes of `lanes` to `p`.
@inline(__always)
func storeWideLanes(_ lanes: WideLanes, to p: UnsafeMutablePointer<Float>, count: Int) {
    if count >= WideLanes.scalarCount {
        UnsafeMutableRawPointer(p).storeBytes(of: lanes, as: WideLanes.self)
        return
    }
    for i in 0..<count { p[i] = lanes[i] }
}

/// out[i] = f(x[i]) for i in 0..<count, eight at a time. `out` may be `x`. O(count).
///
/// Whole blocks of eight are loaded and stored as vectors; the last partial block goes through
/// `loadLanes`/`storeLanes` in a separate call of `f`, so the main loop stays plain vector code.
@inline(__always)
func mapLanes(
    _ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int, _ f: (Lanes) -> Lanes
) {
    let whole = count / 8 * 8
    var i = 0
    while i < whole {
        let value = f(UnsafeRawPointer(x + i).loadUnaligned(as: Lanes.self))
        UnsafeMutableRawPointer(out + i).storeBytes(of: value, as: Lanes.self)
        i += 8
    }
    if whole < count {
        storeLanes(f(loadLanes(x + whole, count: count - whole)), to: out + whole, count: count - whole)
    }
}

/// out[i] = f(x[i], y[i]) for i in 0..<count, eight at a time. `out` may be `x` or `y`. O(count).
@inline(__always)
func zipLanes(
    _ x: UnsafePointer<Float>, _ y: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int,
    _ f: (Lanes, Lanes) -> Lanes
) {
    let whole = count / 8 * 8
    var i = 0
    while i < whole {
        let value = f(
            UnsafeRawPointer(x + i).loadUnaligned(as: Lanes.self), UnsafeRawPointer(y + i).loadUnaligned(as: Lanes.self))
        UnsafeMutableRawPointer(out + i).storeBytes(of: value, as: Lanes.self)
        i += 8
    }
    if whole < count {
        let rest = count - whole
        storeLanes(f(loadLanes(x + whole, count: rest), loadLanes(y + whole, count: rest)), to: out + whole, count: rest)
    }
}

/// sums[j] += x[r·rowStride + j] for r = 0, 1, …, rows − 1 in that order, for j in 0..<count
/// (count ≤ 32): column sums of a block of rows, e.g. a bias gradient. O(rows·count).
///
/// Each column is its own chain of additions in row order, the bits of adding one row at a time.
/// The up to four groups of eight columns run side by side: one chain alone waits on each
/// addition, four fill that wait.
@inline(__always)
func addColumns(
    _ x: UnsafePointer<Float>, rowStride: Int, rows: Int, into sums: UnsafeMutablePointer<Float>, count: Int
) {
    if count == 32 {
        var s0 = loadLanes(sums, count: 8), s1 = loadLanes(sums + 8, count: 8)
        var s2 = loadLanes(sums + 16, count: 8), s3 = loadLanes(sums + 24, count: 8)
        var row = x
        for _ in 0..<rows {
            s0 += loadLanes(row, count: 8)
            s1 += loadLanes(row + 8, count: 8)
            s2 += loadLanes(row + 16, count: 8)
            s3 += loadLanes(row + 24, count: 8)
            row += rowStride
        }
        storeLanes(s0, to: sums, count: 8)
        storeLanes(s1, to: sums + 8, count: 8)
        storeLanes(s2, to: sums + 16, count: 8)
        storeLanes(s3, to: sums + 24, count: 8)
        return
    }
    for first in stride(from: 0, to: count, by: 8) {
        let live = Swift.min(8, count - first)
        var lanes = loadLanes(sums + first, count: live)
        for r in 0..<rows { lanes += loadLanes(x + r * rowStride + first, count: live) }
        storeLanes(lanes, to: sums + first, count: live)
    }
}

/// out[i] = e^(x[i] − peak) for i in 0..<count, eight at a time. `out` may be `x`. O(count).
///
/// Written out rather than as `mapLanes` with a closure: the optimizer left that closure (the
/// whole exponential) as a call per eight lanes, with the lanes passed through memory.
@inline(__always)
func exponentials(_ x: UnsafePointer<Float>, minus peak: Float, into out: UnsafeMutablePointer<Float>, count: Int) {
    let shift = WideLanes(repeating: peak)
    let width = WideLanes.scalarCount, whole = count / width * width
    var i = 0
    while i < whole {
        let value = fastExp(UnsafeRawPointer(x + i).loadUnaligned(as: WideLanes.self) - shift)
        UnsafeMutableRawPointer(out + i).storeBytes(of: value, as: WideLanes.self)
        i += width
    }
    if whole < count {
        let rest = count - whole
        storeWideLanes(fastExp(loadWideLanes(x + whole, count: rest) - shift), to: out + whole, count: rest)
    }
}

/// The largest of `count` floats (−∞ for none); NaNs are skipped, as `x > peak` skips them.
@inline(__always)
func maximum(_ x: UnsafePointer<Float>, count: Int) -> Float {
    var peak = Lanes(repeating: -.infinity)
    var i = 0
    while i + 8 <= count {
        let v = UnsafeRawPointer(x + i).loadUnaligned(as: Lanes.self)
        peak.replace(with: v, where: v .> peak)
        i += 8
    }
    var result = peak.max()
    while i < count {
        if x[i] > result { result = x[i] }
        i += 1
    }
    return result
}

// MARK: - Rows in blocks of eight

/// Lane i holds Σ_j term(i, j) over j = 0..<n, added in index order in `Sum` (Float, or Double
/// for layer norm's mean and variance), for the rows i < `live` of a block (lanes from `live` on
/// are 0). O(live·n).
///
/// Each row's sum is the same chain of additions as a loop over that row alone, so the bits are
/// the same. A full block runs its eight chains side by side: a row's next addition waits for its
/// previous one, and eight rows at once fill that wait. Row sums of 32 to 96 values waiting on
/// each other had been most of the time of softmax, cross-entropy and layer norm at these sizes.
/// Callers index the block with wrapping arithmetic (`i &* n &+ j`, in bounds by construction):
/// with checked arithmetic on every term, layer norm's row kernels took a third longer.
@inline(__always)
func rowSums<Sum: BinaryFloatingPoint & SIMDScalar>(
    live: Int, count n: Int, _ term: (_ row: Int, _ j: Int) -> Sum
) -> SIMD8<Sum> {
    guard live == 8 else {
        var sums = SIMD8<Sum>()
        for i in 0..<live {
            var sum: Sum = 0
            for j in 0..<n { sum += term(i, j) }
            sums[i] = sum
        }
        return sums
    }
    var s0: Sum = 0, s1: Sum = 0, s2: Sum = 0, s3: Sum = 0
    var s4: Sum = 0, s5: Sum = 0, s6: Sum = 0, s7: Sum = 0
    for j in 0..<n {
        s0 += term(0, j)
        s1 += term(1, j)
        s2 += term(2, j)
        s3 += term(3, j)
        s4 += term(4, j)
        s5 += term(5, j)
        s6 += term(6, j)
        s7 += term(7, j)
    }
    return SIMD8<Sum>(s0, s1, s2, s3, s4, s5, s6, s7)
}

// MARK: - Softmax rows

/// Softmax of the first n floats of `rows` rows `rowStride` apart: per row the max, exponentials
/// eight at a time, their sum in index order, the scale; the row's floats from n to `rowStride`
/// become 0 (what softmax gives entries of −∞ there). A row that is all −∞ gives zeros. `out`
/// may be `x`. O(rows·rowStride).
@inline(__always)
func softmaxRows(
    _ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, rows: Int, n: Int, rowStride: Int
) {
    var first = 0
    while first < rows {
        let live = Swift.min(8, rows - first)
        let x = x + first * rowStride, out = out + first * rowStride
        var peaks = Lanes()
        for i in 0..<live {
            let peak = maximum(x + i * rowStride, count: n)
            peaks[i] = peak
            if peak == -.infinity {
                (out + i * rowStride).update(repeating: 0, count: n)
            } else {
                exponentials(x + i * rowStride, minus: peak, into: out + i * rowStride, count: n)
            }
            if rowStride > n { (out + i * rowStride + n).update(repeating: 0, count: rowStride - n) }
        }
        let totals = rowSums(live: live, count: n) { i, j in out[i &* rowStride &+ j] }
        for i in 0..<live where peaks[i] != -.infinity {
            let inverse = Lanes(repeating: 1 / totals[i])
            mapLanes(out + i * rowStride, into: out + i * rowStride, count: n) { $0 * inverse }
        }
        first += 8
    }
}

/// Softmax's gradient for the first n floats of `rows` rows `rowStride` apart, dx = y ⊙ (g − Σ g⊙y),
/// each sum in index order; the floats from n to `rowStride` become 0 (y is 0 there). `out` may be
/// `g`. O(rows·rowStride).
@inline(__always)
func softmaxBackwardRows(
    _ g: UnsafePointer<Float>, _ y: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, rows: Int, n: Int,
    rowStride: Int
) {
    var first = 0
    while first < rows {
        let live = Swift.min(8, rows - first)
        let g = g + first * rowStride, y = y + first * rowStride, out = out + first * rowStride
        let dots = rowSums(live: live, count: n) { i, j in g[i &* rowStride &+ j] * y[i &* rowStride &+ j] }
        for i in 0..<live {
            let shared = Lanes(repeating: dots[i])
            zipLanes(g + i * rowStride, y + i * rowStride, into: out + i * rowStride, count: n) { g, y in y * (g - shared) }
            if rowStride > n { (out + i * rowStride + n).update(repeating: 0, count: rowStride - n) }
        }
        first += 8
    }
}

/// Cross-entropy's probabilities for `rows` rows of logits, out = exp(x − max) / Σ with each sum in
/// index order. Stores each row's max and sum, from which its loss is (max − x[target]) + log Σ.
/// O(rows·n).
@inline(__always)
func crossEntropyRows(
    _ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, rows: Int, n: Int,
    peaks: UnsafeMutablePointer<Float>, sums: UnsafeMutablePointer<Float>
) {
    var first = 0
    while first < rows {
        let live = Swift.min(8, rows - first)
        let x = x + first * n, out = out + first * n
        for i in 0..<live {
            let peak = maximum(x + i * n, count: n)
            peaks[first + i] = peak
            exponentials(x + i * n, minus: peak, into: out + i * n, count: n)
        }
        let totals = rowSums(live: live, count: n) { i, j in out[i &* n &+ j] }
        for i in 0..<live {
            sums[first + i] = totals[i]
            let divisor = Lanes(repeating: totals[i])
            mapLanes(out + i * n, into: out + i * n, count: n) { $0 / divisor }
        }
        first += 8
    }
}

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
        let meanDX = rowSums(live: live, count: n) { i, j in dyBlock[i &* n &+ j] * gamma[j] * xhatBlock[i &* n &+ j] } / width
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
            storeLanes(loadLanes(dGamma + whole, count: rest) + d * loadLanes(xhat + whole, count: rest), to: dGamma + whole, count: rest)
            storeLanes(loadLanes(dBeta + whole, count: rest) + d, to: dBeta + whole, count: rest)
        }
    }
}

// MARK: - Adam

/// One Adam update of `count` parameters with their moments, eight lanes at a time; each lane
/// PyTorch's arithmetic in PyTorch's order. Whole blocks of eight load and store as vectors, the
/// partial last block goes through `loadLanes`/`storeLanes` (as in `mapLanes`).
@inline(__always)
func adamUpdate(
    _ step: AdamStep, parameters p: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>,
    m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>, count: Int
) {
    let decay = Lanes(repeating: 1 - step.learningRate * step.weightDecay), coupled = Lanes(repeating: step.weightDecay)
    let b1 = Lanes(repeating: step.beta1), b2 = Lanes(repeating: step.beta2)
    let oneMinusB1 = Lanes(repeating: 1 - step.beta1), oneMinusB2 = Lanes(repeating: 1 - step.beta2)
    let root = Lanes(repeating: step.correction2Root), eps = Lanes(repeating: step.epsilon)
    let size = Lanes(repeating: step.stepSize)
    let decoupled = step.decoupledWeightDecay, coupledDecay = !step.decoupledWeightDecay && step.weightDecay != 0
    /// New (parameter, first moment, second moment) of eight lanes.
    @inline(__always)
    func update(_ value: Lanes, _ grad: Lanes, _ m: Lanes, _ v: Lanes) -> (Lanes, Lanes, Lanes) {
        var value = value, grad = grad
        if decoupled {
            value *= decay
        } else if coupledDecay {
            grad += coupled * value
        }
        let first = b1 * m + oneMinusB1 * grad
        let second = b2 * v + oneMinusB2 * grad * grad
        let denominator = second.squareRoot() / root + eps
        value -= size * first / denominator
        return (value, first, second)
    }
    let whole = count / 8 * 8
    var i = 0
    while i < whole {
        let (value, first, second) = update(
            UnsafeRawPointer(p + i).loadUnaligned(as: Lanes.self), UnsafeRawPointer(g + i).loadUnaligned(as: Lanes.self),
            UnsafeRawPointer(m + i).loadUnaligned(as: Lanes.self), UnsafeRawPointer(v + i).loadUnaligned(as: Lanes.self))
        UnsafeMutableRawPointer(m + i).storeBytes(of: first, as: Lanes.self)
        UnsafeMutableRawPointer(v + i).storeBytes(of: second, as: Lanes.self)
        UnsafeMutableRawPointer(p + i).storeBytes(of: value, as: Lanes.self)
        i += 8
    }
    if whole < count {
        let rest = count - whole
        let (value, first, second) = update(
            loadLanes(p + whole, count: rest), loadLanes(g + whole, count: rest), loadLanes(m + whole, count: rest),
            loadLanes(v + whole, count: rest))
        storeLanes(first, to: m + whole, count: rest)
        storeLanes(second, to: v + whole, count: rest)
        storeLanes(value, to: p + whole, count: rest)
    }
}
