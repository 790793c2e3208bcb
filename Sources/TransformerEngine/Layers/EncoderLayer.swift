// One Transformer encoder layer: self-attention and feed-forward, each with residual and layer norm.

// MARK: - EncoderLayer

/// `x = LayerNorm(x + SelfAttention(x))`, `x = LayerNorm(x + FFN(x))` (post-LN, as in the paper).
public final class EncoderLayer: Module {
    public let selfAttention: MultiHeadAttention
    public let feedForward: FeedForward
    public let norm1: LayerNorm
    public let norm2: LayerNorm
    public let dropout: Dropout

    public init(dModel: Int, heads: Int, hidden: Int, dropout: Float = 0, using generator: inout RandomGenerator) {
        selfAttention = MultiHeadAttention(dModel: dModel, heads: heads, dropout: dropout, using: &generator)
        feedForward = FeedForward(dModel: dModel, hidden: hidden, activation: .relu, dropout: dropout,
            using: &generator)
        norm1 = LayerNorm(dModel)
        norm2 = LayerNorm(dModel)
        self.dropout = Dropout(dropout, seed: generator.next())
    }

    /// [batch, n, d] → [batch, n, d]; `mask` blocks padding keys.
    public func callAsFunction(_ x: Tensor, mask: Tensor? = nil) -> Tensor {
        let attended = norm1(x + dropout(selfAttention(x, mask: mask)))
        return norm2(attended + dropout(feedForward(attended)))
    }

    public func visitParameters(_ visit: (String, inout Tensor) -> Void) { visitParameters(names: true, visit) }

    public func visitParameters(names: Bool, _ visit: (String, inout Tensor) -> Void) {
        self.visit(selfAttention, prefix: "selfAttention", names: names, visit)
        self.visit(feedForward, prefix: "feedForward", names: names, visit)
        self.visit(norm1, prefix: "norm1", names: names, visit)
        self.visit(norm2, prefix: "norm2", names: names, visit)
    }
}
