// One GPT block: pre-LN masked self-attention and feed-forward, each added back to the residual stream.

// MARK: - GPTBlock

/// `x = x + Attention(LN₁(x))`, `x = x + FFN(LN₂(x))` (pre-LN, as GPT-2).
public final class GPTBlock: Module {
    public let norm1: LayerNorm
    public let attention: MultiHeadAttention
    public let norm2: LayerNorm
    public let feedForward: FeedForward
    public let dropout: Dropout

    public init(dModel: Int, heads: Int, dropout: Float = 0, using generator: inout RandomGenerator) {
        norm1 = LayerNorm(dModel)
        attention = MultiHeadAttention(dModel: dModel, heads: heads, dropout: dropout, using: &generator)
        norm2 = LayerNorm(dModel)
        feedForward = FeedForward(dModel: dModel, hidden: 4 * dModel, activation: .gelu, dropout: dropout,
            using: &generator)
        self.dropout = Dropout(dropout, seed: generator.next())
    }

    /// [batch, n, d] → [batch, n, d] under `mask` (causal).
    public func callAsFunction(_ x: Tensor, mask: Tensor) -> Tensor {
        let h = x + dropout(attention(norm1(x), mask: mask))
        return h + dropout(feedForward(norm2(h)))
    }

    /// The same step for new positions only, reading and extending `cache`.
    public func callAsFunction(_ x: Tensor, cache: inout KVCache) -> Tensor {
        let h = x + attention(norm1(x), cache: &cache)
        return h + feedForward(norm2(h))
    }

    public func visitParameters(_ visit: (String, inout Tensor) -> Void) { visitParameters(names: true, visit) }

    public func visitParameters(names: Bool, _ visit: (String, inout Tensor) -> Void) {
        self.visit(norm1, prefix: "norm1", names: names, visit)
        self.visit(attention, prefix: "attention", names: names, visit)
        self.visit(norm2, prefix: "norm2", names: names, visit)
        self.visit(feedForward, prefix: "feedForward", names: names, visit)
    }
}
