// Elementwise kernels that run on AVX2 when the CPU has it: the same LaneMath arithmetic, twice as wide.

import TransformerEngineKernelsAVX2

// MARK: - Dispatch

/// GELU and softmax over raw buffers, through TransformerEngineKernelsAVX2 when `GemmKernel.current`
/// chose AVX2, else through this module's baseline build of the same functions. Same bits either way.
enum Elementwise {
    /// out[i] = GELU(x[i]). `out` may be `x`. O(count).
    static func gelu(_ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int) {
        #if arch(x86_64)
        if GemmKernel.current == .avx2 { return avx2GELU(x, into: out, count: count) }
        #endif
        mapLanes(x, into: out, count: count) { GELU.value($0) }
    }

    /// out[i] = g[i] · GELU′(x[i]). O(count).
    static func geluBackward(
        _ g: UnsafePointer<Float>, _ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count: Int
    ) {
        #if arch(x86_64)
        if GemmKernel.current == .avx2 { return avx2GELUBackward(g, x, into: out, count: count) }
        #endif
        zipLanes(g, x, into: out, count: count) { $0 * GELU.derivative($1) }
    }

    /// Softmax of each of `rows` rows of `n` floats. `out` may be `x`. O(rows·n).
    static func softmaxRows(_ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, rows: Int, n: Int) {
        #if arch(x86_64)
        if GemmKernel.current == .avx2 { return avx2SoftmaxRows(x, into: out, rows: rows, n: n) }
        #endif
        for r in 0..<rows { softmaxRow(x + r * n, into: out + r * n, count: n) }
    }

    /// Softmax's backward for each of `rows` rows. `out` may be `g`. O(rows·n).
    static func softmaxBackwardRows(
        _ g: UnsafePointer<Float>, _ y: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, rows: Int, n: Int
    ) {
        #if arch(x86_64)
        if GemmKernel.current == .avx2 { return avx2SoftmaxBackwardRows(g, y, into: out, rows: rows, n: n) }
        #endif
        for r in 0..<rows { softmaxBackwardRow(g + r * n, y + r * n, into: out + r * n, count: n) }
    }
}
