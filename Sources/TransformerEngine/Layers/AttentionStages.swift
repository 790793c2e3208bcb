// The intermediate results of scaled dot-product attention, kept so notes can draw them.

// MARK: - AttentionStages

/// Each stage of `softmax(QKᵀ/√d_k + mask) V` for every head, shaped [batch, heads, queries, keys]
/// (the output is [batch, heads, queries, d_k]).
public struct AttentionStages: Sendable {
    /// QKᵀ: raw dot products of queries with keys.
    public let scores: Tensor
    /// QKᵀ / √d_k.
    public let scaled: Tensor
    /// Scaled scores with blocked positions set to −∞ (equal to `scaled` without a mask).
    public let masked: Tensor
    /// softmax over keys: the attention weights; each row sums to 1.
    public let weights: Tensor
    /// weights · V, per head, before heads are concatenated and projected.
    public let output: Tensor

    /// The weights of one head of one batch item, [queries, keys], ready for a heatmap.
    public func weights(batch: Int = 0, head: Int) -> Tensor { weights[batch][head] }
}
