// Elementwise, row and optimizer kernels over raw buffers, through the chosen build's table, over threads when large.

import TransformerEngineKernelsShared

// MARK: - Dispatch

/// GELU, softmax, cross-entropy, layer norm and Adam over raw buffers, through `KernelTable.current`
/// (the build chosen for this process) and cut into blocks over threads when large. Same bits
/// whatever the build and the thread count.
enum Elementwise {
    /// The chosen build's functions.
    private static var kernels: KernelTable { .current }

    /// out[i] = GELU(x[i]), with each tanh term kept in `tanh` when given (for backward). `out`
    /// may be `x`. O(count).
    static func gelu(
        _ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>,
        keepingTanh tanh: UnsafeMutablePointer<Float>?, count: Int
    ) {
        inBlocks(count) { start, length in
            let t = tanh.map { $0 + start }
            kernels.gelu(x + start, out + start, t, length)
        }
    }

    /// out[i] = g[i] · GELU′(x[i]) from forward's tanh terms. O(count).
    static func geluBackward(
        _ g: UnsafePointer<Float>, _ x: UnsafePointer<Float>, tanh: UnsafePointer<Float>,
        into out: UnsafeMutablePointer<Float>, count: Int
    ) {
        inBlocks(count) { start, length in
            kernels.geluBackward(g + start, x + start, tanh + start, out + start, length)
        }
    }

    /// Softmax of the first `n` floats of each of `rows` rows `rowStride` apart (the rest of each
    /// row becomes 0), spread over threads when large. `out` may be `x`. O(rows·rowStride).
    static func softmaxRows(
        _ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, rows: Int, n: Int, rowStride: Int? = nil
    ) {
        let stride = rowStride ?? n
        inBlocks(rows, unit: stride) { first, count in
            let x = x + first * stride, out = out + first * stride
            kernels.softmaxRows(x, out, count, n, stride)
        }
    }

    /// Softmax's backward for the first `n` floats of each of `rows` rows `rowStride` apart (the
    /// rest of each row becomes 0), spread over threads when large. `out` may be `g`. O(rows·rowStride).
    static func softmaxBackwardRows(
        _ g: UnsafePointer<Float>, _ y: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, rows: Int, n: Int,
        rowStride: Int? = nil
    ) {
        let stride = rowStride ?? n
        inBlocks(rows, unit: stride) { first, count in
            let g = g + first * stride, y = y + first * stride, out = out + first * stride
            kernels.softmaxBackwardRows(g, y, out, count, n, stride)
        }
    }

    /// Cross-entropy's probabilities of each of `rows` rows, with each row's max and sum (see `crossEntropyRows`),
    /// spread over threads when large.
    static func crossEntropyRows(
        _ x: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, rows: Int, n: Int,
        peaks: UnsafeMutablePointer<Float>, sums: UnsafeMutablePointer<Float>
    ) {
        inBlocks(rows, unit: n) { first, count in
            let x = x + first * n, out = out + first * n, peaks = peaks + first, sums = sums + first
            kernels.crossEntropyRows(x, out, count, n, peaks, sums)
        }
    }

    /// Cross-entropy's gradient from its probabilities: row r is (p − onehot(targets[r]))·scale, or
    /// zeros where targets[r] is `ignoreIndex`; rows spread over threads when large. O(rows·n).
    static func crossEntropyGradient(
        _ p: UnsafePointer<Float>, targets: UnsafePointer<Int>, ignoreIndex: Int?, scale: Float,
        into out: UnsafeMutablePointer<Float>, rows: Int, n: Int
    ) {
        inBlocks(rows, unit: n) { first, count in
            let factor = Lanes(repeating: scale)
            for r in first..<first + count {
                let target = targets[r], row = out + r * n, source = p + r * n
                guard target != ignoreIndex else {
                    row.update(repeating: 0, count: n)
                    continue
                }
                mapLanes(source, into: row, count: n) { $0 * factor }
                row[target] = (source[target] - 1) * scale
            }
        }
    }

    /// Layer norm's forward (see `layerNormRows`), rows spread over threads when large.
    static func layerNorm(
        _ x: UnsafePointer<Float>, gamma: UnsafePointer<Float>, beta: UnsafePointer<Float>, rows: Int, n: Int,
        epsilon: Float, normalized: UnsafeMutablePointer<Float>, inverseStd: UnsafeMutablePointer<Float>,
        output: UnsafeMutablePointer<Float>
    ) {
        inBlocks(rows, unit: n) { first, count in
            kernels.layerNormRows(x, gamma, beta, first, count, n, epsilon, normalized, inverseStd, output)
        }
    }

    /// Layer norm's dx (see `layerNormBackwardRows`), and the γ and β gradients added onto `dGamma`
    /// and `dBeta` (see `layerNormParameterGradients`). When large, one parallel region holds
    /// blocks of dx's rows and blocks of 8 parameter columns. O(rows·n).
    static func layerNormBackward(
        _ dy: UnsafePointer<Float>, normalized: UnsafePointer<Float>, gamma: UnsafePointer<Float>,
        inverseStd: UnsafePointer<Float>, rows: Int, n: Int, dx: UnsafeMutablePointer<Float>,
        dGamma: UnsafeMutablePointer<Float>, dBeta: UnsafeMutablePointer<Float>
    ) {
        func dxRows(_ first: Int, _ count: Int) {
            kernels.layerNormBackwardRows(dy, normalized, gamma, inverseStd, first, count, n, dx)
        }
        func parameterColumns(_ first: Int, _ count: Int) {
            kernels.layerNormParameterGradients(
                dy + first, normalized + first, rows, count, n, dGamma + first, dBeta + first)
        }
        guard rows * n >= minimumSplitWork, rows >= 2 else {
            dxRows(0, rows)
            return parameterColumns(0, n)
        }
        let rowBlock = blockLength(unit: n)
        let rowBlocks = (rows + rowBlock - 1) / rowBlock
        let columnBlocks = (n + 7) / 8
        parallelChunks(rowBlocks + columnBlocks) { chunk in
            if chunk < rowBlocks {
                let first = chunk * rowBlock
                dxRows(first, Swift.min(rowBlock, rows - first))
            } else {
                let first = (chunk - rowBlocks) * 8
                parameterColumns(first, Swift.min(8, n - first))
            }
        }
    }

    /// One Adam update (see `adamUpdate`).
    static func adam(
        _ step: AdamStep, parameters: UnsafeMutablePointer<Float>, gradients: UnsafePointer<Float>,
        m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>, count: Int
    ) {
        kernels.adamUpdate(step, parameters, gradients, m, v, count)
    }

    // MARK: - Blocks over threads

    /// Floats of work from which an elementwise or row op is split over threads.
    static let minimumSplitWork = 1 << 12
    /// Floats per block when split.
    static let blockWork = 1 << 11

    /// Items per block when work is split: about `blockWork` floats of `unit` floats each, a
    /// multiple of 8 (whole lanes, whole blocks of eight rows).
    private static func blockLength(unit: Int) -> Int {
        (Swift.max(1, blockWork / Swift.max(unit, 1)) + 7) / 8 * 8
    }

    /// Calls `body(start, length)` over `0..<count` cut into fixed blocks, spread over threads when
    /// the work (count × unit floats) is large enough to pay for it. Blocks are independent, so the
    /// cut never changes a result.
    private static func inBlocks(_ count: Int, unit: Int = 1, _ body: (Int, Int) -> Void) {
        let work = count * unit
        guard work >= minimumSplitWork, count >= 2 else { return body(0, count) }
        let block = blockLength(unit: unit)
        let blocks = (count + block - 1) / block
        parallelChunks(blocks) { index in
            let start = index * block
            body(start, Swift.min(block, count - start))
        }
    }
}
