// One Transformer decoder layer: masked self-attention, cross-attention to the encoder, feed-forward.

// MARK: - DecoderLayer

/// Post-LN decoder layer: masked self-attention, then cross-attention whose keys and values
/// are the encoder's output (memory), then the feed-forward network; each with a residual.
public final class DecoderLayer: Module {
    public let selfAttention: MultiHeadAttention
    public let crossAttention: MultiHeadAttention
    public let feedForward: FeedForward
    public let norm1: LayerNorm
    public let norm2: LayerNorm
    public let norm3: LayerNorm
    public let dropout: Dropout

    public init(dModel: Int, heads: Int, hidden: Int, dropout: Float = 0, using generator: inout RandomGenerator) {
        selfAttention = MultiHeadAttention(dModel: dModel, heads: heads, dropout: dropout, using: &generator)
        crossAttention = MultiHeadAttention(dModel: dModel, heads: heads, dropout: dropout, using: &generator)
        feedForward = FeedForward(dModel: dModel, hidden: hidden, activation: .relu, dropout: dropout, using: &generator)
        norm1 = LayerNorm(dModel)
        norm2 = LayerNorm(dModel)
        norm3 = LayerNorm(dModel)
        self.dropout = Dropout(dropout, seed: generator.next())
    }

    /// `x` [batch, m, d] attends to itself under `targetMask` (causal) and to `memory`
    /// [batch, n, d] under `memoryMask` (source padding).
    public func callAsFunction(_ x: Tensor, memory: Tensor, targetMask: Tensor? = nil, memoryMask: Tensor? = nil) -> Tensor {
        var h = norm1(x + dropout(selfAttention(x, mask: targetMask)))
        h = norm2(h + dropout(crossAttention(h, keyValue: memory, mask: memoryMask)))
        return norm3(h + dropout(feedForward(h)))
    }

    public func visitParameters(_ visit: (String, inout Tensor) -> Void) {
        self.visit(selfAttention, prefix: "selfAttention", visit)
        self.visit(crossAttention, prefix: "crossAttention", visit)
        self.visit(feedForward, prefix: "feedForward", visit)
        self.visit(norm1, prefix: "norm1", visit)
        self.visit(norm2, prefix: "norm2", visit)
        self.visit(norm3, prefix: "norm3", visit)
    }
}
