// Multi-head attention (Vaswani et al. 2017): self or cross, causal and padding masks, stages kept.

import Foundation

// MARK: - MultiHeadAttention

/// `MultiHead(Q, K, V) = Concat(head₁…head_h) W^O`, `headᵢ = softmax(Q Wᵢ^Q (K Wᵢ^K)ᵀ / √d_k) V Wᵢ^V`.
///
/// Masks hold 1 where a query may attend a key and 0 where it may not; they broadcast to
/// [batch, heads, queries, keys] (e.g. `Tensor.causalMask(n)` [n, n] or
/// `Tensor.paddingMask(ids, padID:)` [batch, 1, 1, keys]).
public final class MultiHeadAttention: Module {
    public let dModel: Int
    public let heads: Int
    /// d_k = d_model / heads.
    public var headDimension: Int { dModel / heads }
    public let query: Linear
    public let key: Linear
    public let value: Linear
    public let output: Linear
    public let dropout: Dropout
    /// When true, every call stores its stages in `lastStages` (off by default: it costs memory).
    public var recordsStages = false
    /// The stages of the latest call, when `recordsStages` is on.
    public private(set) var lastStages: AttentionStages?

    public init(dModel: Int, heads: Int, dropout: Float = 0, using generator: inout RandomGenerator) {
        precondition(heads > 0 && dModel % heads == 0,
            "MultiHeadAttention: dModel \(dModel) is not divisible by \(heads) heads")
        self.dModel = dModel
        self.heads = heads
        query = Linear(dModel, dModel, using: &generator)
        key = Linear(dModel, dModel, using: &generator)
        value = Linear(dModel, dModel, using: &generator)
        output = Linear(dModel, dModel, using: &generator)
        self.dropout = Dropout(dropout, seed: generator.next())
    }

    // MARK: - Forward

    /// Self-attention when `keyValue` is nil, cross-attention (queries from `x`, keys and values
    /// from `keyValue`, e.g. the encoder's memory) otherwise. [batch, n, d] → [batch, n, d].
    public func callAsFunction(_ x: Tensor, keyValue: Tensor? = nil, mask: Tensor? = nil) -> Tensor {
        attend(x, keyValue: keyValue ?? x, mask: mask, cache: nil, appending: false)
    }

    /// Runs attention and returns its output with every stage, for drawing.
    public func withStages(_ x: Tensor, keyValue: Tensor? = nil, mask: Tensor? = nil) -> (Tensor, AttentionStages) {
        let keep = recordsStages
        recordsStages = true
        defer { recordsStages = keep }
        let out = self(x, keyValue: keyValue, mask: mask)
        return (out, lastStages!)
    }

    /// Self-attention over new positions appended to `cache`; causal over the whole sequence.
    public func callAsFunction(_ x: Tensor, cache: inout KVCache) -> Tensor {
        let past = cache.length, new = x.shape[1]
        var allowed = [Float](repeating: 0, count: new * (past + new))
        for i in 0..<new { for j in 0...(past + i) { allowed[i * (past + new) + j] = 1 } }
        let mask = Tensor(shape: [new, past + new], scalars: allowed)
        return withUnsafeMutablePointer(to: &cache) { attend(x, keyValue: x, mask: mask, cache: $0, appending: true) }
    }

    /// Cross-attention to a fixed `memory` (the encoder's output) whose keys and values are
    /// projected on the first call and kept in `cache`, so decoding token by token projects the
    /// memory once. `mask` as for the call without a cache (e.g. the source's padding mask).
    public func callAsFunction(_ x: Tensor, memory: Tensor, mask: Tensor? = nil, cache: inout KVCache) -> Tensor {
        withUnsafeMutablePointer(to: &cache) { attend(x, keyValue: memory, mask: mask, cache: $0, appending: false) }
    }

    /// [batch, n, d] → [batch, heads, n, d_k].
    func splitHeads(_ t: Tensor) -> Tensor {
        t.reshaped([t.shape[0], t.shape[1], heads, headDimension]).permuted([0, 2, 1, 3])
    }

    /// `cache`, when given, either grows by this call's keys and values (`appending`, self-attention
    /// during generation) or holds the keys and values of a fixed memory (filled on first use).
    private func attend(
        _ x: Tensor, keyValue: Tensor, mask: Tensor?, cache: UnsafeMutablePointer<KVCache>?, appending: Bool
    ) -> Tensor {
        precondition(x.rank == 3 && x.shape[2] == dModel,
            "MultiHeadAttention: input \(x.shape) is not [batch, n, \(dModel)]")
        precondition(
            keyValue.rank == 3 && keyValue.shape[0] == x.shape[0] && keyValue.shape[2] == dModel,
            "MultiHeadAttention: keys/values \(keyValue.shape) do not match queries \(x.shape)")
        let queries = query(x)
        var k: Tensor, v: Tensor
        if let cache, !appending, let keys = cache.pointee.keys, let values = cache.pointee.values {
            // A fixed memory projected on an earlier call.
            (k, v) = (keys, values)
        } else {
            let keys = key(keyValue), values = value(keyValue)
            // Without stages to keep, a cache to fill or dropout to draw, all heads run as one fused
            // op (same bits as the stages below, a fraction of the time and memory).
            if !recordsStages && cache == nil && !(dropout.p > 0 && GradMode.isEnabled),
               let fused = Tensor.fusedAttention(query: queries, key: keys, value: values, heads: heads, mask: mask)
            {
                return output(fused)
            }
            (k, v) = (splitHeads(keys), splitHeads(values))
            if let cache { (k, v) = cache.pointee.append(keys: k, values: v) }
        }
        let q = splitHeads(queries)
        let scores = Tensor.matmul(q, k, transposeA: false, transposeB: true)
        let scaled = scores * (1 / Float(headDimension).squareRoot())
        let masked = mask.map { scaled.maskedFill($0.equal(to: 0), with: -.infinity) } ?? scaled
        let weights = masked.softmax(axis: -1)
        let perHead = dropout(weights).matmul(v)
        if recordsStages {
            lastStages = AttentionStages(
                scores: scores.detached(), scaled: scaled.detached(), masked: masked.detached(),
                weights: weights.detached(), output: perHead.detached())
        }
        let merged = perHead.permuted([0, 2, 1, 3]).reshaped([x.shape[0], x.shape[1], dModel])
        return output(merged)
    }

    public func visitParameters(_ visit: (String, inout Tensor) -> Void) { visitParameters(names: true, visit) }

    public func visitParameters(names: Bool, _ visit: (String, inout Tensor) -> Void) {
        self.visit(query, prefix: "query", names: names, visit)
        self.visit(key, prefix: "key", names: names, visit)
        self.visit(value, prefix: "value", names: names, visit)
        self.visit(output, prefix: "output", names: names, visit)
    }
}
