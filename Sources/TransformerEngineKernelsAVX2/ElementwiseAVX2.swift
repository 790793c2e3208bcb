// Elementwise kernels compiled for AVX2 (haswell): GELU and softmax rows, eight floats per instruction.
//
// The arithmetic is LaneMath.swift's (the same file, linked into this module), so results match
// the baseline build of TransformerEngine bit for bit; only the register width differs.

#if arch(x86_64)

// MARK: - GELU

/// out[i] = GELU(x[i]) (tanh form) for i < count. `out` may be `x`. O(count).
@inline(never)
public func avx2GELU(_ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int) {
    mapLanes(x, into: out, count: count) { GELU.value($0) }
}

/// out[i] = g[i] · GELU′(x[i]) for i < count: GELU's backward. O(count).
@inline(never)
public func avx2GELUBackward(
    _ g: UnsafePointer<Float>, _ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int
) {
    zipLanes(g, x, into: out, count: count) { $0 * GELU.derivative($1) }
}

// MARK: - Softmax

/// Softmax of `rows` rows of `n` floats each (see `softmaxRow`). `out` may be `x`. O(rows·n).
@inline(never)
public func avx2SoftmaxRows(_ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, rows: Int, n: Int) {
    for r in 0..<rows { softmaxRow(x + r * n, into: out + r * n, count: n) }
}

/// Softmax's backward over `rows` rows (see `softmaxBackwardRow`). `out` may be `g`. O(rows·n).
@inline(never)
public func avx2SoftmaxBackwardRows(
    _ g: UnsafePointer<Float>, _ y: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, rows: Int, n: Int
) {
    for r in 0..<rows { softmaxBackwardRow(g + r * n, y + r * n, into: out + r * n, count: n) }
}

#endif
