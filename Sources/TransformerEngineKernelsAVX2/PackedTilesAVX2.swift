// The GEMM register tiles compiled for AVX2 (haswell); TransformerEngine calls them only on CPUs that have it.
//
// This module is built with `-target-cpu haswell`, so SIMD8<Float> arithmetic becomes one
// 256-bit instruction instead of two SSE ones. Multiply and add stay separate instructions
// (Swift never contracts them into FMA), and every element of C is summed in the same order
// as the generic kernel in TransformerEngine/Kernels/Gemm.swift, so both give identical bits.
// Nothing here is inlinable: its code must never be copied into a module built for plain x86-64.
// On other architectures the module is empty and TransformerEngine never asks for it.

import TransformerEngineKernelsShared

#if arch(x86_64)

// MARK: - Entry point

/// Computes one block of C from packed panels: `C[rows, columns] (+)= Apacked · Bpacked`.
///
/// - `packedA`: `rowCount` rows in strips of 6, k-major (6 values per k), zero-padded.
/// - `packedB`: the whole kc-deep panel of B in strips of 8 columns, 8 values per k, zero-padded;
///   strip `j` starts at `packedB + j * 8 * kc`.
/// - `c`: C's element at (first row of the block, column 0), row stride `ldc`.
/// - `columns`: the block's columns, `firstColumn` a multiple of 8.
///
/// Tiles are 6×16 (two B strips) where the block allows, else 6×8.
/// Each element's sum runs k ascending from zero, then adds C once when `accumulate`.
@inline(never)
public func avx2MultiplyPackedBlock(
    kc: Int, packedA: UnsafePointer<Float>, rowCount: Int,
    packedB: UnsafePointer<Float>, firstColumn: Int, columnCount: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
) {
    multiplyBlock(
        SixRows.self, kc: kc,
        a: StridedRows(base: packedA, rowStride: 1, depthStride: gemmMR, stripStride: gemmMR * kc),
        rowCount: rowCount, b: StridedStrips(base: packedB, depthStride: gemmNR, stripStride: gemmNR * kc),
        firstColumn: firstColumn, columnCount: columnCount, c: c, ldc: ldc, accumulate: accumulate)
}

/// The same block product reading A in place, element (i, p) at `a + i * rowStride + p * columnStride`,
/// instead of from a packed copy: for small products, where packing A costs as much as using it.
/// B comes as strips of 8 columns: column `8s + j` at depth p is `b + s * bStripStride + p * bDepthStride + j`
/// (a packed panel: 8 and 8·kc; a row-major B read in place: its row stride and 8).
/// The same sums in the same order as `avx2MultiplyPackedBlock`, so the same bits.
@inline(never)
public func avx2MultiplyBlock(
    kc: Int, a: UnsafePointer<Float>, rowStride: Int, columnStride: Int, rowCount: Int,
    b: UnsafePointer<Float>, bDepthStride: Int, bStripStride: Int, firstColumn: Int, columnCount: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
) {
    multiplyBlock(
        FourRows.self, kc: kc,
        a: StridedRows(
            base: a, rowStride: rowStride, depthStride: columnStride, stripStride: gemmInPlaceMR * rowStride),
        rowCount: rowCount, b: StridedStrips(base: b, depthStride: bDepthStride, stripStride: bStripStride),
        firstColumn: firstColumn, columnCount: columnCount, c: c, ldc: ldc, accumulate: accumulate)
}

// MARK: - Reading A and B

/// Rows of A for the tiles: element (i, p) of strip s at `base + s * stripStride + i * rowStride + p * depthStride`.
private struct StridedRows {
    let base: UnsafePointer<Float>
    let rowStride: Int
    let depthStride: Int
    let stripStride: Int

    /// Row `i` of strip `strip`, or its last valid row when `i` is past `height` (a zero-padded
    /// packed strip has those rows, a matrix read in place does not; their sums are not stored).
    @inline(__always)
    func row(_ i: Int, strip: Int, height: Int) -> UnsafePointer<Float> {
        base + strip * stripStride + min(i, height - 1) * rowStride
    }
}

/// Strips of 8 columns of B: column `8s + j` at depth p is `base + s * stripStride + p * depthStride + j`.
private struct StridedStrips {
    let base: UnsafePointer<Float>
    let depthStride: Int
    let stripStride: Int
}

// MARK: - Tile shapes

/// The rows of A one register tile reads, and its products with two B strips (16 columns) or one.
private protocol RegisterTile {
    /// Rows per tile.
    static var height: Int { get }
    init(_ a: StridedRows, strip: Int, height: Int)
    func multiply16(
        kc: Int, step: Int, b: UnsafePointer<Float>, bSteps: StridedStrips, c: UnsafeMutablePointer<Float>, ldc: Int,
        accumulate: Bool
    )
    func multiply8(
        kc: Int, step: Int, b: UnsafePointer<Float>, bSteps: StridedStrips, c: UnsafeMutablePointer<Float>, ldc: Int,
        accumulate: Bool
    )
}

/// Six rows: packed A's strips. 6×16 runs as two 3×16 passes, 6×8 in one.
private struct SixRows: RegisterTile {
    static var height: Int { gemmMR }
    let r0, r1, r2, r3, r4, r5: UnsafePointer<Float>

    @inline(__always)
    init(_ a: StridedRows, strip: Int, height: Int) {
        func row(_ i: Int) -> UnsafePointer<Float> { a.row(i, strip: strip, height: height) }
        (r0, r1, r2, r3, r4, r5) = (row(0), row(1), row(2), row(3), row(4), row(5))
    }

    @inline(__always)
    func multiply16(
        kc: Int, step: Int, b: UnsafePointer<Float>, bSteps: StridedStrips, c: UnsafeMutablePointer<Float>, ldc: Int,
        accumulate: Bool
    ) {
        tile6x16(kc: kc, self, step: step, b: b, bSteps: bSteps, c: c, ldc: ldc, accumulate: accumulate)
    }

    @inline(__always)
    func multiply8(
        kc: Int, step: Int, b: UnsafePointer<Float>, bSteps: StridedStrips, c: UnsafeMutablePointer<Float>, ldc: Int,
        accumulate: Bool
    ) {
        tile6x8(kc: kc, self, step: step, b: b, bSteps: bSteps, c: c, ldc: ldc, accumulate: accumulate)
    }
}

/// Four rows: A read in place. 4×16 in one pass with eight accumulators, 4×8 with four.
private struct FourRows: RegisterTile {
    static var height: Int { gemmInPlaceMR }
    let r0, r1, r2, r3: UnsafePointer<Float>

    @inline(__always)
    init(_ a: StridedRows, strip: Int, height: Int) {
        func row(_ i: Int) -> UnsafePointer<Float> { a.row(i, strip: strip, height: height) }
        (r0, r1, r2, r3) = (row(0), row(1), row(2), row(3))
    }

    @inline(__always)
    func multiply16(
        kc: Int, step: Int, b: UnsafePointer<Float>, bSteps: StridedStrips, c: UnsafeMutablePointer<Float>, ldc: Int,
        accumulate: Bool
    ) {
        tile4x16(kc: kc, self, step: step, b: b, bSteps: bSteps, c: c, ldc: ldc, accumulate: accumulate)
    }

    @inline(__always)
    func multiply8(
        kc: Int, step: Int, b: UnsafePointer<Float>, bSteps: StridedStrips, c: UnsafeMutablePointer<Float>, ldc: Int,
        accumulate: Bool
    ) {
        tile4x8(kc: kc, self, step: step, b: b, bSteps: bSteps, c: c, ldc: ldc, accumulate: accumulate)
    }
}

// MARK: - Blocks

/// The block product in tiles of `Tile.height` rows × 16 (or 8) columns; edge tiles run in full
/// on a scratch copy of C, and only their valid part is written back.
@inline(__always)
private func multiplyBlock<Tile: RegisterTile>(
    _: Tile.Type, kc: Int, a: StridedRows, rowCount: Int, b: StridedStrips, firstColumn: Int, columnCount: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
) {
    let height = Tile.height
    let strips = (rowCount + height - 1) / height
    let end = firstColumn + columnCount
    withUnsafeTemporaryAllocation(of: Float.self, capacity: height * 2 * gemmNR) { scratch in
        let edge = scratch.baseAddress!
        var column = firstColumn
        while column < end {
            let width = min(2 * gemmNR, end - column)
            let stripB = b.base + (column / gemmNR) * b.stripStride
            let wide = width > gemmNR
            for strip in 0..<strips {
                let row = strip * height
                let rowsHere = min(height, rowCount - row)
                let tile = Tile(a, strip: strip, height: rowsHere)
                let target = c + row * ldc + column
                if rowsHere == height && width == 2 * gemmNR {
                    tile.multiply16(kc: kc, step: a.depthStride, b: stripB, bSteps: b, c: target, ldc: ldc,
                        accumulate: accumulate)
                } else if rowsHere == height && width == gemmNR {
                    tile.multiply8(kc: kc, step: a.depthStride, b: stripB, bSteps: b, c: target, ldc: ldc,
                        accumulate: accumulate)
                } else {
                    let scratchWidth = wide ? 2 * gemmNR : gemmNR
                    for i in 0..<height {
                        for j in 0..<scratchWidth {
                            let inside = i < rowsHere && j < width
                            edge[i * scratchWidth + j] = accumulate && inside ? target[i * ldc + j] : 0
                        }
                    }
                    if wide {
                        tile.multiply16(kc: kc, step: a.depthStride, b: stripB, bSteps: b, c: edge, ldc: scratchWidth,
                            accumulate: true)
                    } else {
                        tile.multiply8(kc: kc, step: a.depthStride, b: stripB, bSteps: b, c: edge, ldc: scratchWidth,
                            accumulate: true)
                    }
                    for i in 0..<rowsHere {
                        for j in 0..<width { target[i * ldc + j] = edge[i * scratchWidth + j] }
                    }
                }
            }
            column += 2 * gemmNR
        }
    }
}

// MARK: - Register tiles

/// C[4×16] (+)= A[4×kc] · two B strips in one pass: eight 256-bit accumulators. O(kc).
@inline(__always)
private func tile4x16(
    kc: Int, _ rows: FourRows, step: Int, b: UnsafePointer<Float>, bSteps: StridedStrips,
    c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
) {
    var l0 = SIMD8<Float>(), l1 = SIMD8<Float>(), l2 = SIMD8<Float>(), l3 = SIMD8<Float>()
    var r0 = SIMD8<Float>(), r1 = SIMD8<Float>(), r2 = SIMD8<Float>(), r3 = SIMD8<Float>()
    let a0 = rows.r0, a1 = rows.r1, a2 = rows.r2, a3 = rows.r3
    // One B pointer (the right strip at a fixed distance) and one A offset: few registers to
    // advance, wrapping adds (they cannot overflow here), so the loop is loads and arithmetic.
    var left = UnsafeRawPointer(b)
    let rightBytes = bSteps.stripStride &* MemoryLayout<Float>.stride
    let bStep = bSteps.depthStride &* MemoryLayout<Float>.stride
    var offset = 0
    var remaining = kc
    while remaining > 0 {
        let bl = left.loadUnaligned(as: SIMD8<Float>.self)
        let br = left.loadUnaligned(fromByteOffset: rightBytes, as: SIMD8<Float>.self)
        // Multiply then add (never fused): the generic kernel's exact rounding.
        let x0 = SIMD8<Float>(repeating: a0[offset])
        l0 += x0 * bl
        r0 += x0 * br
        let x1 = SIMD8<Float>(repeating: a1[offset])
        l1 += x1 * bl
        r1 += x1 * br
        let x2 = SIMD8<Float>(repeating: a2[offset])
        l2 += x2 * bl
        r2 += x2 * br
        let x3 = SIMD8<Float>(repeating: a3[offset])
        l3 += x3 * bl
        r3 += x3 * br
        offset &+= step
        left += bStep
        remaining &-= 1
    }
    store(l0, r0, into: c, accumulate: accumulate)
    store(l1, r1, into: c + ldc, accumulate: accumulate)
    store(l2, r2, into: c + 2 * ldc, accumulate: accumulate)
    store(l3, r3, into: c + 3 * ldc, accumulate: accumulate)
}

/// C[4×8] (+)= A[4×kc] · one B strip: four 256-bit accumulators. O(kc).
@inline(__always)
private func tile4x8(
    kc: Int, _ rows: FourRows, step: Int, b: UnsafePointer<Float>, bSteps: StridedStrips,
    c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
) {
    var c0 = SIMD8<Float>(), c1 = SIMD8<Float>(), c2 = SIMD8<Float>(), c3 = SIMD8<Float>()
    let a0 = rows.r0, a1 = rows.r1, a2 = rows.r2, a3 = rows.r3
    var bp = UnsafeRawPointer(b)
    let bStep = bSteps.depthStride &* MemoryLayout<Float>.stride
    var offset = 0
    var remaining = kc
    while remaining > 0 {
        let bv = bp.loadUnaligned(as: SIMD8<Float>.self)
        c0 += SIMD8(repeating: a0[offset]) * bv
        c1 += SIMD8(repeating: a1[offset]) * bv
        c2 += SIMD8(repeating: a2[offset]) * bv
        c3 += SIMD8(repeating: a3[offset]) * bv
        offset &+= step
        bp += bStep
        remaining &-= 1
    }
    store(c0, into: c, accumulate: accumulate)
    store(c1, into: c + ldc, accumulate: accumulate)
    store(c2, into: c + 2 * ldc, accumulate: accumulate)
    store(c3, into: c + 3 * ldc, accumulate: accumulate)
}

/// C[6×16] (+)= A[6×kc] · (B strip, next B strip)[kc×16], as two 3-row passes. O(kc).
///
/// Six 256-bit accumulators per pass, plus two B vectors and a broadcast, fit the sixteen
/// AVX2 registers without spilling, which a single twelve-accumulator pass does not.
/// `rows` are the six rows of A; `step` is the distance between consecutive depths in each.
@inline(__always)
private func tile6x16(
    kc: Int, _ rows: SixRows, step: Int, b: UnsafePointer<Float>, bSteps: StridedStrips,
    c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
) {
    tile3x16(kc: kc, rows.r0, rows.r1, rows.r2, step: step, b: b, bSteps: bSteps, c: c, ldc: ldc,
        accumulate: accumulate)
    tile3x16(
        kc: kc, rows.r3, rows.r4, rows.r5, step: step, b: b, bSteps: bSteps, c: c + 3 * ldc, ldc: ldc,
        accumulate: accumulate)
}

/// C[3×16] (+)= three rows of A · two B strips. O(kc).
@inline(__always)
private func tile3x16(
    kc: Int, _ a0: UnsafePointer<Float>, _ a1: UnsafePointer<Float>, _ a2: UnsafePointer<Float>, step: Int,
    b: UnsafePointer<Float>, bSteps: StridedStrips, c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
) {
    var l0 = SIMD8<Float>(), l1 = SIMD8<Float>(), l2 = SIMD8<Float>()
    var r0 = SIMD8<Float>(), r1 = SIMD8<Float>(), r2 = SIMD8<Float>()
    var left = UnsafeRawPointer(b)
    let rightBytes = bSteps.stripStride &* MemoryLayout<Float>.stride
    let bStep = bSteps.depthStride &* MemoryLayout<Float>.stride
    var offset = 0
    var remaining = kc
    while remaining > 0 {
        let bl = left.loadUnaligned(as: SIMD8<Float>.self)
        let br = left.loadUnaligned(fromByteOffset: rightBytes, as: SIMD8<Float>.self)
        // Multiply then add (never fused): the generic kernel's exact rounding.
        let x0 = SIMD8<Float>(repeating: a0[offset])
        l0 += x0 * bl
        r0 += x0 * br
        let x1 = SIMD8<Float>(repeating: a1[offset])
        l1 += x1 * bl
        r1 += x1 * br
        let x2 = SIMD8<Float>(repeating: a2[offset])
        l2 += x2 * bl
        r2 += x2 * br
        offset &+= step
        left += bStep
        remaining &-= 1
    }
    store(l0, r0, into: c, accumulate: accumulate)
    store(l1, r1, into: c + ldc, accumulate: accumulate)
    store(l2, r2, into: c + 2 * ldc, accumulate: accumulate)
}

/// C[6×8] (+)= A[6×kc] · B strip[kc×8]: six 256-bit accumulators. O(kc).
@inline(__always)
private func tile6x8(
    kc: Int, _ rows: SixRows, step: Int, b: UnsafePointer<Float>, bSteps: StridedStrips,
    c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
) {
    var c0 = SIMD8<Float>(), c1 = SIMD8<Float>(), c2 = SIMD8<Float>()
    var c3 = SIMD8<Float>(), c4 = SIMD8<Float>(), c5 = SIMD8<Float>()
    let a0 = rows.r0, a1 = rows.r1, a2 = rows.r2, a3 = rows.r3, a4 = rows.r4, a5 = rows.r5
    var bp = UnsafeRawPointer(b)
    let bStep = bSteps.depthStride &* MemoryLayout<Float>.stride
    var offset = 0
    var remaining = kc
    while remaining > 0 {
        let bv = bp.loadUnaligned(as: SIMD8<Float>.self)
        c0 += SIMD8(repeating: a0[offset]) * bv
        c1 += SIMD8(repeating: a1[offset]) * bv
        c2 += SIMD8(repeating: a2[offset]) * bv
        c3 += SIMD8(repeating: a3[offset]) * bv
        c4 += SIMD8(repeating: a4[offset]) * bv
        c5 += SIMD8(repeating: a5[offset]) * bv
        offset &+= step
        bp += bStep
        remaining &-= 1
    }
    store(c0, into: c, accumulate: accumulate)
    store(c1, into: c + ldc, accumulate: accumulate)
    store(c2, into: c + 2 * ldc, accumulate: accumulate)
    store(c3, into: c + 3 * ldc, accumulate: accumulate)
    store(c4, into: c + 4 * ldc, accumulate: accumulate)
    store(c5, into: c + 5 * ldc, accumulate: accumulate)
}

// MARK: - Stores

/// Writes 8 sums to `c`, adding C's old values first when accumulating (sum + old, as the generic kernel).
@inline(__always)
private func store(_ sums: SIMD8<Float>, into c: UnsafeMutablePointer<Float>, accumulate: Bool) {
    let target = UnsafeMutableRawPointer(c)
    var value = sums
    if accumulate { value += target.loadUnaligned(as: SIMD8<Float>.self) }
    target.storeBytes(of: value, as: SIMD8<Float>.self)
}

/// Writes 16 sums (two halves) to `c`.
@inline(__always)
private func store(_ left: SIMD8<Float>, _ right: SIMD8<Float>, into c: UnsafeMutablePointer<Float>, accumulate: Bool) {
    store(left, into: c, accumulate: accumulate)
    store(right, into: c + gemmNR, accumulate: accumulate)
}

#endif
