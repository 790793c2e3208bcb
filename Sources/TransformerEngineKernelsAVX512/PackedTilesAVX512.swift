// GEMM's packed-panel register tiles for AVX-512 (24×16, 24 accumulators), called only on CPUs that have it.
//
// Built with `-target-cpu skylake-avx512`: SIMD16<Float> is one ZMM register and there are 32
// of them, so a 24×16 tile keeps 24 accumulators and one B vector in registers. Per depth step
// that is one load of B and 24 multiplies and 24 adds, each multiply taking its broadcast of A
// as a memory operand ({1to16}): a broadcast used once folds into the multiply, while 12×32
// tiles (each broadcast used twice) need a separate broadcast instruction, which on this
// project's Zen 4 host competes with the arithmetic and ran slower than the AVX2 tiles.
// Multiply and add stay separate instructions (Swift never contracts them into FMA), and each
// element of C is summed in the same order as the generic and AVX2 kernels (k ascending from
// zero within the panel, then C added once when accumulating), so all give identical bits.
// Nothing here is inlinable.

import TransformerEngineKernelsShared

#if arch(x86_64)

private typealias Vector = SIMD16<Float>

// MARK: - Entry point

/// Computes one block of C from a packed panel of A and a panel of B: `C[rows, columns] (+)= Apacked · B`.
///
/// - `packedA`: `rowCount` rows in strips of 6, k-major (6 values per k), zero-padded.
/// - `b`: the kc-deep panel of B as strips of 16 columns: the 16 values of strip `j` at depth `p`
///   start at `b + j * bStripStride + p * bDepthStride` (packed: 16 and 16·kc, zero-padded; B read
///   in place: its row stride and 16, when its width is a multiple of 16).
/// - `c`: C's element at (first row of the block, column 0), row stride `ldc`.
/// - `firstColumn`: a multiple of 16.
///
/// Tiles are 24×16 where the block allows, else 6×16; partial tiles at the edges run in full on a
/// scratch copy of C and only their valid part is written back.
@inline(never)
public func avx512MultiplyPackedBlock(
    kc: Int, packedA: UnsafePointer<Float>, rowCount: Int,
    b: UnsafePointer<Float>, bDepthStride: Int, bStripStride: Int, firstColumn: Int, columnCount: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
) {
    let bStep = bDepthStride * MemoryLayout<Float>.stride
    let strips = (rowCount + gemmMR - 1) / gemmMR
    let end = firstColumn + columnCount
    withUnsafeTemporaryAllocation(of: Float.self, capacity: gemmMR * gemmWideNR) { scratch in
        let edge = scratch.baseAddress!
        var column = firstColumn
        while column < end {
            let width = min(gemmWideNR, end - column)
            let bStrip = UnsafeRawPointer(b + (column / gemmWideNR) * bStripStride)
            var strip = 0
            while strip < strips {
                let a = packedA + strip * gemmMR * kc
                let target = c + strip * gemmMR * ldc + column
                if strip + 4 <= strips && rowCount - strip * gemmMR >= 4 * gemmMR && width == gemmWideNR {
                    tile24x16(
                        kc: kc, a: a, aStripStride: gemmMR * kc, b: bStrip, bStep: bStep, c: target, ldc: ldc,
                        accumulate: accumulate)
                    strip += 4
                    continue
                }
                let rowsHere = min(gemmMR, rowCount - strip * gemmMR)
                if rowsHere == gemmMR && width == gemmWideNR {
                    tile6x16(kc: kc, a: a, b: bStrip, bStep: bStep, c: target, ldc: ldc, accumulate: accumulate)
                } else {
                    for i in 0..<gemmMR {
                        for j in 0..<gemmWideNR {
                            edge[i * gemmWideNR + j] =
                                accumulate && i < rowsHere && j < width ? target[i * ldc + j] : 0
                        }
                    }
                    tile6x16(kc: kc, a: a, b: bStrip, bStep: bStep, c: edge, ldc: gemmWideNR, accumulate: true)
                    for i in 0..<rowsHere {
                        for j in 0..<width { target[i * ldc + j] = edge[i * gemmWideNR + j] }
                    }
                }
                strip += 1
            }
            column += gemmWideNR
        }
    }
}

// MARK: - Register tiles

/// C[24×16] (+)= four 6-row strips of A · one B strip: 24 accumulators, each broadcast of A used
/// once, so it can be the multiply's memory operand. O(kc).
@inline(__always)
private func tile24x16(
    kc: Int, a: UnsafePointer<Float>, aStripStride: Int, b: UnsafeRawPointer, bStep: Int,
    c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool
) {
    var c0 = Vector(), c1 = Vector(), c2 = Vector(), c3 = Vector(), c4 = Vector(), c5 = Vector()
    var c6 = Vector(), c7 = Vector(), c8 = Vector(), c9 = Vector(), c10 = Vector(), c11 = Vector()
    var c12 = Vector(), c13 = Vector(), c14 = Vector(), c15 = Vector(), c16 = Vector(), c17 = Vector()
    var c18 = Vector(), c19 = Vector(), c20 = Vector(), c21 = Vector(), c22 = Vector(), c23 = Vector()
    let s0 = a, s1 = a + aStripStride, s2 = a + 2 * aStripStride, s3 = a + 3 * aStripStride
    var left = b
    var offset = 0
    var remaining = kc
    while remaining > 0 {
        let bv = left.loadUnaligned(as: Vector.self)
        c0 += Vector(repeating: s0[offset]) * bv
        c1 += Vector(repeating: s0[offset &+ 1]) * bv
        c2 += Vector(repeating: s0[offset &+ 2]) * bv
        c3 += Vector(repeating: s0[offset &+ 3]) * bv
        c4 += Vector(repeating: s0[offset &+ 4]) * bv
        c5 += Vector(repeating: s0[offset &+ 5]) * bv
        c6 += Vector(repeating: s1[offset]) * bv
        c7 += Vector(repeating: s1[offset &+ 1]) * bv
        c8 += Vector(repeating: s1[offset &+ 2]) * bv
        c9 += Vector(repeating: s1[offset &+ 3]) * bv
        c10 += Vector(repeating: s1[offset &+ 4]) * bv
        c11 += Vector(repeating: s1[offset &+ 5]) * bv
        c12 += Vector(repeating: s2[offset]) * bv
        c13 += Vector(repeating: s2[offset &+ 1]) * bv
        c14 += Vector(repeating: s2[offset &+ 2]) * bv
        c15 += Vector(repeating: s2[offset &+ 3]) * bv
        c16 += Vector(repeating: s2[offset &+ 4]) * bv
        c17 += Vector(repeating: s2[offset &+ 5]) * bv
        c18 += Vector(repeating: s3[offset]) * bv
        c19 += Vector(repeating: s3[offset &+ 1]) * bv
        c20 += Vector(repeating: s3[offset &+ 2]) * bv
        c21 += Vector(repeating: s3[offset &+ 3]) * bv
        c22 += Vector(repeating: s3[offset &+ 4]) * bv
        c23 += Vector(repeating: s3[offset &+ 5]) * bv
        offset &+= gemmMR
        left += bStep
        remaining &-= 1
    }
    store(c0, into: c, accumulate: accumulate)
    store(c1, into: c + ldc, accumulate: accumulate)
    store(c2, into: c + 2 * ldc, accumulate: accumulate)
    store(c3, into: c + 3 * ldc, accumulate: accumulate)
    store(c4, into: c + 4 * ldc, accumulate: accumulate)
    store(c5, into: c + 5 * ldc, accumulate: accumulate)
    store(c6, into: c + 6 * ldc, accumulate: accumulate)
    store(c7, into: c + 7 * ldc, accumulate: accumulate)
    store(c8, into: c + 8 * ldc, accumulate: accumulate)
    store(c9, into: c + 9 * ldc, accumulate: accumulate)
    store(c10, into: c + 10 * ldc, accumulate: accumulate)
    store(c11, into: c + 11 * ldc, accumulate: accumulate)
    store(c12, into: c + 12 * ldc, accumulate: accumulate)
    store(c13, into: c + 13 * ldc, accumulate: accumulate)
    store(c14, into: c + 14 * ldc, accumulate: accumulate)
    store(c15, into: c + 15 * ldc, accumulate: accumulate)
    store(c16, into: c + 16 * ldc, accumulate: accumulate)
    store(c17, into: c + 17 * ldc, accumulate: accumulate)
    store(c18, into: c + 18 * ldc, accumulate: accumulate)
    store(c19, into: c + 19 * ldc, accumulate: accumulate)
    store(c20, into: c + 20 * ldc, accumulate: accumulate)
    store(c21, into: c + 21 * ldc, accumulate: accumulate)
    store(c22, into: c + 22 * ldc, accumulate: accumulate)
    store(c23, into: c + 23 * ldc, accumulate: accumulate)
}

/// C[6×16] (+)= one 6-row strip of A · one B strip: 6 accumulators. O(kc).
@inline(__always)
private func tile6x16(
    kc: Int, a: UnsafePointer<Float>, b: UnsafeRawPointer, bStep: Int, c: UnsafeMutablePointer<Float>, ldc: Int,
    accumulate: Bool
) {
    var c0 = Vector(), c1 = Vector(), c2 = Vector(), c3 = Vector(), c4 = Vector(), c5 = Vector()
    var top = a
    var left = b
    var remaining = kc
    while remaining > 0 {
        let bv = left.loadUnaligned(as: Vector.self)
        c0 += Vector(repeating: top[0]) * bv
        c1 += Vector(repeating: top[1]) * bv
        c2 += Vector(repeating: top[2]) * bv
        c3 += Vector(repeating: top[3]) * bv
        c4 += Vector(repeating: top[4]) * bv
        c5 += Vector(repeating: top[5]) * bv
        top += gemmMR
        left += bStep
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

/// Writes 16 sums to `c`, adding C's old values first when accumulating (sum + old, as the generic kernel).
@inline(__always)
private func store(_ sums: Vector, into c: UnsafeMutablePointer<Float>, accumulate: Bool) {
    let target = UnsafeMutableRawPointer(c)
    var value = sums
    if accumulate { value += target.loadUnaligned(as: Vector.self) }
    target.storeBytes(of: value, as: Vector.self)
}

#endif
