// Single-precision matrix multiply: packed panels, the chosen build's register tiles, threads over a fixed grid.

import TransformerEngineKernelsShared

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

    /// The same matrix from (`row`, `column`) on: a panel or a block of it.
    @inline(__always)
    func from(row: Int, column: Int) -> MatrixOperand {
        MatrixOperand(base: base + row * rowStride + column * columnStride, rowStride: rowStride,
                      columnStride: columnStride)
    }
}

// MARK: - Blocking constants

// The tiles' sizes (gemmMR, gemmNR, gemmWideNR, gemmInPlaceMR) are TransformerEngineKernelsShared's.

/// Depth of one packed panel; A's block (gemmMC × gemmKC) stays in L2, B's strip in L1.
let gemmKC = 256
/// Most rows of C per work chunk (a multiple of both strip heights, 6 and 4); see `rowsPerBlock`.
let gemmMC = 72
/// Columns of C per work chunk (a multiple of gemmNR).
let gemmNC = 512
/// Widest block whose A (and row-major B) the AVX2 tiles read in place rather than packed.
let gemmDirectColumns = 128
/// Narrowest product that the AVX-512 tiles take (packing A and B) when they are chosen; narrower
/// ones, such as attention's per-head products, stay on the AVX2 tiles that read A in place.
let gemmWideTilesColumns = 64
/// Multiply-adds from which a product is split over threads; below ~128 K (a few µs) it is not
/// worth it.
let gemmThreadedWork = 1 << 17

// MARK: - GEMM

/// Computes `C = A · B` (or `C += A · B` when `accumulate`), with A m×k, B k×n, C m×n row-major
/// with row stride `ldc`. O(m·n·k).
///
/// Every element of C is summed in the same order (k ascending inside a panel, panels in
/// order) whatever the thread count or partition, and the kernel has one code path with
/// separate multiply and add, so results are bit-identical in debug, release, 1 or N threads.
///
/// `finish(rows, columns)`, when given, runs once on every block of C as soon as the block is
/// final, on the thread that computed it (a bias added while the block is in that core's cache).
func gemm(
    m: Int, n: Int, k: Int, a: MatrixOperand, b: MatrixOperand,
    c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool, parallel: Bool = true,
    kernels: KernelTable = .current, finish: ((Range<Int>, Range<Int>) -> Void)? = nil
) {
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
        if !accumulate { for i in 0..<m { (c + i * ldc).update(repeating: 0, count: n) } }
        finish?(0..<m, 0..<n)
        return
    }
    // A small product on one thread with B readable in place (one panel, whole strips): straight
    // to the in-place tiles. The scratch pool and chunk bookkeeping below cost as much as a
    // 32×16×32 product itself, and attention makes hundreds of those per step. Same tiles, same bits.
    if k <= gemmKC, let tiles = inPlaceTilesReadingB(n: n, b: b, kernels: kernels),
        !(parallel && m * n * k >= gemmThreadedWork)
    {
        blockInPlace(
            tiles, a: a, rows: 0..<m, columns: 0..<n, kc: k, b: b.base, bDepthStride: b.rowStride,
            bStripStride: gemmNR, c: c, ldc: ldc, accumulate: accumulate)
        finish?(0..<m, 0..<n)
        return
    }
    // A wide product whose B the wide tiles must pack: each thread packs and uses its own columns.
    if parallel && m * n * k >= gemmThreadedWork && takesWideTiles(n: n, kernels: kernels)
        && !wideTilesReadB(n: n, b: b), let tiles = kernels.wideTiles,
        let split = ColumnSplit(n: n, threads: EngineThreads.count)
    {
        return gemmColumnChunks(
            split, tiles, m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate, finish: finish)
    }
    // Room for B's panel in strips of 8 or of 16 columns (the AVX-512 tiles' strips).
    let sizeB = (n + 15) / 16 * 16 * min(k, gemmKC)
    // One packed-A area per thread slot (see `gemmPanels`), taken with B's in one go.
    let slots = parallel ? EngineThreads.count : 1
    let sizeA = gemmMC * min(k, gemmKC)
    // Packed B starts on a 64-byte line (see `onCacheLine`).
    ScratchPool.withBuffer(count: sizeB + slots * sizeA + 16) { buffer in
        let packedB = onCacheLine(buffer)
        gemmPanels(
            m: m, n: n, k: k, a: a, b: b, c: c, ldc: ldc, accumulate: accumulate,
            parallel: parallel, kernels: kernels, packedB: packedB, packedA: packedB + sizeB, sizeA: sizeA,
            finish: finish)
    }
}

/// The first float of `buffer` on a 64-byte line, given 16 floats of slack: a 16-float strip row
/// of packed B is then one cache line, and the AVX-512 tiles' loads never straddle two.
private func onCacheLine(_ buffer: UnsafeMutablePointer<Float>) -> UnsafeMutablePointer<Float> {
    buffer + (16 - Int(bitPattern: buffer) / MemoryLayout<Float>.stride % 16) % 16
}

// MARK: - Column chunks

/// How a product wide enough for every thread to take its own columns is cut (see
/// `gemmColumnChunks`): `count` chunks of `width` columns (a multiple of gemmWideNR, the last one
/// narrower), a multiple of the thread count, each at most gemmNC wide. Nil when C has fewer than
/// 128 columns per thread.
struct ColumnSplit {
    let width: Int
    let count: Int

    init?(n: Int, threads: Int) {
        guard threads > 1, n >= threads * 128 else { return nil }
        let chunks = (n + threads * gemmNC - 1) / (threads * gemmNC) * threads
        width = ((n + chunks - 1) / chunks + gemmWideNR - 1) / gemmWideNR * gemmWideNR
        count = (n + width - 1) / width
    }
}

/// `gemm` on the wide tiles with each chunk of columns done whole by one thread: it packs its own
/// columns of B, panel by panel, and every block of A's rows against them. A thread then reads only
/// the packed B it wrote, in its own cache (a shared packed panel sends half of it from core to core
/// in every product), and the product is one parallel region; each thread packs all of A, about
/// 4 % of a 1024×1024 product. Each element's sum runs over the same panels in the same order as in
/// `gemmPanels`, so the bits are the same.
private func gemmColumnChunks(
    _ split: ColumnSplit, _ tiles: WideTiles, m: Int, n: Int, k: Int, a: MatrixOperand, b: MatrixOperand,
    c: UnsafeMutablePointer<Float>, ldc: Int, accumulate: Bool, finish: ((Range<Int>, Range<Int>) -> Void)?
) {
    let depth = min(k, gemmKC)
    let sizeB = split.width * depth, sizeA = gemmMC * depth
    // Each slot's area starts on a 64-byte line (see `onCacheLine`).
    let slotSize = (sizeB + sizeA + 15) / 16 * 16
    let slots = min(EngineThreads.count, split.count)
    ScratchPool.withBuffer(count: slots * slotSize + 16) { buffer in
        let base = onCacheLine(buffer)
        parallelChunks(split.count, slotted: { chunk, slot in
            let columns = chunk * split.width..<min(n, (chunk + 1) * split.width)
            let packedB = base + slot * slotSize, packedA = packedB + sizeB
            let strips = (columns.count + gemmWideNR - 1) / gemmWideNR
            var start = 0
            while start < k {
                let kc = min(gemmKC, k - start)
                let panelB = b.from(row: start, column: columns.lowerBound)
                packRowsOfB(
                    panelB, depths: 0..<kc, strips: strips, n: columns.count, kc: kc, into: packedB,
                    as: SIMD16<Float>.self)
                let panelA = a.from(row: 0, column: start)
                let addOnto = accumulate || start > 0, lastPanel = start + kc == k
                var row = 0
                while row < m {
                    let rows = row..<min(m, row + gemmMC)
                    packBlockOfA(panelA, rows: rows, kc: kc, into: packedA)
                    tiles(
                        kc, packedA, rows.count, packedB, gemmWideNR, gemmWideNR * kc, 0, columns.count,
                        c + rows.lowerBound * ldc + columns.lowerBound, ldc, addOnto)
                    if lastPanel { finish?(rows, columns) }
                    row = rows.upperBound
                }
                start += kc
            }
        })
    }
}

// MARK: - Two products in one region

/// One product for `gemmTogether`: `C = A · B` (or `C += A · B`), as the arguments of `gemm`.
struct GemmProduct {
    let m: Int
    let n: Int
    let k: Int
    let a: MatrixOperand
    let b: MatrixOperand
    let c: UnsafeMutablePointer<Float>
    let ldc: Int
    let accumulate: Bool

    /// One panel deep, B read in place by the in-place tiles (row-major, whole strips, at most
    /// gemmDirectColumns wide): its blocks need no packing, so any thread can start one.
    var isDirect: Bool { k > 0 && k <= gemmKC && inPlaceTilesReadingB(n: n, b: b, kernels: .current) != nil }
}

/// Computes two independent products, in one parallel region when both are direct (see
/// `GemmProduct.isDirect`) and together worth two threads: a layer's backward needs dx = g·W
/// and dW = gᵀ·x, and one region instead of two saves a hand-over and a wait. Each block is
/// computed by the same tiles over the same rows and columns as `gemm` would, so the bits are
/// those of two `gemm` calls, which is what runs otherwise. `alongside(chunk)` for chunk in
/// `0..<alongsideChunks` is independent work (the bias gradient) run in the same region, or
/// after the products on this thread.
func gemmTogether(
    _ first: GemmProduct, _ second: GemmProduct, alongsideChunks: Int = 0, alongside: (Int) -> Void = { _ in }
) {
    let work = first.m * first.n * first.k + second.m * second.n * second.k
    if first.isDirect && second.isDirect && first.m > 0 && second.m > 0 && EngineThreads.count > 1
        && work >= gemmThreadedWork, let tiles = KernelTable.current.inPlaceTiles
    {
        // `gemmPanels`' partition of each product (A in place, strips of 4 rows).
        let plans = (
            BlockPartition(m: first.m, n: first.n, strip: gemmInPlaceMR),
            BlockPartition(m: second.m, n: second.n, strip: gemmInPlaceMR))
        let firstChunks = plans.0.count, secondChunks = plans.1.count
        parallelChunks(firstChunks + secondChunks + alongsideChunks) { chunk in
            guard chunk < firstChunks + secondChunks else { return alongside(chunk - firstChunks - secondChunks) }
            let (product, plan, index) = chunk < firstChunks
                ? (first, plans.0, chunk) : (second, plans.1, chunk - firstChunks)
            let (rows, columns) = plan.block(index)
            blockInPlace(
                tiles, a: product.a, rows: rows, columns: columns, kc: product.k, b: product.b.base,
                bDepthStride: product.b.rowStride, bStripStride: gemmNR, c: product.c, ldc: product.ldc,
                accumulate: product.accumulate)
        }
        return
    }
    for product in [first, second] {
        gemm(
            m: product.m, n: product.n, k: product.k, a: product.a, b: product.b, c: product.c, ldc: product.ldc,
            accumulate: product.accumulate)
    }
    for chunk in 0..<alongsideChunks { alongside(chunk) }
}

/// `gemm` over kc-deep panels in order, with B's panel packed into `packedB`.
///
/// A chunk packs A into its thread's slot of `packedA` (`sizeA` floats each, one per engine thread).
private func gemmPanels(
    m: Int, n: Int, k: Int, a: MatrixOperand, b: MatrixOperand, c: UnsafeMutablePointer<Float>, ldc: Int,
    accumulate: Bool, parallel: Bool, kernels: KernelTable, packedB: UnsafeMutablePointer<Float>,
    packedA: UnsafeMutablePointer<Float>, sizeA: Int, finish: ((Range<Int>, Range<Int>) -> Void)?
) {
    // The tiles that read A in place work in strips of 4 rows, the others in strips of 6.
    let inPlace = kernels.inPlaceTiles != nil && min(n, gemmNC) <= gemmDirectColumns
        && !takesWideTiles(n: n, kernels: kernels)
    // Wider products run on the wide tiles when the build has them, which read B in strips of 16.
    let wideTiles = kernels.wideTiles != nil && !inPlace
    let stripWidth = wideTiles ? gemmWideNR : gemmNR
    let strips = (n + stripWidth - 1) / stripWidth
    let partition = BlockPartition(m: m, n: n, strip: inPlace ? gemmInPlaceMR : gemmMR)
    let useThreads = parallel && m * n * k >= gemmThreadedWork
    let readsBInPlace = inPlaceTilesReadingB(n: n, b: b, kernels: kernels) != nil
        || (wideTiles && wideTilesReadB(n: n, b: b))
    var depth = 0
    while depth < k {
        let kc = min(gemmKC, k - depth)
        let panelB = b.from(row: depth, column: 0)
        if !readsBInPlace {
            packPanelOfB(panelB, strips: strips, width: stripWidth, n: n, kc: kc, into: packedB, threads: useThreads)
        }
        let panelA = a.from(row: 0, column: depth)
        let addOnto = accumulate || depth > 0
        let lastPanel = depth + kc == k
        let computeBlock: (Int, Int) -> Void = { chunk, slot in
            let (rows, columns) = partition.block(chunk)
            computeBlockOfC(
                panelA: panelA, rows: rows, columns: columns, kc: kc, packedA: packedA + slot * sizeA,
                packedB: packedB, bInPlace: readsBInPlace ? panelB : nil, c: c, ldc: ldc, accumulate: addOnto,
                kernels: kernels, wideTiles: wideTiles)
            if lastPanel { finish?(rows, columns) }
        }
        if useThreads {
            parallelChunks(partition.count, slotted: computeBlock)
        } else {
            for chunk in 0..<(partition.count) { computeBlock(chunk, 0) }
        }
        depth += kc
    }
}

/// Packs a kc-deep panel of B into strips of `width` (8 or 16) columns, over threads when it is large.
///
/// The work is cut by depth: a chunk packs rows `p ..< p + rows` of every strip, so it reads B's rows
/// front to back and writes one run per strip, and chunks never write the same floats.
private func packPanelOfB(
    _ panelB: MatrixOperand, strips: Int, width: Int, n: Int, kc: Int, into packedB: UnsafeMutablePointer<Float>,
    threads: Bool
) {
    // Packing a panel under 64 KB is quicker than handing half of it to another thread.
    let chunks = threads && strips * width * kc >= 1 << 14 ? min(EngineThreads.count, (kc + 15) / 16) : 1
    let rowsPerChunk = (kc + chunks - 1) / chunks
    let packRows: (Int) -> Void = { chunk in
        let depths = chunk * rowsPerChunk..<min(kc, (chunk + 1) * rowsPerChunk)
        if width == gemmWideNR {
            packRowsOfB(panelB, depths: depths, strips: strips, n: n, kc: kc, into: packedB, as: SIMD16<Float>.self)
        } else {
            packRowsOfB(panelB, depths: depths, strips: strips, n: n, kc: kc, into: packedB, as: SIMD8<Float>.self)
        }
    }
    if chunks > 1 {
        parallelChunks(chunks, packRows)
    } else {
        packRows(0)
    }
}

/// Copies depths `depths` of a kc-deep panel of B into strips of `Strip.scalarCount` columns:
/// strip `s` holds, for each depth p, columns `s·w ..< s·w + w` at `out + s·w·kc + p·w`, zero past n,
/// so the micro-kernel reads one contiguous vector per depth.
@inline(__always)
private func packRowsOfB<Strip: SIMD>(
    _ b: MatrixOperand, depths: Range<Int>, strips: Int, n: Int, kc: Int, into out: UnsafeMutablePointer<Float>,
    as _: Strip.Type
) where Strip.Scalar == Float {
    let width = Strip.scalarCount
    let wholeStrips = n / width
    if b.columnStride == 1 {
        // Rows of B are contiguous: one vector per strip and depth, eight depths at a time, so that
        // each strip gets a run of eight vectors (one pass per depth would write every strip's line
        // once per depth, lines kc·w floats apart that compete for the same few L1 sets).
        var group = depths.lowerBound
        while group < depths.upperBound {
            let groupEnd = min(depths.upperBound, group + 8)
            for strip in 0..<wholeStrips {
                let source = UnsafeRawPointer(b.base + strip * width)
                let destination = UnsafeMutableRawPointer(out + strip * width * kc)
                for p in group..<groupEnd {
                    destination.storeBytes(
                        of: source.loadUnaligned(
                            fromByteOffset: p * b.rowStride * MemoryLayout<Float>.stride, as: Strip.self),
                        toByteOffset: p * width * MemoryLayout<Float>.stride, as: Strip.self)
                }
            }
            group = groupEnd
        }
    } else {
        // A transposed operand: column j of B is a run of the source, read one depth range at a time.
        for strip in 0..<wholeStrips {
            let stripOut = out + strip * width * kc
            for j in 0..<width {
                let source = b.base + (strip * width + j) * b.columnStride
                for p in depths { stripOut[p * width + j] = source[p * b.rowStride] }
            }
        }
    }
    // The last, partial strip, zero-padded.
    guard wholeStrips < strips else { return }
    let first = wholeStrips * width
    let stripOut = out + wholeStrips * width * kc
    for p in depths {
        for j in 0..<width {
            stripOut[p * width + j] = first + j < n ? b.element(p, first + j) : 0
        }
    }
}

/// The in-place tiles when they read B in place: row-major, whole strips of 8 columns, at most
/// gemmDirectColumns wide (packing such a B would cost as much as using it); else nil.
private func inPlaceTilesReadingB(n: Int, b: MatrixOperand, kernels: KernelTable) -> InPlaceTiles? {
    guard b.columnStride == 1 && n % gemmNR == 0 && n <= gemmDirectColumns
        && !takesWideTiles(n: n, kernels: kernels)
    else { return nil }
    return kernels.inPlaceTiles
}

/// Whether the wide tiles read B where it is: row-major, whole 16-column strips, rows not a
/// multiple of 4 KB apart. Read in place, B is never written, so each thread reads it from its own
/// cache, where a shared packed panel is written by one core and read by the other (the usual B is
/// a weight matrix, the same from product to product). Rows 4 KB apart put all of a strip's kc
/// vectors at one page offset, on one L1 set: 1024×1024 products ran at 170 GFLOPS so, 190 packed.
private func wideTilesReadB(n: Int, b: MatrixOperand) -> Bool {
    b.columnStride == 1 && n % gemmWideNR == 0 && b.rowStride % 1024 != 0
}

/// Whether an n-column product runs on the wide tiles: packing A and B costs about 1/n of the
/// product, and the 24×16 tiles outrun the ones reading A in place from 64 columns on.
private func takesWideTiles(n: Int, kernels: KernelTable) -> Bool {
    kernels.wideTiles != nil && n >= gemmWideTilesColumns
}

/// How an m×n product is cut into work chunks: blocks of `rows` × `columns` (see `rowsPerBlock`
/// and `columnsPerBlock`), numbered row block by row block. Depends on the shape only.
private struct BlockPartition {
    let m: Int
    let n: Int
    let rows: Int
    let columns: Int
    let columnBlocks: Int
    /// Number of blocks.
    let count: Int

    init(m: Int, n: Int, strip: Int) {
        self.m = m
        self.n = n
        rows = rowsPerBlock(m: m, strip: strip)
        let rowBlocks = (m + rows - 1) / rows
        columns = columnsPerBlock(n: n, rowBlocks: rowBlocks)
        columnBlocks = (n + columns - 1) / columns
        count = rowBlocks * columnBlocks
    }

    /// The rows and columns of block `index`.
    func block(_ index: Int) -> (rows: Range<Int>, columns: Range<Int>) {
        let rowStart = index / columnBlocks * rows, columnStart = index % columnBlocks * columns
        return (rowStart..<min(m, rowStart + rows), columnStart..<min(n, columnStart + columns))
    }
}

/// Rows per work chunk: at most gemmMC, a multiple of the tiles' strip height, with an even
/// number of nearly equal chunks.
///
/// 256 rows as 72+72+72+40 left one of two threads a quarter idle; 66+66+66+58 (strips of 6)
/// or 64 × 4 (strips of 4) do not. Only which thread computes which rows changes, never any
/// element's sum order, so the bits are the same for every choice; the rule depends on the
/// shape alone, not on the thread count.
private func rowsPerBlock(m: Int, strip: Int) -> Int {
    var blocks = (m + gemmMC - 1) / gemmMC
    if blocks > 1 && blocks % 2 == 1 { blocks += 1 }
    let rows = (m + blocks - 1) / blocks
    return min(gemmMC, (rows + strip - 1) / strip * strip)
}

/// Columns per work chunk: gemmNC, or half of C (a multiple of 16, the widest register tile)
/// when C has a single block of rows, so a short, wide product such as a weight gradient
/// still splits in two. Like the rows, this moves work between threads, never sum orders.
private func columnsPerBlock(n: Int, rowBlocks: Int) -> Int {
    guard rowBlocks == 1 && n >= 32 else { return gemmNC }
    return min(gemmNC, ((n + 1) / 2 + 15) / 16 * 16)
}

// MARK: - Packing

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
        } else if height == gemmMR && a.rowStride == 1 {
            // A transposed operand: the strip's 6 values at each depth are contiguous.
            let source = a.base + row
            for p in 0..<kc {
                let s = source + p * a.columnStride, d = destination + p * gemmMR
                d[0] = s[0]; d[1] = s[1]; d[2] = s[2]
                d[3] = s[3]; d[4] = s[4]; d[5] = s[5]
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

/// Runs the register tiles over one chunk of C: with `wideTiles`, A's rows packed into `packedA`
/// and the build's wide tiles (B packed in strips of 16); else the build's packed and in-place
/// tiles when it has them, else A packed and the generic 6×8 micro-kernel.
private func computeBlockOfC(
    panelA: MatrixOperand, rows: Range<Int>, columns: Range<Int>, kc: Int, packedA: UnsafeMutablePointer<Float>,
    packedB: UnsafeMutablePointer<Float>, bInPlace: MatrixOperand?, c: UnsafeMutablePointer<Float>, ldc: Int,
    accumulate: Bool, kernels: KernelTable, wideTiles: Bool
) {
    if wideTiles, let tiles = kernels.wideTiles {
        packBlockOfA(panelA, rows: rows, kc: kc, into: packedA)
        return tiles(
            kc, packedA, rows.count, bInPlace?.base ?? UnsafePointer(packedB), bInPlace?.rowStride ?? gemmWideNR,
            bInPlace == nil ? gemmWideNR * kc : gemmWideNR, columns.lowerBound, columns.count,
            c + rows.lowerBound * ldc, ldc, accumulate)
    }
    if let packedTiles = kernels.packedTiles, let inPlaceTiles = kernels.inPlaceTiles {
        return computeBlockOfCWithTiles(
            packedTiles, inPlaceTiles, panelA: panelA, rows: rows, columns: columns, kc: kc, packedA: packedA,
            packedB: packedB, bInPlace: bInPlace, c: c, ldc: ldc, accumulate: accumulate)
    }
    let aStrips = (rows.count + gemmMR - 1) / gemmMR
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

/// One chunk of C with a build's packed and in-place tiles. A narrow block reads each row of A a
/// few times at most, so A (and, when `bInPlace`, B) is read where it is; packing cost as much as
/// the product for the small models' layers. Wider blocks pack A as the generic path does.
private func computeBlockOfCWithTiles(
    _ packedTiles: PackedTiles, _ inPlaceTiles: InPlaceTiles, panelA: MatrixOperand, rows: Range<Int>,
        columns: Range<Int>, kc: Int, packedA: UnsafeMutablePointer<Float>,
    packedB: UnsafeMutablePointer<Float>, bInPlace: MatrixOperand?, c: UnsafeMutablePointer<Float>, ldc: Int,
    accumulate: Bool
) {
    let target = c + rows.lowerBound * ldc
    guard columns.count <= gemmDirectColumns else {
        packBlockOfA(panelA, rows: rows, kc: kc, into: packedA)
        return packedTiles(
            kc, packedA, rows.count, packedB, columns.lowerBound, columns.count, target, ldc, accumulate)
    }
    blockInPlace(
        inPlaceTiles, a: panelA, rows: rows, columns: columns, kc: kc, b: bInPlace?.base ?? UnsafePointer(packedB),
        bDepthStride: bInPlace?.rowStride ?? gemmNR, bStripStride: bInPlace == nil ? gemmNR * kc : gemmNR, c: c,
        ldc: ldc, accumulate: accumulate)
}

/// Rows `rows` × columns `columns` of C from a kc-deep panel, A read in place and B either in
/// place or packed (given by its depth and strip strides), through the 4×16 in-place tiles.
private func blockInPlace(
    _ tiles: InPlaceTiles, a: MatrixOperand, rows: Range<Int>, columns: Range<Int>, kc: Int,
    b: UnsafePointer<Float>, bDepthStride: Int, bStripStride: Int, c: UnsafeMutablePointer<Float>, ldc: Int,
    accumulate: Bool
) {
    tiles(
        kc, a.base + rows.lowerBound * a.rowStride, a.rowStride, a.columnStride, rows.count, b, bDepthStride,
        bStripStride, columns.lowerBound, columns.count, c + rows.lowerBound * ldc, ldc, accumulate)
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
    storeRow(c0, into: c, accumulate: accumulate)
    storeRow(c1, into: c + ldc, accumulate: accumulate)
    storeRow(c2, into: c + 2 * ldc, accumulate: accumulate)
    storeRow(c3, into: c + 3 * ldc, accumulate: accumulate)
    storeRow(c4, into: c + 4 * ldc, accumulate: accumulate)
    storeRow(c5, into: c + 5 * ldc, accumulate: accumulate)
}

/// Writes one tile row, adding C's old values (sum + old) when accumulating.
@inline(__always)
private func storeRow(_ sums: SIMD8<Float>, into c: UnsafeMutablePointer<Float>, accumulate: Bool) {
    let target = UnsafeMutableRawPointer(c)
    var value = sums
    if accumulate { value += target.loadUnaligned(as: SIMD8<Float>.self) }
    target.storeBytes(of: value, as: SIMD8<Float>.self)
}
