// The fused attention op against the op-by-op stages: identical bits forward and backward.

import XCTest
@testable import TransformerEngine

final class FusedAttentionTests: XCTestCase {
    /// Output and gradients (input, key/value input, every parameter) of one attention call,
    /// as bit patterns; `staged` forces the op-by-op form by recording stages.
    func run(
        dModel: Int, heads: Int, batch: Int, queries: Int, keys: Int?, mask: Tensor?, staged: Bool, seed: UInt64
    ) -> [UInt32] {
        var g = RandomGenerator(seed: seed)
        let attention = MultiHeadAttention(dModel: dModel, heads: heads, using: &g)
        attention.recordsStages = staged
        let x = Tensor.randn([batch, queries, dModel], using: &g).requiringGrad()
        let memory = keys.map { Tensor.randn([batch, $0, dModel], using: &g).requiringGrad() }
        let out = attention(x, keyValue: memory, mask: mask)
        let weights = Tensor.randn(out.shape, using: &g)
        (out * weights).sum().backward()
        var bits = out.scalars.map(\.bitPattern) + x.grad!.scalars.map(\.bitPattern)
        if let memory { bits += memory.grad!.scalars.map(\.bitPattern) }
        for (_, parameter) in attention.parameters { bits += parameter.grad!.scalars.map(\.bitPattern) }
        return bits
    }

    func assertFusedEqualsStaged(
        dModel: Int = 8, heads: Int = 2, batch: Int = 2, queries: Int, keys: Int? = nil, mask: Tensor?,
        file: StaticString = #filePath, line: UInt = #line
    ) {
        let fused = run(dModel: dModel, heads: heads, batch: batch, queries: queries, keys: keys, mask: mask,
            staged: false, seed: 5)
        let staged = run(dModel: dModel, heads: heads, batch: batch, queries: queries, keys: keys, mask: mask,
            staged: true, seed: 5)
        XCTAssertEqual(fused.count, staged.count, file: file, line: line)
        XCTAssertTrue(fused == staged, "fused attention differs from the stages in some bit", file: file, line: line)
    }

    func testCausalSelfAttention() {
        assertFusedEqualsStaged(queries: 7, mask: Tensor.causalMask(7))
    }

    func testWithoutMask() {
        assertFusedEqualsStaged(heads: 4, queries: 5, mask: nil)
    }

    func testPaddingMaskOnCrossAttention() {
        let mask = Tensor.paddingMask([[4, 5, 6, 0, 0, 0], [7, 8, 9, 1, 2, 0]], padID: 0)
        assertFusedEqualsStaged(queries: 3, keys: 6, mask: mask)
    }

    func testPerItemMaskOfFullShape() {
        var values: [Float] = []
        for index in 0..<(2 * 2 * 4 * 4) { values.append(index % 3 == 0 ? 0 : 1) }
        assertFusedEqualsStaged(queries: 4, mask: Tensor(shape: [2, 2, 4, 4], scalars: values))
    }

    /// A mask with one value per query (extent 1 along the keys), one query fully blocked:
    /// the entry-by-entry path of the fused op, and a row of zero weights.
    func testMaskBroadcastAlongTheKeys() {
        assertFusedEqualsStaged(queries: 4, mask: Tensor(shape: [4, 1], scalars: [1, 0, 1, 1]))
    }

    /// More keys than one GEMM panel (256), so the sums run in two blocks; threads take the pairs.
    func testLongSequenceSplitOverThreads() {
        assertFusedEqualsStaged(dModel: 4, heads: 2, batch: 2, queries: 260, mask: Tensor.causalMask(260))
    }

    // The fused op skips blocks of 8 that a mask blocks whole (see `AttentionProblem.Blocks`);
    // these masks block some: several blocks each way, ragged last blocks, per item and per pair.

    func testCausalOverSeveralBlocks() {
        assertFusedEqualsStaged(queries: 32, mask: Tensor.causalMask(32))
        assertFusedEqualsStaged(queries: 21, mask: Tensor.causalMask(21))
    }

    func testPaddingOfDifferentLengthsPerItem() {
        let ids = [Array(1...9) + Array(repeating: 0, count: 15), Array(1...17) + Array(repeating: 0, count: 7)]
        assertFusedEqualsStaged(queries: 10, keys: 24, mask: Tensor.paddingMask(ids, padID: 0))
    }

    /// Causal and padding together, [batch, 1, n, n]: one set of blocks per pair.
    func testCausalAndPaddingTogether() {
        let n = 19
        var values: [Float] = []
        for length in [12, 19] {
            for i in 0..<n { for j in 0..<n { values.append(j <= i && j < length ? 1 : 0) } }
        }
        assertFusedEqualsStaged(queries: n, mask: Tensor(shape: [2, 1, n, n], scalars: values))
    }

    /// Rows whose open keys end at different places in no order, and rows with none open.
    func testScatteredMaskWithBlockedRows() {
        var g = RandomGenerator(seed: 9)
        let n = 20
        var values: [Float] = []
        for pair in 0..<4 {
            for i in 0..<n {
                let end = (i + pair) % 3 == 0 ? 0 : g.nextInt(below: n + 1)
                for j in 0..<n { values.append(j < end && g.nextInt(below: 4) != 0 ? 1 : 0) }
            }
        }
        assertFusedEqualsStaged(queries: n, mask: Tensor(shape: [2, 2, n, n], scalars: values))
    }

    /// A mask that does not broadcast is left to the op-by-op form, whose error names both shapes.
    func testMaskThatDoesNotBroadcastIsLeftToTheStages() {
        let x = Tensor.zeros([1, 2, 4])
        XCTAssertNil(Tensor.fusedAttention(query: x, key: x, value: x, heads: 2, mask: Tensor.ones([3, 3])))
        XCTAssertNotNil(Tensor.fusedAttention(query: x, key: x, value: x, heads: 2, mask: Tensor.ones([2, 2])))
    }
}
