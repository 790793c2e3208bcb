// Scaled dot-product attention over all heads as one op: softmax(QKᵀ/√d_k + mask) V, with its gradient.

// MARK: - Fused attention

extension Tensor {
    /// Multi-head attention's core for queries [batch, n, d] and keys/values [batch, m, d] whose last
    /// axis holds `heads` heads side by side; returns the heads' outputs side by side, [batch, n, d].
    ///
    /// The same arithmetic as the op-by-op form in `MultiHeadAttention` (split heads, QKᵀ, scale,
    /// mask with −∞, softmax, · V, merge heads), with the same kernels, so the two give identical
    /// bits; as one op it needs no head transposes, no per-stage tensors and one graph
    /// node. `mask` (1 = may attend) must broadcast to [batch, heads, n, m]; returns nil when it
    /// does not, so the caller's op-by-op form reports the shapes. O(batch·heads·n·m·d_k).
    static func fusedAttention(query: Tensor, key: Tensor, value: Tensor, heads: Int, mask: Tensor?) -> Tensor? {
        let batch = query.shape[0], n = query.shape[1], d = query.shape[2], m = key.shape[1]
        let headSize = d / heads
        let layout = [batch, heads, n, m]
        var maskStrides: [Int]?
        if let mask {
            guard mask.rank <= 4, case .success(let shape) = checkBroadcast(mask.shape, layout, op: "attention mask"),
                  shape == layout
            else { return nil }
            maskStrides = broadcastStrides(of: mask.shape, in: layout)
        }
        let problem = AttentionProblem(
            batch: batch, heads: heads, queries: n, keys: m, headSize: headSize, model: d,
            scale: 1 / Float(headSize).squareRoot(), maskStrides: maskStrides)
        var weights = [Float].forOverwriting(count: batch * heads * n * m)
        var output = [Float].forOverwriting(count: batch * n * d)
        var blocks: [AttentionProblem.Blocks] = []
        withPointers(query, key, value, mask) { q, k, v, allowed in
            blocks = problem.blocks(allowed)
            weights.withUnsafeMutableBufferPointer { w in
                output.withUnsafeMutableBufferPointer { out in
                    problem.forEachHead { pair in
                        problem.forward(
                            pair, blocks: blocks[pair % blocks.count], q: q, k: k, v: v, allowed: allowed,
                            weights: w.baseAddress!, out: out.baseAddress!)
                    }
                }
            }
        }
        let result = Tensor(shape: query.shape, scalars: output)
        return recorded(result, from: [query, key, value]) { g in
            var dq = [Float].forOverwriting(count: query.count)
            var dk = [Float].forOverwriting(count: key.count)
            var dv = [Float].forOverwriting(count: value.count)
            withPointers(query, key, value, mask) { q, k, v, allowed in
                g.scalars.withUnsafeBufferPointer { dOut in
                    weights.withUnsafeBufferPointer { w in
                        dq.withUnsafeMutableBufferPointer { dq in
                            dk.withUnsafeMutableBufferPointer { dk in
                                dv.withUnsafeMutableBufferPointer { dv in
                                    problem.forEachHead { pair in
                                        problem.backward(
                                            pair, blocks: blocks[pair % blocks.count], dOut: dOut.baseAddress!, q: q,
                                            k: k, v: v, allowed: allowed, weights: w.baseAddress!, dq: dq.baseAddress!,
                                            dk: dk.baseAddress!, dv: dv.baseAddress!)
                                    }
                                }
                            }
                        }
                    }
                }
            }
            return [
                Tensor(shape: query.shape, scalars: dq), Tensor(shape: key.shape, scalars: dk),
                Tensor(shape: value.shape, scalars: dv),
            ]
        }
    }

    /// Runs `body` with base pointers to the scalars of q, k, v and the mask (nil without one).
    private static func withPointers(
        _ q: Tensor, _ k: Tensor, _ v: Tensor, _ mask: Tensor?,
        _ body: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>, UnsafePointer<Float>?) -> Void
    ) {
        q.scalars.withUnsafeBufferPointer { q in
            k.scalars.withUnsafeBufferPointer { k in
                v.scalars.withUnsafeBufferPointer { v in
                    guard let mask else { return body(q.baseAddress!, k.baseAddress!, v.baseAddress!, nil) }
                    mask.scalars.withUnsafeBufferPointer { allowed in
                        body(q.baseAddress!, k.baseAddress!, v.baseAddress!, allowed.baseAddress!)
                    }
                }
            }
        }
    }
}

// MARK: - One attention problem

/// Sizes and layout of one fused attention call; the work for one (batch item, head) pair.
///
/// Each product is one `gemm` over strided views of the heads (the same kernel and summation
/// order as the op-by-op form's batched matmul), so every value matches it bit for bit.
private struct AttentionProblem {
    let batch: Int
    let heads: Int
    let queries: Int
    let keys: Int
    let headSize: Int
    /// d_model: the row stride of q, k, v and the output.
    let model: Int
    let scale: Float
    /// Strides of the mask over [batch, heads, queries, keys]; nil without a mask.
    let maskStrides: [Int]?

    /// Calls `body` for every (batch item, head) pair, spread over threads when large enough.
    func forEachHead(_ body: (Int) -> Void) {
        let pairs = batch * heads
        if pairs > 1 && pairs * queries * keys * headSize >= 1 << 17 {
            parallelChunks(pairs, body)
        } else {
            for pair in 0..<pairs { body(pair) }
        }
    }

    /// Scales the first `width` entries of rows `rows` of one pair's score matrix `s` ([queries ×
    /// keys]) in place and applies the mask. An entry
    /// the mask blocks becomes `blocked`, after the scale (forward: −∞ scores, open ones value·scale)
    /// or before it (backward: (open ? value : 0)·scale). Eight lanes at a time where the mask's
    /// rows are contiguous (the usual layouts), entry by entry otherwise; each entry gets the same
    /// arithmetic either way, so the same bits. O(queries·keys).
    @inline(__always)
    private func scaleAndMask(
        _ pair: Int, _ s: UnsafeMutablePointer<Float>, _ allowed: UnsafePointer<Float>?, rows: Range<Int>, width: Int,
        blocked: Float, blockBeforeScale: Bool
    ) {
        let factor = Lanes(repeating: scale), fill = Lanes(repeating: blocked)
        @inline(__always)
        func apply(_ values: Lanes, _ mask: Lanes?) -> Lanes {
            guard let mask else { return values * factor }
            return blockBeforeScale
                ? values.replacing(with: fill, where: mask .== 0) * factor
                : (values * factor).replacing(with: fill, where: mask .== 0)
        }
        let whole = width / 8 * 8
        for i in rows {
            let row = s + i * keys
            var maskRow: UnsafePointer<Float>?
            if let allowed, let strides = maskStrides {
                let rowBase = allowed + (pair / heads) * strides[0] + (pair % heads) * strides[1] + i * strides[2]
                guard strides[3] == 1 else {
                    // A mask broadcast along the keys: entry by entry.
                    for j in 0..<width {
                        let open = rowBase[j * strides[3]] != 0
                        row[j] = blockBeforeScale
                            ? (open ? row[j] : blocked) * scale : (open ? row[j] * scale : blocked)
                    }
                    continue
                }
                maskRow = rowBase
            }
            var j = 0
            while j < whole {
                let mask = maskRow.map { UnsafeRawPointer($0 + j).loadUnaligned(as: Lanes.self) }
                let value = apply(UnsafeRawPointer(row + j).loadUnaligned(as: Lanes.self), mask)
                UnsafeMutableRawPointer(row + j).storeBytes(of: value, as: Lanes.self)
                j += 8
            }
            if whole < width {
                let rest = width - whole
                let mask = maskRow.map { loadLanes($0 + whole, count: rest) }
                storeLanes(apply(loadLanes(row + whole, count: rest), mask), to: row + whole, count: rest)
            }
        }
    }

    /// A head's block of a [batch, length, d_model] tensor: `length` rows of headSize.
    private func head(_ base: UnsafePointer<Float>) -> MatrixOperand {
        MatrixOperand(base: base, rowStride: model, columnStride: 1)
    }

    /// Runs `body` with a head's block of keys or values (`keys` rows of headSize at `base`)
    /// transposed into a row-major [headSize × keys] copy, which the GEMM tiles read in place
    /// (a transposed view would be packed on every call). The values are the same, so the bits.
    @inline(__always)
    private func withTransposedHead(_ base: UnsafePointer<Float>, _ body: (UnsafePointer<Float>) -> Void) {
        withUnsafeTemporaryAllocation(of: Float.self, capacity: headSize * keys) { buffer in
            let transposed = buffer.baseAddress!
            for j in 0..<keys {
                let row = base + j * model
                for p in 0..<headSize { transposed[p * keys + j] = row[p] }
            }
            body(transposed)
        }
    }

    /// A row-major matrix with `columns` floats per row.
    private func matrix(_ base: UnsafePointer<Float>, columns: Int) -> MatrixOperand {
        MatrixOperand(base: base, rowStride: columns, columnStride: 1)
    }

    // MARK: - Keys a mask leaves open

    /// One pair's work in blocks of 8: for each block of query rows, the keys before `end` (a
    /// multiple of 8, or all keys) hold every key any of its rows may attend; for each block of
    /// keys, the query rows from `start` on hold every row that may attend any of them.
    ///
    /// A causal mask leaves about half of each score matrix blocked. Blocked entries get weight
    /// exactly 0 and gradient exactly 0, so the products stop at `end` (trailing terms of 0) or
    /// start at `start` (leading terms of 0), and softmax runs over the open prefix with zeros
    /// after it (products longer than a GEMM panel keep the whole product's panel boundaries).
    /// Dropping terms that are exactly 0 leaves every sum unchanged, so the bits are
    /// those of the whole matrices (except that a sum that is exactly 0 may keep the sign of its
    /// zero, and a NaN or ∞ in a blocked key's value no longer reaches the output through 0 · ∞).
    /// Without a mask, or with one that blocks no whole block, there is one block each way.
    struct Blocks {
        var rows: [(rows: Range<Int>, end: Int)]
        var keys: [(keys: Range<Int>, start: Int)]
    }

    /// The blocks of every pair: one entry for all pairs when the mask is the same for all of them
    /// (no mask, or one broadcast over batch and heads, as a causal mask), else one per pair.
    /// O(pairs·queries·keys) at most, once per call of the op.
    func blocks(_ allowed: UnsafePointer<Float>?) -> [Blocks] {
        let whole = Blocks(rows: [(rows: 0..<queries, end: keys)], keys: [(keys: 0..<keys, start: 0)])
        guard let allowed, let strides = maskStrides, queries > 0, keys > 0 else { return [whole] }
        let distinct = strides[0] == 0 && strides[1] == 0 ? 1 : batch * heads
        return (0..<distinct).map { pair in
            // ends[i]: 1 + the last key query i may attend, 0 when it may attend none.
            let pairBase = allowed + (pair / heads) * strides[0] + (pair % heads) * strides[1]
            let ends = (0..<queries).map { i in
                let row = pairBase + i * strides[2]
                var end = keys
                while end > 0 && row[(end - 1) * strides[3]] == 0 { end -= 1 }
                return end
            }
            let rowBlocks = stride(from: 0, to: queries, by: 8).map { first in
                let rows = first..<Swift.min(queries, first + 8)
                return (rows: rows, end: Swift.min(keys, (ends[rows].max()! + 7) / 8 * 8))
            }
            let keyBlocks = stride(from: 0, to: keys, by: 8).map { first in
                // A product over rows start..<queries sums in panels of gemmKC rows counted from
                // `start`; the whole product's panels are counted from 0. Unless the rows left lie
                // in one panel, start at the boundary of the panel that holds `start`.
                let start = ends.firstIndex { $0 > first } ?? queries
                let aligned = start / gemmKC == (queries - 1) / gemmKC ? start : start / gemmKC * gemmKC
                return (keys: first..<Swift.min(keys, first + 8), start: aligned)
            }
            if rowBlocks.allSatisfy({ $0.end == keys }) && keyBlocks.allSatisfy({ $0.start == 0 }) { return whole }
            return Blocks(rows: rowBlocks, keys: keyBlocks)
        }
    }

    /// s = A · Hᵀ ([queries × keys]) for one pair: A's head block (queries rows) times the
    /// transpose of the head block H of keys or values at `keyBlock`, each row block up to its end.
    private func timesTransposedHead(
        _ a: UnsafePointer<Float>, _ keyBlock: UnsafePointer<Float>, blocks: Blocks, into s: UnsafeMutablePointer<Float>
    ) {
        withTransposedHead(keyBlock) { transposed in
            for (rows, end) in blocks.rows {
                gemm(
                    m: rows.count, n: end, k: headSize, a: head(a + rows.lowerBound * model),
                    b: matrix(transposed, columns: keys), c: s + rows.lowerBound * keys, ldc: keys, accumulate: false,
                    parallel: false)
            }
        }
    }

    /// c = sᵀ · A ([keys × headSize], rows `model` apart) for one pair: the transpose of its
    /// [queries × keys] matrix `s` (weights or score gradients) times A's head block (queries
    /// rows), each block of keys from its `start` row on.
    private func transposedTimesHead(
        _ s: UnsafePointer<Float>, _ a: UnsafePointer<Float>, blocks: Blocks, into c: UnsafeMutablePointer<Float>
    ) {
        for (block, start) in blocks.keys {
            gemm(
                m: block.count, n: headSize, k: queries - start,
                a: MatrixOperand(base: s + start * keys + block.lowerBound, rowStride: 1, columnStride: keys),
                b: head(a + start * model), c: c + block.lowerBound * model, ldc: model, accumulate: false,
                parallel: false)
        }
    }

    // MARK: - Forward

    /// Weights (kept for backward) and output columns of one pair.
    func forward(
        _ pair: Int, blocks: Blocks, q: UnsafePointer<Float>, k: UnsafePointer<Float>, v: UnsafePointer<Float>,
        allowed: UnsafePointer<Float>?, weights: UnsafeMutablePointer<Float>, out: UnsafeMutablePointer<Float>
    ) {
        let b = pair / heads, column = (pair % heads) * headSize
        let queryBase = b * queries * model + column, keyBase = b * keys * model + column
        let w = weights + pair * queries * keys
        // Scores QKᵀ, scaled, masked with −∞, softmax row by row (zeros after a block's end).
        timesTransposedHead(q + queryBase, k + keyBase, blocks: blocks, into: w)
        for (rows, end) in blocks.rows {
            let scores = w + rows.lowerBound * keys
            scaleAndMask(pair, w, allowed, rows: rows, width: end, blocked: -.infinity, blockBeforeScale: false)
            Elementwise.softmaxRows(scores, into: scores, rows: rows.count, n: end, rowStride: keys)
            // Output W · V into this head's columns.
            gemm(
                m: rows.count, n: headSize, k: end, a: matrix(scores, columns: keys), b: head(v + keyBase),
                c: out + queryBase + rows.lowerBound * model, ldc: model, accumulate: false, parallel: false)
        }
    }

    // MARK: - Backward

    /// Gradients of q, k and v columns of one pair from the output gradient.
    func backward(
        _ pair: Int, blocks: Blocks, dOut: UnsafePointer<Float>, q: UnsafePointer<Float>, k: UnsafePointer<Float>,
        v: UnsafePointer<Float>, allowed: UnsafePointer<Float>?, weights: UnsafePointer<Float>,
        dq: UnsafeMutablePointer<Float>, dk: UnsafeMutablePointer<Float>, dv: UnsafeMutablePointer<Float>
    ) {
        let b = pair / heads, column = (pair % heads) * headSize
        let queryBase = b * queries * model + column, keyBase = b * keys * model + column
        let w = weights + pair * queries * keys
        let dScores = UnsafeMutablePointer<Float>.allocate(capacity: queries * keys)
        defer { dScores.deallocate() }
        // dV = Wᵀ · dO.
        transposedTimesHead(w, dOut + queryBase, blocks: blocks, into: dv + keyBase)
        // dW = dO · Vᵀ, then back through softmax, the mask (no gradient where blocked) and the scale.
        timesTransposedHead(dOut + queryBase, v + keyBase, blocks: blocks, into: dScores)
        for (rows, end) in blocks.rows {
            let scores = dScores + rows.lowerBound * keys
            Elementwise.softmaxBackwardRows(
                scores, w + rows.lowerBound * keys, into: scores, rows: rows.count, n: end, rowStride: keys)
            scaleAndMask(pair, dScores, allowed, rows: rows, width: end, blocked: 0, blockBeforeScale: true)
            // dQ = dS · K.
            gemm(
                m: rows.count, n: headSize, k: end, a: matrix(scores, columns: keys), b: head(k + keyBase),
                c: dq + queryBase + rows.lowerBound * model, ldc: model, accumulate: false, parallel: false)
        }
        // dK = dSᵀ · Q.
        transposedTimesHead(dScores, q + queryBase, blocks: blocks, into: dk + keyBase)
    }
}
