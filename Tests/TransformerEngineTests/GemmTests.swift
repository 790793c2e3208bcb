// The matmul kernel against a naive triple loop, and its determinism across thread counts.

import XCTest
@testable import TransformerEngine

final class GemmTests: XCTestCase {
    func naive(_ a: Tensor, _ b: Tensor) -> [Float] {
        let m = a.shape[0], k = a.shape[1], n = b.shape[1]
        var c = [Float](repeating: 0, count: m * n)
        for i in 0..<m { for j in 0..<n {
            var s: Double = 0
            for p in 0..<k { s += Double(a.scalars[i * k + p]) * Double(b.scalars[p * n + j]) }
            c[i * n + j] = Float(s)
        } }
        return c
    }

    func testMatchesNaiveLoopOnAwkwardShapes() {
        var g = RandomGenerator(seed: 1)
        for (m, k, n) in [(1, 1, 1), (7, 5, 9), (13, 300, 17), (80, 33, 520), (6, 8, 8)] {
            let a = Tensor.randn([m, k], using: &g), b = Tensor.randn([k, n], using: &g)
            let product = a.matmul(b)
            XCTAssertEqual(product.shape, [m, n])
            for (x, y) in zip(product.scalars, naive(a, b)) {
                XCTAssertEqual(x, y, accuracy: 1e-4 * Float(k).squareRoot() * 4, "m \(m) k \(k) n \(n)")
            }
        }
    }

    func testTransposedOperandsMatchExplicitTranspose() {
        var g = RandomGenerator(seed: 2)
        let a = Tensor.randn([2, 9, 7], using: &g), b = Tensor.randn([2, 11, 7], using: &g)
        let viaFlag = Tensor.matmul(a, b, transposeA: false, transposeB: true)
        let viaCopy = a.matmul(b.transposed())
        XCTAssertEqual(viaFlag.scalars, viaCopy.scalars)
    }

    func testOneThreadAndTwoThreadsGiveIdenticalBits() {
        var g = RandomGenerator(seed: 3)
        let a = Tensor.randn([150, 270], using: &g), b = Tensor.randn([270, 530], using: &g)
        EngineThreads.set(1)
        let one = a.matmul(b)
        EngineThreads.set(2)
        let two = a.matmul(b)
        XCTAssertEqual(one.scalars, two.scalars)
    }
}
