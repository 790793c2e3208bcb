// The functions of one kernel build in a table: GEMM tiles, row and elementwise kernels, the optimizer.

import TransformerEngineKernelsAVX2
import TransformerEngineKernelsAVX512
import TransformerEngineKernelsShared

/// The inner loops of one `KernelBuild`, chosen once per process (`KernelTable.current`): callers
/// call through the table and never ask which build runs. Every build gives the same bits.
struct KernelTable: Sendable {
    /// The build whose functions these are.
    let build: KernelBuild

    // MARK: GEMM tiles

    /// Packed-panel tiles over gemmMR-row strips of A and gemmNR-column strips of B (see
    /// `avx2MultiplyPackedBlock`); nil where the generic 6×8 tile runs.
    let packedTiles: PackedTiles?
    /// Tiles that read A (and B, given by its strides) in place, in strips of gemmInPlaceMR rows
    /// (see `avx2MultiplyBlock`); nil where A is always packed.
    let inPlaceTiles: InPlaceTiles?
    /// Tiles over a packed panel of A and gemmWideNR-column strips of B, packed or in place (see
    /// `avx512MultiplyPackedBlock`); nil where the build has none.
    let wideTiles: WideTiles?

    // MARK: Elementwise

    /// out[i] = GELU(x[i]), keeping each tanh term when given (see `gelu(_:into:keepingTanh:count:)`).
    let gelu: @Sendable (
        _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, _ tanh: UnsafeMutablePointer<Float>?,
        _ count: Int
    ) -> Void
    /// out[i] = g[i] · GELU′(x[i]) from forward's tanh terms (see `geluBackward`).
    let geluBackward: @Sendable (
        _ g: UnsafePointer<Float>, _ x: UnsafePointer<Float>, _ tanh: UnsafePointer<Float>,
        _ out: UnsafeMutablePointer<Float>, _ count: Int
    ) -> Void

    // MARK: Row kernels

    /// Softmax of rows (see `softmaxRows`).
    let softmaxRows: @Sendable (
        _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, _ rows: Int, _ n: Int, _ rowStride: Int
    ) -> Void
    /// Softmax's backward of rows (see `softmaxBackwardRows`).
    let softmaxBackwardRows: @Sendable (
        _ g: UnsafePointer<Float>, _ y: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, _ rows: Int,
        _ n: Int, _ rowStride: Int
    ) -> Void
    /// Cross-entropy's probabilities with each row's max and sum (see `crossEntropyRows`).
    let crossEntropyRows: @Sendable (
        _ x: UnsafePointer<Float>, _ out: UnsafeMutablePointer<Float>, _ rows: Int, _ n: Int,
        _ peaks: UnsafeMutablePointer<Float>, _ sums: UnsafeMutablePointer<Float>
    ) -> Void
    /// Layer norm's forward of rows `first..<first + count` (see `layerNormRows`).
    let layerNormRows: @Sendable (
        _ x: UnsafePointer<Float>, _ gamma: UnsafePointer<Float>, _ beta: UnsafePointer<Float>, _ first: Int,
        _ count: Int, _ n: Int, _ epsilon: Float, _ normalized: UnsafeMutablePointer<Float>,
        _ inverseStd: UnsafeMutablePointer<Float>, _ output: UnsafeMutablePointer<Float>
    ) -> Void
    /// Layer norm's dx of rows `first..<first + count` (see `layerNormBackwardRows`).
    let layerNormBackwardRows: @Sendable (
        _ dy: UnsafePointer<Float>, _ normalized: UnsafePointer<Float>, _ gamma: UnsafePointer<Float>,
        _ inverseStd: UnsafePointer<Float>, _ first: Int, _ count: Int, _ n: Int, _ dx: UnsafeMutablePointer<Float>
    ) -> Void
    /// γ and β gradients summed over rows (see `layerNormParameterGradients`).
    let layerNormParameterGradients: @Sendable (
        _ dy: UnsafePointer<Float>, _ normalized: UnsafePointer<Float>, _ rows: Int, _ n: Int, _ rowStride: Int,
        _ dGamma: UnsafeMutablePointer<Float>, _ dBeta: UnsafeMutablePointer<Float>
    ) -> Void

    // MARK: Optimizer

    /// One Adam or AdamW update of `count` parameters with their moments (see `adamUpdate`).
    let adamUpdate: @Sendable (
        _ step: AdamStep, _ parameters: UnsafeMutablePointer<Float>, _ gradients: UnsafePointer<Float>,
        _ m: UnsafeMutablePointer<Float>, _ v: UnsafeMutablePointer<Float>, _ count: Int
    ) -> Void

    /// The table of the build chosen for this process (see `KernelBuild.current`).
    static let current = KernelTable(.current)

    /// The functions of `build`, which must be able to run on this CPU.
    init(_ build: KernelBuild) {
        self.build = build
        #if arch(x86_64)
        if build != .generic {
            packedTiles = avx2MultiplyPackedBlock
            inPlaceTiles = avx2MultiplyBlock
            wideTiles = build == .avx512 ? avx512MultiplyPackedBlock : nil
            gelu = build == .avx512 ? avx512GELU : avx2GELU
            geluBackward = avx2GELUBackward
            softmaxRows = avx2SoftmaxRows
            softmaxBackwardRows = avx2SoftmaxBackwardRows
            crossEntropyRows = avx2CrossEntropyRows
            layerNormRows = avx2LayerNormRows
            layerNormBackwardRows = avx2LayerNormBackwardRows
            layerNormParameterGradients = avx2LayerNormParameterGradients
            adamUpdate = avx2AdamUpdate
            return
        }
        #endif
        packedTiles = nil
        inPlaceTiles = nil
        wideTiles = nil
        gelu = { TransformerEngine.gelu($0, into: $1, keepingTanh: $2, count: $3) }
        geluBackward = { TransformerEngine.geluBackward($0, $1, tanh: $2, into: $3, count: $4) }
        softmaxRows = { TransformerEngine.softmaxRows($0, into: $1, rows: $2, n: $3, rowStride: $4) }
        softmaxBackwardRows = {
            TransformerEngine.softmaxBackwardRows($0, $1, into: $2, rows: $3, n: $4, rowStride: $5)
        }
        crossEntropyRows = { TransformerEngine.crossEntropyRows($0, into: $1, rows: $2, n: $3, peaks: $4, sums: $5) }
        layerNormRows = { x, gamma, beta, first, count, n, epsilon, normalized, inverseStd, output in
            TransformerEngine.layerNormRows(
                x, gamma: gamma, beta: beta, rows: first..<first + count, n: n, epsilon: epsilon,
                normalized: normalized, inverseStd: inverseStd, output: output)
        }
        layerNormBackwardRows = { dy, normalized, gamma, inverseStd, first, count, n, dx in
            TransformerEngine.layerNormBackwardRows(
                dy, normalized: normalized, gamma: gamma, inverseStd: inverseStd, rows: first..<first + count, n: n,
                dx: dx)
        }
        layerNormParameterGradients = { dy, normalized, rows, n, rowStride, dGamma, dBeta in
            TransformerEngine.layerNormParameterGradients(
                dy, normalized: normalized, rows: rows, n: n, rowStride: rowStride, dGamma: dGamma, dBeta: dBeta)
        }
        adamUpdate = { TransformerEngine.adamUpdate($0, parameters: $1, gradients: $2, m: $3, v: $4, count: $5) }
    }
}

/// Computes one block of C from packed panels of A and B (see `avx2MultiplyPackedBlock`).
typealias PackedTiles = @Sendable (
    _ kc: Int, _ packedA: UnsafePointer<Float>, _ rowCount: Int, _ packedB: UnsafePointer<Float>, _ firstColumn: Int,
    _ columnCount: Int, _ c: UnsafeMutablePointer<Float>, _ ldc: Int, _ accumulate: Bool
) -> Void

/// Computes one block of C from a packed panel of A and strips of B given by their strides (see
/// `avx512MultiplyPackedBlock`).
typealias WideTiles = @Sendable (
    _ kc: Int, _ packedA: UnsafePointer<Float>, _ rowCount: Int, _ b: UnsafePointer<Float>, _ bDepthStride: Int,
    _ bStripStride: Int, _ firstColumn: Int, _ columnCount: Int, _ c: UnsafeMutablePointer<Float>, _ ldc: Int,
    _ accumulate: Bool
) -> Void

/// Computes one block of C reading A in place and B by its strides (see `avx2MultiplyBlock`).
typealias InPlaceTiles = @Sendable (
    _ kc: Int, _ a: UnsafePointer<Float>, _ rowStride: Int, _ columnStride: Int, _ rowCount: Int,
    _ b: UnsafePointer<Float>, _ bDepthStride: Int, _ bStripStride: Int, _ firstColumn: Int, _ columnCount: Int,
    _ c: UnsafeMutablePointer<Float>, _ ldc: Int, _ accumulate: Bool
) -> Void
