// One BERT encoder layer: self-attention and a feed-forward network, each followed by Add & LayerNorm (Post-LN).

// MARK: - BertLayer

/// `x = LN(x + Attention(x))`, `x = LN(x + W₂ GELU(W₁ x))`, as in the original Transformer and BERT
/// (normalisation after each residual sum, unlike GPT-2's Pre-LN).
struct BertLayer {
    let heads: Int
    let epsilon: Float
    let query: (weight: Tensor, bias: Tensor)
    let key: (weight: Tensor, bias: Tensor)
    let value: (weight: Tensor, bias: Tensor)
    let attentionOutput: (weight: Tensor, bias: Tensor)
    let attentionNorm: (weight: Tensor, bias: Tensor)
    let intermediate: (weight: Tensor, bias: Tensor)
    let output: (weight: Tensor, bias: Tensor)
    let outputNorm: (weight: Tensor, bias: Tensor)

    /// The Hugging Face names, under `encoder.layer.N.`, in the order of the stored pairs above.
    static let names = [
        "attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense",
        "attention.output.LayerNorm", "intermediate.dense", "output.dense", "output.LayerNorm",
    ].flatMap { ["\($0).weight", "\($0).bias"] }

    init(_ weights: BertWeights, index: Int, _ configuration: BertConfiguration) throws {
        let d = configuration.hiddenSize, inner = configuration.intermediateSize
        let base = "encoder.layer.\(index)."
        func pair(_ name: String, _ shape: [Int]) throws -> (weight: Tensor, bias: Tensor) {
            (try weights.tensor(base + name + ".weight", shape: shape), try weights.tensor(base + name + ".bias",
                shape: [shape[0]]))
        }
        heads = configuration.heads
        epsilon = configuration.layerNormEpsilon
        query = try pair("attention.self.query", [d, d])
        key = try pair("attention.self.key", [d, d])
        value = try pair("attention.self.value", [d, d])
        attentionOutput = try pair("attention.output.dense", [d, d])
        attentionNorm = try pair("attention.output.LayerNorm", [d])
        intermediate = try pair("intermediate.dense", [inner, d])
        output = try pair("output.dense", [d, inner])
        outputNorm = try pair("output.LayerNorm", [d])
    }

    /// [batch, n, d] → [batch, n, d], and the attention weights [batch, heads, n, n] when asked.
    /// `mask` is [batch, 1, 1, n], 1 on real tokens: no query attends to padding.
    func callAsFunction(_ x: Tensor, mask: Tensor?, keepingAttention: Bool) -> (Tensor, Tensor?) {
        let q = Tensor.affine(x, weight: query.weight, bias: query.bias)
        let k = Tensor.affine(x, weight: key.weight, bias: key.bias)
        let v = Tensor.affine(x, weight: value.weight, bias: value.bias)
        var weights: Tensor?
        let context: Tensor
        if !keepingAttention, let fused = Tensor.fusedAttention(query: q, key: k, value: v, heads: heads, mask: mask) {
            context = fused
        } else {
            let (merged, attention) = Self.attention(q, k, v, heads: heads, mask: mask)
            context = merged
            weights = attention
        }
        let attended = Tensor.affine(context, weight: attentionOutput.weight, bias: attentionOutput.bias)
        let h = layerNorm(attended + x, gamma: attentionNorm.weight, beta: attentionNorm.bias, epsilon: epsilon)
        let inner = Tensor.affine(h, weight: intermediate.weight, bias: intermediate.bias).geluErf()
        let out = Tensor.affine(inner, weight: output.weight, bias: output.bias)
        return (layerNorm(out + h, gamma: outputNorm.weight, beta: outputNorm.bias, epsilon: epsilon), weights)
    }

    /// softmax(QKᵀ/√d_k, masked) V stage by stage, keeping the weights: the merged heads
    /// [batch, n, d] and the weights [batch, heads, n, n].
    static func attention(_ q: Tensor, _ k: Tensor, _ v: Tensor, heads: Int, mask: Tensor?) -> (Tensor, Tensor) {
        let batch = q.shape[0], n = q.shape[1], d = q.shape[2], size = d / heads
        func split(_ t: Tensor) -> Tensor { t.reshaped([batch, n, heads, size]).permuted([0, 2, 1, 3]) }
        let scores = Tensor.matmul(split(q), split(k), transposeA: false,
            transposeB: true) * (1 / Float(size).squareRoot())
        let masked = mask.map { scores.maskedFill($0.equal(to: 0), with: -.infinity) } ?? scores
        let weights = masked.softmax(axis: -1)
        let merged = weights.matmul(split(v)).permuted([0, 2, 1, 3]).reshaped([batch, n, d])
        return (merged, weights)
    }
}
