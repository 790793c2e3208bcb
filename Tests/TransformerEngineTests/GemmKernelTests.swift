// The AVX2 and AVX-512 GEMM kernels against the generic one: the same bits on every shape, stride, mode, thread count.

import XCTest
@testable import TransformerEngine

final class GemmKernelTests: XCTestCase {
    /// One product `op(A)·op(B)` (+ C when accumulating) with a chosen kernel, as raw bit patterns.
    func productBits(
        m: Int, n: Int, k: Int, a: [Float], b: [Float], transposeA: Bool, transposeB: Bool,
        start: [Float], accumulate: Bool, kernel: KernelBuild
    ) -> [UInt32] {
        var c = start
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                c.withUnsafeMutableBufferPointer { out in
                    gemm(
                        m: m, n: n, k: k,
                        a: MatrixOperand(base: x.baseAddress!, rowStride: transposeA ? 1 : k,
                            columnStride: transposeA ? m : 1),
                        b: MatrixOperand(base: y.baseAddress!, rowStride: transposeB ? 1 : n,
                            columnStride: transposeB ? k : 1),
                        c: out.baseAddress!, ldc: n, accumulate: accumulate, kernels: KernelTable(kernel))
                }
            }
        }
        return c.map(\.bitPattern)
    }

    func testAVX2KernelGivesTheGenericKernelsBitsOnManyShapes() throws {
        try XCTSkipUnless(KernelBuild.avx2IsAvailable, "this CPU has no AVX2")
        try assertKernelGivesTheGenericKernelsBits(.avx2)
    }

    func testAVX512KernelGivesTheGenericKernelsBitsOnManyShapes() throws {
        try XCTSkipUnless(KernelBuild.avx512IsAvailable, "this CPU has no AVX-512")
        try assertKernelGivesTheGenericKernelsBits(.avx512)
    }

    private func assertKernelGivesTheGenericKernelsBits(_ kernel: KernelBuild) throws {
        var g = RandomGenerator(seed: 21)
        // Odd sizes, edge tiles in both directions, k across the 256-deep panel boundary,
        // n across the 512-wide block boundary, m across the 72-row block boundary; attention's
        // per-head shapes (32, 16, 32) and (30, 32, 16) take the small-product path. Widths of
        // 64 to 264 take the AVX-512 tiles with 24-row tiles, 6-row edges and partial 16-column
        // strips (64 and 128 columns would read A in place on the AVX2 tiles). The AVX-512 tiles read
        // B in place when its width is a multiple of 16 (528: two column blocks); a B they must pack
        // (ragged, transposed, rows 4 KB apart) is cut into column chunks, one thread each (1,100
        // columns: four chunks; 1,024: two).
        let shapes = [
            (1, 1, 1), (6, 8, 8), (6, 16, 16), (5, 7, 9), (7, 13, 15), (13, 31, 17), (12, 24, 40), (32, 16, 32),
            (30, 32, 16),
            (73, 257, 33), (80, 300, 520), (150, 270, 530), (6, 513, 24), (37, 64, 1), (12, 20, 136), (17, 9, 150),
            (72, 40, 200), (30, 260, 264), (40, 32, 64), (100, 128, 128), (30, 70, 1100), (20, 300, 1024),
            (50, 40, 528),
        ]
        for (m, k, n) in shapes {
            let a = Tensor.randn([m * k], using: &g).scalars
            let b = Tensor.randn([k * n], using: &g).scalars
            let start = Tensor.randn([m * n], using: &g).scalars
            for transposeA in [false, true] {
                for transposeB in [false, true] {
                    for accumulate in [false, true] {
                        let generic = productBits(
                            m: m, n: n, k: k, a: a, b: b, transposeA: transposeA, transposeB: transposeB,
                            start: start, accumulate: accumulate, kernel: .generic)
                        let chosen = productBits(
                            m: m, n: n, k: k, a: a, b: b, transposeA: transposeA, transposeB: transposeB,
                            start: start, accumulate: accumulate, kernel: kernel)
                        XCTAssertEqual(
                            generic, chosen, "\(kernel) m \(m) k \(k) n \(n) transposeA \(transposeA) "
                                + "transposeB \(transposeB) accumulate \(accumulate)")
                    }
                }
            }
        }
    }

    /// Two products in one region (a layer's dx and dW) give the bits of two `gemm` calls, on one
    /// and two threads, for shapes that take the shared region and shapes that do not.
    func testTwoProductsTogetherGiveTheBitsOfTwoCalls() {
        var g = RandomGenerator(seed: 31)
        // (rows, width, columns): dx = g·W is rows×columns with depth width, dW = gᵀ·x is width×columns
        // with depth rows.
        let shapes = [(256, 32, 32), (256, 128, 32), (100, 24, 40), (256, 32, 136), (300, 40, 16), (8, 8, 8)]
        for (rows, width, columns) in shapes {
            let gradient = Tensor.randn([rows * width], using: &g).scalars
            let weight = Tensor.randn([width * columns], using: &g).scalars
            let input = Tensor.randn([rows * columns], using: &g).scalars
            let start = Tensor.randn([max(rows, width) * columns], using: &g).scalars
            for threads in [1, 2] {
                EngineThreads.set(threads)
                defer { EngineThreads.set(2) }
                for accumulate in [false, true] {
                    var together = (dx: Array(start.prefix(rows * columns)), dW: Array(start.prefix(width * columns)))
                    var separate = together
                    func run(_ dx: UnsafeMutablePointer<Float>, _ dW: UnsafeMutablePointer<Float>, pair: Bool) {
                        gradient.withUnsafeBufferPointer { gs in
                            weight.withUnsafeBufferPointer { w in
                                input.withUnsafeBufferPointer { xs in
                                    let first = GemmProduct(
                                        m: rows, n: columns, k: width,
                                        a: MatrixOperand(base: gs.baseAddress!, rowStride: width, columnStride: 1),
                                        b: MatrixOperand(base: w.baseAddress!, rowStride: columns, columnStride: 1),
                                        c: dx, ldc: columns, accumulate: accumulate)
                                    let second = GemmProduct(
                                        m: width, n: columns, k: rows,
                                        a: MatrixOperand(base: gs.baseAddress!, rowStride: 1, columnStride: width),
                                        b: MatrixOperand(base: xs.baseAddress!, rowStride: columns, columnStride: 1),
                                        c: dW, ldc: columns, accumulate: accumulate)
                                    if pair {
                                        gemmTogether(first, second)
                                    } else {
                                        for p in [first, second] {
                                            gemm(m: p.m, n: p.n, k: p.k, a: p.a, b: p.b, c: p.c, ldc: p.ldc,
                                                accumulate: p.accumulate)
                                        }
                                    }
                                }
                            }
                        }
                    }
                    run(&together.dx, &together.dW, pair: true)
                    run(&separate.dx, &separate.dW, pair: false)
                    XCTAssertEqual(
                        (together.dx + together.dW).map(\.bitPattern), (separate.dx + separate.dW).map(\.bitPattern),
                        "rows \(rows) width \(width) columns \(columns) threads \(threads) accumulate \(accumulate)")
                }
            }
        }
    }

    func testTransposedOperandsGiveTheBitsOfExplicitlyTransposedCopies() {
        var g = RandomGenerator(seed: 23)
        for (m, k, n) in [(6, 5, 8), (13, 40, 17), (73, 260, 24), (12, 300, 531)] {
            let a = Tensor.randn([m * k], using: &g).scalars, b = Tensor.randn([k * n], using: &g).scalars
            // aT is A stored k×m (A transposed in memory), bT is B stored n×k.
            let aT = (0..<(k * m)).map { a[($0 % m) * k + $0 / m] }
            let bT = (0..<(n * k)).map { b[($0 % k) * n + $0 / k] }
            let zero = [Float](repeating: 0, count: m * n)
            let kernels: [KernelBuild] =
                KernelBuild.avx512IsAvailable ? [.generic, .avx2, .avx512]
                    : KernelBuild.avx2IsAvailable ? [.generic, .avx2] : [.generic]
            for kernel in kernels {
                let direct = productBits(
                    m: m, n: n, k: k, a: a, b: b, transposeA: false, transposeB: false,
                    start: zero, accumulate: false, kernel: kernel)
                let viaTransposes = productBits(
                    m: m, n: n, k: k, a: aT, b: bT, transposeA: true, transposeB: true,
                    start: zero, accumulate: false, kernel: kernel)
                XCTAssertEqual(direct, viaTransposes, "m \(m) k \(k) n \(n) kernel \(kernel)")
            }
        }
    }

    func testEveryKernelAgreesOnOneAndTwoThreadsOnLargeProducts() throws {
        try XCTSkipUnless(KernelBuild.avx2IsAvailable, "this CPU has no AVX2")
        var g = RandomGenerator(seed: 22)
        for (m, k, n) in [(200, 300, 190), (257, 513, 300)] {
            let a = Tensor.randn([m * k], using: &g).scalars, b = Tensor.randn([k * n], using: &g).scalars
            let zero = [Float](repeating: 0, count: m * n)
            EngineThreads.set(1)
            let generic = productBits(
                m: m, n: n, k: k, a: a, b: b, transposeA: false, transposeB: true, start: zero, accumulate: false,
                kernel: .generic)
            EngineThreads.set(2)
            for kernel in KernelBuild.avx512IsAvailable ? [KernelBuild.avx2, .avx512] : [.avx2] {
                let chosen = productBits(
                    m: m, n: n, k: k, a: a, b: b, transposeA: false, transposeB: true, start: zero, accumulate: false,
                    kernel: kernel)
                XCTAssertEqual(generic, chosen, "m \(m) k \(k) n \(n) \(kernel)")
            }
        }
    }

    func testLitbookKernelGenericForcesThePortableKernel() {
        // The choice is made once per process; a run with LITBOOK_KERNEL=generic must report it.
        if ProcessInfo.processInfo.environment["LITBOOK_KERNEL"] == "generic" {
            XCTAssertEqual(KernelBuild.current, .generic)
        } else {
            let widest: KernelBuild =
                KernelBuild.avx512IsAvailable ? .avx512 : KernelBuild.avx2IsAvailable ? .avx2 : .generic
            let stopsAtAVX2 = ProcessInfo.processInfo.environment["LITBOOK_KERNEL"] == "avx2" && widest == .avx512
            XCTAssertEqual(KernelBuild.current, stopsAtAVX2 ? .avx2 : widest)
        }
    }
}
