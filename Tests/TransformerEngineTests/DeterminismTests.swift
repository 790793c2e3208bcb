// Same input, same bytes: training losses are fixed bit patterns with 1 or 2 threads, in debug and release.

import XCTest
import TransformerEngine  // public API only, so this file also runs under `swift test -c release`

final class DeterminismTests: XCTestCase {
    /// Five AdamW steps of a small GPT: the loss bit patterns, then a checksum of every bit of
    /// every trained parameter (so a difference in any last bit shows).
    func lossBits(threads: Int) -> [UInt32] {
        EngineThreads.set(threads)
        defer { EngineThreads.set(2) }
        var g = RandomGenerator(seed: 11)
        let model = GPT(config: .init(vocabSize: 20, contextLength: 16, dModel: 32, heads: 4, layers: 2), using: &g)
        let stream = (0..<400).map { ($0 * 7 + $0 / 3) % 20 }
        let losses = model.train(tokens: stream, steps: 5, batchSize: 6, optimizer: AdamW(learningRate: 3e-3),
            using: &g)
        var checksum: UInt32 = 0
        for (_, tensor) in model.parameters {
            for value in tensor.scalars { checksum = (checksum &* 31) &+ value.bitPattern }
        }
        return losses.map(\.bitPattern) + [checksum]
    }

    func testLossesAreIdenticalWithOneOrTwoThreads() {
        XCTAssertEqual(lossBits(threads: 1), lossBits(threads: 2))
    }

    /// Recorded from a run; debug and release must both reproduce these exact bits.
    func testLossesMatchTheRecordedBitPatterns() {
        let bits = lossBits(threads: 2)
        XCTAssertEqual(bits, Self.recorded)
    }

    static let recorded: [UInt32] = [0x403f_488b, 0x4035_feeb, 0x402c_e618, 0x402b_3eb7, 0x4022_aff4, 0x15bb_1f07]

    /// Ops large enough to be cut into blocks over threads (layer norm, GELU, softmax, attention)
    /// give the bits of one thread, forward and backward.
    func testLargeElementwiseOpsGiveTheSameBitsOnOneOrTwoThreads() {
        func bits(threads: Int) -> [UInt32] {
            EngineThreads.set(threads)
            defer { EngineThreads.set(2) }
            var g = RandomGenerator(seed: 4)
            let x = Tensor.randn([2, 150, 64], using: &g).requiringGrad()
            let norm = LayerNorm(64)
            let attention = MultiHeadAttention(dModel: 64, heads: 4, using: &g)
            let y = attention(norm(x).gelu(), mask: Tensor.causalMask(150))
            (y * Tensor.randn(y.shape, using: &g)).sum().backward()
            return (y.scalars + x.grad!.scalars + norm.weight.grad!.scalars + norm.bias.grad!.scalars).map(\.bitPattern)
        }
        XCTAssertEqual(bits(threads: 1), bits(threads: 2))
    }
}
