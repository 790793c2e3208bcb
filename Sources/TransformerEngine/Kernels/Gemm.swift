// Single-precision matrix multiply: packed panels, a 6×8 SIMD register tile, threads over a fixed grid.

// MARK: - Operand views

/// A read-only matrix view with arbitrary strides, so transposed operands need no copy.
struct MatrixOperand {
    let base: UnsafePointer<Float>
    let rowStride: Int
    let columnStride: Int

    @inline(__always)
    func element(_ row: Int, _ column: Int) -> Float {
        base[row * rowStride + column * columnStride]
    }
}

// MARK: - Blocking constants

/// Register tile height (rows of A per micro-kernel call).
let gemmMR = 6
/// Register tile width (columns of B): one SIMD8<Float>, so 6 × 2 SSE or 6 × 1 AVX accumulators.
let gemmNR = 8
/// Depth of one packed panel; A's block (gemmMC × gemmKC) stays in L2, B's strip in L1.
let gemmKC = 256
/// Rows of C per work chunk (a multiple of gemmMR).
let gemmMC = 72
/// Columns of C per work chunk (a multiple of gemmNR).
let gemmNC = 512

// MARK: - GEMM

/// Computes `C = A · B` (or `C += A · B` when `accumulate`), with A m×k, B k×n, C m×n row-major
/// with row stride `ldc`. O(m·n·k).
///
/// Every element of C is summed in the same order (k ascending inside a panel, panels in
/// order) whatever the thread count or partition, and the kernel has one code path with
/// separate multiply and add, so results are bit-identical in debug, release, 1 or N threads.
func gemm(
    m: Int, n: Int, k: Int, a: MatrixOperand, b: MatrixOperand,
    c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool, parallel: Bool = true
) {
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
        if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
        return
    }
    let strips = (n + gemmNR - 1) / gemmNR
    let packedB = UnsafeMutablePointer<Float>.allocate(capacity: strips * gemmNR * min(k, gemmKC))
    defer { packedB.deallocate() }
    let mBlocks = (m + gemmMC - 1) / gemmMC
    let nBlocks = (n + gemmNC - 1) / gemmNC
    // Small products are not worth waking threads for.
    let useThreads = parallel && m * n * k >= 1 << 20
    var depth = 0
    while depth < k {
        let kc = min(gemmKC, k - depth)
        let panelB = MatrixOperand(
            base: b.base + depth * b.rowStride, rowStride: b.rowStride, columnStride: b.columnStride)
        let stripChunks = (strips + 15) / 16
        let packStrips: (Int) -> Void = { chunk in
            let first = chunk * 16
            for strip in first..<min(strips, first + 16) {
                packStripOfB(panelB, strip: strip, n: n, kc: kc, into: packedB + strip * gemmNR * kc)
            }
        }
        if useThreads { parallelChunks(stripChunks, packStrips) } else { (0..<stripChunks).forEach(packStrips) }

        let panelA = MatrixOperand(
            base: a.base + depth * a.columnStride, rowStride: a.rowStride, columnStride: a.columnStride)
        let addOnto = accumulate || depth > 0
        let computeBlock: (Int) -> Void = { chunk in
            let mBlock = chunk / nBlocks
            let nBlock = chunk % nBlocks
            let rows = mBlock * gemmMC..<min(m, (mBlock + 1) * gemmMC)
            let columns = nBlock * gemmNC..<min(n, (nBlock + 1) * gemmNC)
            computeBlockOfC(
                panelA: panelA, rows: rows, columns: columns, kc: kc, packedB: packedB,
                c: c, ldc: ldc, accumulate: addOnto)
        }
        if useThreads {
            parallelChunks(mBlocks * nBlocks, computeBlock)
        } else {
            (0..<(mBlocks * nBlocks)).forEach(computeBlock)
        }
        depth += kc
    }
}

// MARK: - Packing

/// Copies columns `strip*8 ..< strip*8+8` of a kc-deep panel of B into `kc` rows of 8,
/// zero-padding past column n, so the micro-kernel reads one contiguous vector per k.
@inline(__always)
private func packStripOfB(_ b: MatrixOperand, strip: Int, n: Int, kc: Int, into out: UnsafeMutablePointer<Float>) {
    let first = strip * gemmNR
    let width = min(gemmNR, n - first)
    if width == gemmNR && b.columnStride == 1 {
        for p in 0..<kc {
            let source = UnsafeRawPointer(b.base + p * b.rowStride + first)
            (UnsafeMutableRawPointer(out + p * gemmNR)).storeBytes(
                of: source.loadUnaligned(as: SIMD8<Float>.self), as: SIMD8<Float>.self)
        }
        return
    }
    for p in 0..<kc {
        let row = out + p * gemmNR
        for j in 0..<gemmNR {
            row[j] = j < width ? b.element(p, first + j) : 0
        }
    }
}

/// Copies rows `rows` of a kc-deep panel of A into strips of 6 rows, k-major, zero-padded.
@inline(__always)
private func packBlockOfA(_ a: MatrixOperand, rows: Range<Int>, kc: Int, into out: UnsafeMutablePointer<Float>) {
    var strip = 0
    var row = rows.lowerBound
    while row < rows.upperBound {
        let height = min(gemmMR, rows.upperBound - row)
        let destination = out + strip * gemmMR * kc
        if height == gemmMR && a.columnStride == 1 {
            let r0 = a.base + row * a.rowStride
            let r1 = r0 + a.rowStride, r2 = r1 + a.rowStride
            let r3 = r2 + a.rowStride, r4 = r3 + a.rowStride, r5 = r4 + a.rowStride
            for p in 0..<kc {
                let d = destination + p * gemmMR
                d[0] = r0[p]; d[1] = r1[p]; d[2] = r2[p]
                d[3] = r3[p]; d[4] = r4[p]; d[5] = r5[p]
            }
        } else {
            for p in 0..<kc {
                for i in 0..<gemmMR {
                    destination[p * gemmMR + i] = i < height ? a.element(row + i, p) : 0
                }
            }
        }
        row += gemmMR
        strip += 1
    }
}

// MARK: - Blocks and tiles

/// Packs A's rows for one chunk and runs the micro-kernel over every 6×8 tile of the block.
private func computeBlockOfC(
    panelA: MatrixOperand, rows: Range<Int>, columns: Range<Int>, kc: Int,
    packedB: UnsafeMutablePointer<Float>, c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
) {
    let aStrips = (rows.count + gemmMR - 1) / gemmMR
    let packedA = UnsafeMutablePointer<Float>.allocate(capacity: aStrips * gemmMR * kc)
    defer { packedA.deallocate() }
    packBlockOfA(panelA, rows: rows, kc: kc, into: packedA)
    var edge = [Float](repeating: 0, count: gemmMR * gemmNR)
    var column = columns.lowerBound
    while column < columns.upperBound {
        let width = min(gemmNR, columns.upperBound - column)
        let stripB = packedB + (column / gemmNR) * gemmNR * kc
        for strip in 0..<aStrips {
            let row = rows.lowerBound + strip * gemmMR
            let height = min(gemmMR, rows.upperBound - row)
            let stripA = packedA + strip * gemmMR * kc
            if height == gemmMR && width == gemmNR {
                microKernel(kc: kc, a: stripA, b: stripB, c: c + row * ldc + column, ldc: ldc, accumulate: accumulate)
            } else {
                // Edge tile: compute the full tile into a scratch tile, then copy the valid part.
                edge.withUnsafeMutableBufferPointer { tile in
                    let t = tile.baseAddress!
                    for i in 0..<height {
                        for j in 0..<width { t[i * gemmNR + j] = accumulate ? c[(row + i) * ldc + column + j] : 0 }
                    }
                    microKernel(kc: kc, a: stripA, b: stripB, c: t, ldc: gemmNR, accumulate: true)
                    for i in 0..<height {
                        for j in 0..<width { c[(row + i) * ldc + column + j] = t[i * gemmNR + j] }
                    }
                }
            }
        }
        column += gemmNR
    }
}

/// The register tile: C[6×8] (+)= Apanel[6×kc] · Bpanel[kc×8], twelve SSE accumulators. O(kc).
@inline(__always)
private func microKernel(
    kc: Int, a: UnsafePointer<Float>, b: UnsafePointer<Float>,
    c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
) {
    var c0 = SIMD8<Float>(), c1 = SIMD8<Float>(), c2 = SIMD8<Float>()
    var c3 = SIMD8<Float>(), c4 = SIMD8<Float>(), c5 = SIMD8<Float>()
    var ap = a
    var bp = UnsafeRawPointer(b)
    for _ in 0..<kc {
        let bv = bp.load(as: SIMD8<Float>.self)
        // Multiply then add (never fused), the same instructions in every build.
        c0 += SIMD8(repeating: ap[0]) * bv
        c1 += SIMD8(repeating: ap[1]) * bv
        c2 += SIMD8(repeating: ap[2]) * bv
        c3 += SIMD8(repeating: ap[3]) * bv
        c4 += SIMD8(repeating: ap[4]) * bv
        c5 += SIMD8(repeating: ap[5]) * bv
        ap += gemmMR
        bp += gemmNR * MemoryLayout<Float>.stride
    }
    let rows = [c0, c1, c2, c3, c4, c5]
    for i in 0..<gemmMR {
        let target = UnsafeMutableRawPointer(c + i * ldc)
        var value = rows[i]
        if accumulate { value += target.loadUnaligned(as: SIMD8<Float>.self) }
        target.storeBytes(of: value, as: SIMD8<Float>.self)
    }
}
