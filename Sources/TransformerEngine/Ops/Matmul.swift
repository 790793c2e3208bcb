// Matrix multiplication as a tensor op: batched, broadcasting batch axes, transposed operands.

// MARK: - Public API

/// The matrix product of `a` and `b` (see `Tensor.matmul(_:)`).
public func matmul(_ a: Tensor, _ b: Tensor) -> Tensor { a.matmul(b) }

extension Tensor {
    /// The matrix product `self · other`, batched over leading axes (which broadcast).
    ///
    /// `[…, m, k] · […, k, n] → […, m, n]`; a 1-d operand is treated as a row (left) or a
    /// column (right) vector and that axis is dropped from the result. O(batch·m·n·k).
    public func matmul(_ other: Tensor) -> Tensor {
        precondition(rank >= 1 && other.rank >= 1, "matmul: shapes \(shape) and \(other.shape) need at least 1 axis")
        let left = rank == 1 ? unsqueezed(axis: 0) : self
        let right = other.rank == 1 ? other.unsqueezed(axis: 1) : other
        var product = Tensor.matmul(left, right, transposeA: false, transposeB: false)
        if other.rank == 1 { product = product.squeezed(axis: -1) }
        if rank == 1 { product = product.squeezed(axis: product.rank - (other.rank == 1 ? 1 : 2)) }
        return product
    }

    // MARK: - With transposed operands

    /// `op(a) · op(b)` where op transposes the last two axes when asked, without copying.
    static func matmul(_ a: Tensor, _ b: Tensor, transposeA: Bool, transposeB: Bool) -> Tensor {
        let result = rawMatmul(a, b, transposeA: transposeA, transposeB: transposeB)
        return recorded(result, from: [a, b]) { g in
            let da: Tensor = transposeA
                ? rawMatmul(b, g, transposeA: transposeB, transposeB: true)
                : rawMatmul(g, b, transposeA: false, transposeB: !transposeB)
            let db: Tensor
            if b.rank == 2 && a.rank > 2 && !transposeA {
                // A shared weight: fold the batch into rows, one large product instead of many.
                let k = a.shape[a.rank - 1], n = g.shape[g.rank - 1]
                let a2 = a.detached().reshaped([a.count / k, k]), g2 = g.reshaped([g.count / n, n])
                db = transposeB ? rawMatmul(g2, a2, transposeA: true, transposeB: false)
                    : rawMatmul(a2, g2, transposeA: true, transposeB: false)
            } else {
                db = transposeB
                    ? rawMatmul(g, a, transposeA: true, transposeB: transposeA)
                    : rawMatmul(a, g, transposeA: !transposeA, transposeB: false)
            }
            return [da.summed(toShape: a.shape), db.summed(toShape: b.shape)]
        }
    }

    // MARK: - Affine map

    /// `x · weightᵀ + bias` over the last axis of `x` (rank ≥ 2) as one op: the bias is added to
    /// the product in place and its gradient is summed straight from the output's. The same
    /// arithmetic as `matmul` followed by `+` (bits included), one node and one tensor fewer.
    static func affine(_ x: Tensor, weight: Tensor, bias: Tensor) -> Tensor {
        let width = bias.count
        precondition(bias.shape == [weight.shape[0]],
            "Linear: bias \(bias.shape) does not match weight \(weight.shape)")
        // Each block of the product gets the bias as soon as it is final, on the thread that
        // computed it.
        let result = bias.scalars.withUnsafeBufferPointer { b in
            rawMatmul(x, weight, transposeA: false, transposeB: true) { y, rows, columns in
                for row in rows {
                    let start = y + row * width + columns.lowerBound
                    zipLanes(start, b.baseAddress! + columns.lowerBound, into: start, count: columns.count, +)
                }
            }
        }
        return recorded(result, from: [x, weight, bias]) { g in
            let columns = x.shape[x.rank - 1], rows = g.count / Swift.max(width, 1)
            // dx = g · W ([rows × columns]) and dW = gᵀ · x ([width × columns]) in one region, with
            // the bias gradient alongside: each block of 32 columns sums g's rows in order onto
            // zeros, as `sum(axis: 0)` does.
            var dxValues = [Float].forOverwriting(count: rows * columns)
            var dWeightValues = [Float].forOverwriting(count: width * columns)
            var dBias = [Float](repeating: 0, count: width)
            let biasBlocks = (width + 31) / 32
            g.scalars.withUnsafeBufferPointer { gs in
                weight.scalars.withUnsafeBufferPointer { w in
                    x.scalars.withUnsafeBufferPointer { xs in
                        dxValues.withUnsafeMutableBufferPointer { dx in
                            dWeightValues.withUnsafeMutableBufferPointer { dW in
                                dBias.withUnsafeMutableBufferPointer { db in
                                    gemmTogether(
                                        GemmProduct(
                                            m: rows, n: columns, k: width,
                                            a: MatrixOperand(base: gs.baseAddress!, rowStride: width, columnStride: 1),
                                            b: MatrixOperand(base: w.baseAddress!, rowStride: columns, columnStride: 1),
                                            c: dx.baseAddress!, ldc: columns, accumulate: false),
                                        GemmProduct(
                                            m: width, n: columns, k: rows,
                                            a: MatrixOperand(base: gs.baseAddress!, rowStride: 1, columnStride: width),
                                            b: MatrixOperand(base: xs.baseAddress!, rowStride: columns,
                                                columnStride: 1),
                                            c: dW.baseAddress!, ldc: columns, accumulate: false),
                                        alongsideChunks: biasBlocks
                                    ) { block in
                                        let first = block * 32
                                        addColumns(
                                            gs.baseAddress! + first, rowStride: width, rows: rows,
                                            into: db.baseAddress! + first, count: Swift.min(32, width - first))
                                    }
                                }
                            }
                        }
                    }
                }
            }
            let dx = Tensor(shape: x.shape, scalars: dxValues)
            let dWeight = Tensor(shape: weight.shape, scalars: dWeightValues)
            return [dx, dWeight, Tensor(shape: bias.shape, scalars: dBias)]
        }
    }

    // MARK: - Kernel dispatch

    /// The product without autograd: one GEMM when `b` is a shared matrix, else one per batch item.
    ///
    /// `finish(c, rows, columns)`, for a shared `b` and untransposed `a` (the product is then one
    /// GEMM of rows × n, whose output is `c`), runs on each final block of the product (see `gemm`).
    static func rawMatmul(
        _ a: Tensor, _ b: Tensor, transposeA: Bool, transposeB: Bool,
        finish: ((UnsafeMutablePointer<Float>, Range<Int>, Range<Int>) -> Void)? = nil
    ) -> Tensor {
        let (m, k, n) = require(checkMatmul(a.shape, b.shape, transposeA: transposeA, transposeB: transposeB))
        let batchA = Array(a.shape.dropLast(2)), batchB = Array(b.shape.dropLast(2))
        let batch = batchA == batchB ? batchA : broadcastShape(batchA, batchB,
            op: "matmul batch axes of \(a.shape) and \(b.shape)")
        let batchCount = batch.reduce(1, *)
        let total = batchCount * m * n
        let values = [Float](unsafeUninitializedCapacity: total) { out, initialized in
            a.scalars.withUnsafeBufferPointer { x in
                b.scalars.withUnsafeBufferPointer { y in
                    let aRow = transposeA ? 1 : k, aColumn = transposeA ? m : 1
                    let bRow = transposeB ? 1 : n, bColumn = transposeB ? k : 1
                    if batchB.isEmpty && !transposeA {
                        let c = out.baseAddress!
                        gemm(
                            m: batchCount * m, n: n, k: k,
                            a: MatrixOperand(base: x.baseAddress!, rowStride: k, columnStride: 1),
                            b: MatrixOperand(base: y.baseAddress!, rowStride: bRow, columnStride: bColumn),
                            c: c, ldc: n, accumulate: false, finish: finish.map { f in { f(c, $0, $1) } })
                        return
                    }
                    precondition(finish == nil, "rawMatmul: finish needs a shared right operand")
                    let stridesA = broadcastStrides(of: batchA, in: batch)
                    let stridesB = broadcastStrides(of: batchB, in: batch)
                    let matrixA = m * k, matrixB = k * n
                    let one: (Int) -> Void = { item in
                        var rest = item, offsetA = 0, offsetB = 0
                        for axis in stride(from: batch.count - 1, through: 0, by: -1) {
                            let index = rest % batch[axis]
                            rest /= batch[axis]
                            offsetA += index * stridesA[axis]
                            offsetB += index * stridesB[axis]
                        }
                        gemm(
                            m: m, n: n, k: k,
                            a: MatrixOperand(base: x.baseAddress! + offsetA * matrixA, rowStride: aRow,
                                columnStride: aColumn),
                            b: MatrixOperand(base: y.baseAddress! + offsetB * matrixB, rowStride: bRow,
                                columnStride: bColumn),
                            c: out.baseAddress! + item * m * n, ldc: n, accumulate: false, parallel: batchCount == 1)
                    }
                    if batchCount > 1 && m * n * k * batchCount >= 1 << 17 {
                        parallelChunks(batchCount, one)
                    } else {
                        (0..<batchCount).forEach(one)
                    }
                }
            }
            initialized = total
        }
        return Tensor(shape: batch + [m, n], scalars: values)
    }
}
