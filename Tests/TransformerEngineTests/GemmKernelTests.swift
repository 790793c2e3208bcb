// The AVX2 GEMM kernel against the generic one: the same bits on every shape, stride and mode.

import XCTest
@testable import TransformerEngine

final class GemmKernelTests: XCTestCase {
    /// One product `op(A)·op(B)` (+ C when accumulating) with a chosen kernel, as raw bit patterns.
    func productBits(
        m: Int, n: Int, k: Int, a: [Float], b: [Float], transposeA: Bool, transposeB: Bool,
        start: [Float], accumulate: Bool, kernel: GemmKernel
    ) -> [UInt32] {
        var c = start
        a.withUnsafeBufferPointer { x in
            b.withUnsafeBufferPointer { y in
                c.withUnsafeMutableBufferPointer { out in
                    gemm(
                        m: m, n: n, k: k,
                        a: MatrixOperand(base: x.baseAddress!, rowStride: transposeA ? 1 : k, columnStride: transposeA ? m : 1),
                        b: MatrixOperand(base: y.baseAddress!, rowStride: transposeB ? 1 : n, columnStride: transposeB ? k : 1),
                        c: out.baseAddress!, ldc: n, accumulate: accumulate, kernel: kernel)
                }
            }
        }
        return c.map(\.bitPattern)
    }

    func testAVX2KernelGivesTheGenericKernelsBitsOnManyShapes() throws {
        try XCTSkipUnless(GemmKernel.avx2IsAvailable, "this CPU has no AVX2")
        var g = RandomGenerator(seed: 21)
        // Odd sizes, edge tiles in both directions, k across the 256-deep panel boundary,
        // n across the 512-wide block boundary, m across the 72-row block boundary; attention's
        // per-head shapes (32, 16, 32) and (30, 32, 16) take the small-product path.
        let shapes = [
            (1, 1, 1), (6, 8, 8), (6, 16, 16), (5, 7, 9), (7, 13, 15), (13, 31, 17), (12, 24, 40), (32, 16, 32), (30, 32, 16),
            (73, 257, 33), (80, 300, 520), (150, 270, 530), (6, 513, 24), (37, 64, 1),
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
                        let avx2 = productBits(
                            m: m, n: n, k: k, a: a, b: b, transposeA: transposeA, transposeB: transposeB,
                            start: start, accumulate: accumulate, kernel: .avx2)
                        XCTAssertEqual(
                            generic, avx2,
                            "m \(m) k \(k) n \(n) transposeA \(transposeA) transposeB \(transposeB) accumulate \(accumulate)")
                    }
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
            for kernel in GemmKernel.avx2IsAvailable ? [GemmKernel.generic, .avx2] : [.generic] {
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

    func testBothKernelsAgreeWithTwoThreadsOnALargeProduct() throws {
        try XCTSkipUnless(GemmKernel.avx2IsAvailable, "this CPU has no AVX2")
        var g = RandomGenerator(seed: 22)
        let (m, k, n) = (200, 300, 190)
        let a = Tensor.randn([m * k], using: &g).scalars, b = Tensor.randn([k * n], using: &g).scalars
        let zero = [Float](repeating: 0, count: m * n)
        EngineThreads.set(2)
        let generic = productBits(
            m: m, n: n, k: k, a: a, b: b, transposeA: false, transposeB: false, start: zero, accumulate: false, kernel: .generic)
        let avx2 = productBits(
            m: m, n: n, k: k, a: a, b: b, transposeA: false, transposeB: false, start: zero, accumulate: false, kernel: .avx2)
        XCTAssertEqual(generic, avx2)
    }

    func testLitbookKernelGenericForcesThePortableKernel() {
        // The choice is made once per process; a run with LITBOOK_KERNEL=generic must report it.
        if ProcessInfo.processInfo.environment["LITBOOK_KERNEL"] == "generic" {
            XCTAssertEqual(GemmKernel.current, .generic)
        } else {
            XCTAssertEqual(GemmKernel.current, GemmKernel.avx2IsAvailable ? .avx2 : .generic)
        }
    }
}
