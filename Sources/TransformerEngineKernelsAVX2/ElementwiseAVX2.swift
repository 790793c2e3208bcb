// Elementwise kernels compiled for AVX2 (haswell): GELU, softmax, layer norm and Adam, eight floats per instruction.
//
// The arithmetic is Kernels/Lanes' (the same files, linked into this module), so results match
// the baseline build of TransformerEngine bit for bit; only the register width differs.

import TransformerEngineKernelsShared

#if arch(x86_64)

// MARK: - GELU

/// out[i] = GELU(x[i]) (tanh form) for i < count, keeping each tanh term in `tanh` when given
/// (see `gelu(_:into:keepingTanh:count:)`). `out` may be `x`. O(count).
@inline(never)
public func avx2GELU(
    _ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, keepingTanh tanh: UnsafeMutablePointer<Float>?,
    count: Int
) {
    gelu(x, into: out, keepingTanh: tanh, count: count)
}

/// out[i] = g[i] · GELU′(x[i]) from forward's tanh terms: GELU's backward. O(count).
@inline(never)
public func avx2GELUBackward(
    _ g: UnsafePointer<Float>, _ x: UnsafePointer<Float>, tanh: UnsafePointer<Float>,
    into out: UnsafeMutablePointer<Float>, count: Int
) {
    geluBackward(g, x, tanh: tanh, into: out, count: count)
}

// MARK: - Softmax

/// Softmax of the first `n` floats of `rows` rows `rowStride` apart (see `softmaxRows`). `out` may
/// be `x`. O(rows·rowStride).
@inline(never)
public func avx2SoftmaxRows(
    _ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, rows: Int, n: Int, rowStride: Int
) {
    softmaxRows(x, into: out, rows: rows, n: n, rowStride: rowStride)
}

/// Softmax's backward over the first `n` floats of `rows` rows `rowStride` apart (see
/// `softmaxBackwardRows`). `out` may be `g`. O(rows·rowStride).
@inline(never)
public func avx2SoftmaxBackwardRows(
    _ g: UnsafePointer<Float>, _ y: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, rows: Int, n: Int,
    rowStride: Int
) {
    softmaxBackwardRows(g, y, into: out, rows: rows, n: n, rowStride: rowStride)
}

/// Cross-entropy's probabilities for `rows` rows of `n` logits, each row's max and sum stored in
/// `peaks` and `sums` (see `crossEntropyRows`). O(rows·n).
@inline(never)
public func avx2CrossEntropyRows(
    _ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, rows: Int, n: Int,
    peaks: UnsafeMutablePointer<Float>, sums: UnsafeMutablePointer<Float>
) {
    crossEntropyRows(x, into: out, rows: rows, n: n, peaks: peaks, sums: sums)
}

// MARK: - Layer norm

/// Forward of rows `first..<first + count` (see `layerNormRows`).
@inline(never)
public func avx2LayerNormRows(
    _ x: UnsafePointer<Float>, gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>, first: Int, count: Int, n: Int,
    epsilon: Float, normalized: UnsafeMutablePointer<Float>, inverseStd: UnsafeMutablePointer<Float>,
    output: UnsafeMutablePointer<Float>
) {
    layerNormRows(
        x, gamma: gamma, beta: beta, rows: first..<first + count, n: n, epsilon: epsilon, normalized: normalized,
        inverseStd: inverseStd, output: output)
}

/// dx of rows `first..<first + count` (see `layerNormBackwardRows`).
@inline(never)
public func avx2LayerNormBackwardRows(
    _ dy: UnsafePointer<Float>, normalized: UnsafePointer<Float>, gamma: UnsafePointer<Float>,
    inverseStd: UnsafePointer<Float>, first: Int, count: Int, n: Int, dx: UnsafeMutablePointer<Float>
) {
    layerNormBackwardRows(
        dy, normalized: normalized, gamma: gamma, inverseStd: inverseStd, rows: first..<first + count, n: n, dx: dx)
}

/// γ and β gradients summed over `rows` rows (see `layerNormParameterGradients`).
@inline(never)
public func avx2LayerNormParameterGradients(
    _ dy: UnsafePointer<Float>, normalized: UnsafePointer<Float>, rows: Int, n: Int, rowStride: Int,
    dGamma: UnsafeMutablePointer<Float>, dBeta: UnsafeMutablePointer<Float>
) {
    layerNormParameterGradients(
        dy, normalized: normalized, rows: rows, n: n, rowStride: rowStride, dGamma: dGamma, dBeta: dBeta)
}

// MARK: - Adam

/// One Adam/AdamW update of `count` parameters (see `adamUpdate`).
@inline(never)
public func avx2AdamUpdate(
    _ step: AdamStep, parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>,
    m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>, count: Int
) {
    adamUpdate(step, parameters: parameters, gradients: gradients, m: m, v: v, count: count)
}

#endif
