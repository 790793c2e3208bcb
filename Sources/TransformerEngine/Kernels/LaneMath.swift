// eˣ, tanh, GELU and softmax rows in plain Float arithmetic on eight lanes at once: the same bits everywhere.
//
// This one file is compiled twice: into TransformerEngine for baseline x86-64 (or any CPU), and,
// through a symbolic link, into TransformerEngineKernelsAVX2 with `-target-cpu haswell`, where
// Lanes is one AVX register. Both copies are internal to their module; the engine calls the
// AVX2 module's public entry points only on CPUs that have AVX2, and gets the same bits.

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
@inline(__always)
func fastExp(_ x: Lanes) -> Lanes {
    let low = Lanes(repeating: -87.3), high = Lanes(repeating: 88.3)
    // max(x, low) then min(·, high), written so a NaN passes through as in the scalar form.
    var clamped = x.replacing(with: low, where: low .>= x)
    clamped.replace(with: high, where: high .< clamped)
    // Adding 1.5·2²³ rounds to the nearest integer, which lands in the low mantissa bits.
    let magic = Lanes(repeating: 12_582_912)
    let shifted = clamped * 1.442_695_04 + magic
    let n = shifted - magic
    let r = (clamped - n * 0.693_145_75) - n * 1.428_606_8e-6
    var p = Lanes(repeating: 1.0 / 720)
    p = p * r + 1.0 / 120
    p = p * r + 1.0 / 24
    p = p * r + 1.0 / 6
    p = p * r + 0.5
    p = p * r + 1
    p = p * r + 1
    let magicBits = SIMD8<UInt32>(repeating: Float(12_582_912).bitPattern)
    let exponent = (unsafeBitCast(shifted, to: SIMD8<UInt32>.self) &- magicBits) &+ 127
    let scale = unsafeBitCast(exponent &<< 23, to: Lanes.self)
    return (p * scale).replacing(with: 0, where: x .< low)
}

/// eˣ for one value: lane 0 of the eight-lane form.
@inline(__always)
func fastExp(_ x: Float) -> Float {
    fastExp(Lanes(repeating: x))[0]
}

/// tanh(x) = 1 − 2 / (e²ˣ + 1): absolute error below 1e-7, what GELU needs. O(1) per lane.
@inline(__always)
func fastTanh(_ x: Lanes) -> Lanes {
    1 - 2 / (fastExp(2 * x) + 1)
}

/// tanh for one value.
@inline(__always)
func fastTanh(_ x: Float) -> Float {
    fastTanh(Lanes(repeating: x))[0]
}

// MARK: - GELU

/// The tanh approximation of GELU and its derivative, shared by forward and backward.
enum GELU {
    static let c: Float = 0.797_884_56  // √(2/π)
    static let a: Float = 0.044_715

    /// ½x(1 + tanh(√(2/π)(x + 0.044715x³))).
    @inline(__always)
    static func value(_ x: Lanes) -> Lanes {
        let half: Lanes = 0.5 * x
        return half * (1 + fastTanh(inner(x)))
    }

    /// d GELU / dx = ½(1 + t) + ½x(1 − t²)·c·(1 + 3a x²), t = tanh(c(x + a x³)).
    @inline(__always)
    static func derivative(_ x: Lanes) -> Lanes {
        let t = fastTanh(inner(x))
        let slope: Lanes = 1 - t * t
        let cubic: Lanes = 1 + (3 * a) * x * x
        let right: Lanes = 0.5 * x * slope * c * cubic
        let left: Lanes = 0.5 * (1 + t)
        return left + right
    }

    /// c(x + a x³), evaluated left to right as ((a·x)·x)·x.
    @inline(__always)
    private static func inner(_ x: Lanes) -> Lanes {
        let cube: Lanes = a * x * x * x
        return c * (x + cube)
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

// MARK: - Softmax rows

/// One row of softmax: max, exponentials eight at a time, their sum in index order, scale.
/// A row that is all −∞ gives zeros. O(n).
@inline(__always)
func softmaxRow(_ row: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count n: Int) {
    let peak = maximum(row, count: n)
    if peak == -.infinity {
        out.update(repeating: 0, count: n)
        return
    }
    let shift = Lanes(repeating: peak)
    mapLanes(row, into: out, count: n) { fastExp($0 - shift) }
    var total: Float = 0
    for j in 0..<n { total += out[j] }
    let inverse = Lanes(repeating: 1 / total)
    mapLanes(out, into: out, count: n) { $0 * inverse }
}

/// One row of softmax's gradient, dx = y ⊙ (g − Σ g⊙y), the sum in index order. O(n).
@inline(__always)
func softmaxBackwardRow(
    _ g: UnsafePointer<Float>, _ y: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count n: Int
) {
    var dot: Float = 0
    for j in 0..<n { dot += g[j] * y[j] }
    let shared = Lanes(repeating: dot)
    zipLanes(g, y, into: out, count: n) { g, y in y * (g - shared) }
}

// MARK: - Layer norm rows

/// Normalises rows `rows` of x ([rows × n]): x̂ = (x − mean)·rstd and y = x̂·γ + β, keeping x̂ and
/// rstd for backward. Mean and variance are summed in index order; the rest eight lanes at a time.
@inline(__always)
func layerNormRows(
    _ x: UnsafePointer<Float>, gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>, rows: Range<Int>, n: Int,
    epsilon: Float, normalized: UnsafeMutablePointer<Float>, inverseStd: UnsafeMutablePointer<Float>,
    output: UnsafeMutablePointer<Float>
) {
    for r in rows {
        let row = x + r * n
        var mean: Float = 0
        for j in 0..<n { mean += row[j] }
        mean /= Float(n)
        var variance: Float = 0
        for j in 0..<n {
            let d = row[j] - mean
            variance += d * d
        }
        variance /= Float(n)
        let rstd = 1 / (variance + epsilon).squareRoot()
        inverseStd[r] = rstd
        let shift = Lanes(repeating: mean), scale = Lanes(repeating: rstd)
        let xhat = normalized + r * n
        mapLanes(row, into: xhat, count: n) { ($0 - shift) * scale }
        zipLanes(xhat, gamma, into: output + r * n, count: n) { $0 * $1 }
        zipLanes(output + r * n, beta, into: output + r * n, count: n) { $0 + $1 }
    }
}

/// dx for rows `rows`: rstd · (dx̂ − mean(dx̂) − x̂ · mean(dx̂ ⊙ x̂)) with dx̂ = dy ⊙ γ, the two
/// means summed in index order.
@inline(__always)
func layerNormBackwardRows(
    _ dy: UnsafePointer<Float>, normalized: UnsafePointer<Float>, gamma: UnsafePointer<Float>,
    inverseStd: UnsafePointer<Float>, rows: Range<Int>, n: Int, dx: UnsafeMutablePointer<Float>
) {
    for r in rows {
        let dyRow = dy + r * n, xhat = normalized + r * n, out = dx + r * n
        var meanD: Float = 0
        var meanDX: Float = 0
        for j in 0..<n {
            let d = dyRow[j] * gamma[j]
            meanD += d
            meanDX += d * xhat[j]
        }
        meanD /= Float(n)
        meanDX /= Float(n)
        let rstd = Lanes(repeating: inverseStd[r])
        let centre = Lanes(repeating: meanD), slope = Lanes(repeating: meanDX)
        zipLanes(dyRow, gamma, into: out, count: n) { $0 * $1 }
        zipLanes(out, xhat, into: out, count: n) { d, xhat in rstd * (d - centre - xhat * slope) }
    }
}

/// γ and β gradients: dγ += Σ_rows dy ⊙ x̂ and dβ += Σ_rows dy, one running sum per column, rows in order.
@inline(__always)
func layerNormParameterGradients(
    _ dy: UnsafePointer<Float>, normalized: UnsafePointer<Float>, rows: Int, n: Int,
    dGamma: UnsafeMutablePointer<Float>, dBeta: UnsafeMutablePointer<Float>
) {
    for r in 0..<rows {
        let dyRow = dy + r * n, xhat = normalized + r * n
        var j = 0
        while j < n {
            let count = Swift.min(8, n - j)
            let d = loadLanes(dyRow + j, count: count)
            storeLanes(loadLanes(dGamma + j, count: count) + d * loadLanes(xhat + j, count: count), to: dGamma + j, count: count)
            storeLanes(loadLanes(dBeta + j, count: count) + d, to: dBeta + j, count: count)
            j += 8
        }
    }
}

// MARK: - Adam

/// The constants of one Adam or AdamW step (see `Adam.step`).
struct AdamStep {
    var learningRate: Float
    var beta1: Float
    var beta2: Float
    var epsilon: Float
    var weightDecay: Float
    var decoupledWeightDecay: Bool
    /// lr / (1 − β₁ᵗ).
    var stepSize: Float
    /// √(1 − β₂ᵗ).
    var correction2Root: Float
}

/// One Adam update of `count` parameters with their moments, eight lanes at a time; each lane
/// PyTorch's arithmetic in PyTorch's order.
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
    var i = 0
    while i < count {
        let n = Swift.min(8, count - i)
        var value = loadLanes(p + i, count: n)
        var grad = loadLanes(g + i, count: n)
        if decoupled {
            value *= decay
        } else if coupledDecay {
            grad += coupled * value
        }
        let first = b1 * loadLanes(m + i, count: n) + oneMinusB1 * grad
        let second = b2 * loadLanes(v + i, count: n) + oneMinusB2 * grad * grad
        let denominator = second.squareRoot() / root + eps
        value -= size * first / denominator
        storeLanes(first, to: m + i, count: n)
        storeLanes(second, to: v + i, count: n)
        storeLanes(value, to: p + i, count: n)
        i += 8
    }
}
