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
        feedForward = FeedForward(dModel: dModel, hidden: hidden, activation: .relu, dropout: dropout,
            using: &generator)
        norm1 = LayerNorm(dModel)
        norm2 = LayerNorm(dModel)
        norm3 = LayerNorm(dModel)
        self.dropout = Dropout(dropout, seed: generator.next())
    }

    /// `x` [batch, m, d] attends to itself under `targetMask` (causal) and to `memory`
    /// [batch, n, d] under `memoryMask` (source padding).
    public func callAsFunction(_ x: Tensor, memory: Tensor, targetMask: Tensor? = nil,
        memoryMask: Tensor? = nil) -> Tensor {
        var h = norm1(x + dropout(selfAttention(x, mask: targetMask)))
        h = norm2(h + dropout(crossAttention(h, keyValue: memory, mask: memoryMask)))
        return norm3(h + dropout(feedForward(h)))
    }

    /// The same layer for new target positions only, during decoding: self-attention reads and
    /// extends `cache.selfAttention`, cross-attention projects `memory` once into `cache.memory`.
    public func callAsFunction(_ x: Tensor, memory: Tensor, memoryMask: Tensor? = nil, cache: inout Cache) -> Tensor {
        var h = norm1(x + dropout(selfAttention(x, cache: &cache.selfAttention)))
        h = norm2(h + dropout(crossAttention(h, memory: memory, mask: memoryMask, cache: &cache.memory)))
        return norm3(h + dropout(feedForward(h)))
    }

    /// What one decoder layer keeps between decoding steps.
    public struct Cache: Sendable {
        /// Keys and values of the target positions so far.
        public var selfAttention = KVCache()
        /// Keys and values of the encoder's memory.
        public var memory = KVCache()

        public init() {}
    }

    public func visitParameters(_ visit: (String, inout Tensor) -> Void) { visitParameters(names: true, visit) }

    public func visitParameters(names: Bool, _ visit: (String, inout Tensor) -> Void) {
        self.visit(selfAttention, prefix: "selfAttention", names: names, visit)
        self.visit(crossAttention, prefix: "crossAttention", names: names, visit)
        self.visit(feedForward, prefix: "feedForward", names: names, visit)
        self.visit(norm1, prefix: "norm1", names: names, visit)
        self.visit(norm2, prefix: "norm2", names: names, visit)
        self.visit(norm3, prefix: "norm3", names: names, visit)
    }
}
