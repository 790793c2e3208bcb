// A decoder-only GPT: token and learned position embeddings, pre-LN blocks, a final norm and an untied head.

// MARK: - GPT

/// The GPT-2 shape of model, small enough to train in a note.
public final class GPT: Module {
    /// Sizes of the model.
    public struct Config: Sendable, Equatable {
        public var vocabSize: Int
        public var contextLength: Int
        public var dModel: Int
        public var heads: Int
        public var layers: Int
        public var dropout: Float

        public init(vocabSize: Int, contextLength: Int, dModel: Int, heads: Int, layers: Int, dropout: Float = 0) {
            self.vocabSize = vocabSize
            self.contextLength = contextLength
            self.dModel = dModel
            self.heads = heads
            self.layers = layers
            self.dropout = dropout
        }
    }

    public let config: Config
    public let tokenEmbedding: Embedding
    public let positionEmbedding: PositionalEmbedding
    public let blocks: [GPTBlock]
    public let norm: LayerNorm
    /// Untied output projection without bias, [vocabSize, dModel].
    public let head: Linear
    public let dropout: Dropout

    /// GPT-2 initialisation: weights of embeddings and linear maps from N(0, 0.02²), biases 0.
    public init(config: Config, using generator: inout RandomGenerator) {
        self.config = config
        tokenEmbedding = Embedding(config.vocabSize, config.dModel, std: 0.02, using: &generator)
        positionEmbedding = PositionalEmbedding(
            contextLength: config.contextLength, dModel: config.dModel, std: 0.02, using: &generator)
        var made: [GPTBlock] = []
        for _ in 0..<config.layers {
            made.append(GPTBlock(dModel: config.dModel, heads: config.heads, dropout: config.dropout,
                using: &generator))
        }
        blocks = made
        norm = LayerNorm(config.dModel)
        head = Linear(config.dModel, config.vocabSize, bias: false, using: &generator)
        dropout = Dropout(config.dropout, seed: generator.next())
        for block in blocks {
            for linear in [block.attention.query, block.attention.key, block.attention.value, block.attention.output,
                           block.feedForward.linear1, block.feedForward.linear2] {
                linear.weight = Tensor.randn(linear.weight.shape, std: 0.02, using: &generator).requiringGrad()
                linear.bias = Tensor.zeros(linear.bias!.shape).requiringGrad()
            }
        }
        head.weight = Tensor.randn(head.weight.shape, std: 0.02, using: &generator).requiringGrad()
    }

    // MARK: - Forward

    /// Logits [batch, n, vocabSize] for token ids [batch][n], n ≤ contextLength.
    public func callAsFunction(_ ids: [[Int]]) -> Tensor {
        let length = ids.first?.count ?? 0
        precondition(length <= config.contextLength,
            "GPT: \(length) tokens exceed the context length \(config.contextLength)")
        var x = dropout(tokenEmbedding(ids) + positionEmbedding(length: length))
        let mask = Tensor.causalMask(length)
        for block in blocks { x = block(x, mask: mask) }
        return head(norm(x))
    }

    /// Mean next-token cross-entropy of `ids` against `targets` (both [batch][n]).
    public func loss(_ ids: [[Int]], targets: [[Int]], ignoreIndex: Int? = nil) -> Tensor {
        crossEntropy(self(ids), targets: targets.flatMap { $0 }, ignoreIndex: ignoreIndex)
    }

    /// Turns on stage recording in every attention layer (see `MultiHeadAttention.lastStages`).
    public var recordsAttentionStages: Bool {
        get { blocks.first?.attention.recordsStages ?? false }
        set { for block in blocks { block.attention.recordsStages = newValue } }
    }

    /// The latest attention stages of every layer, in order (needs `recordsAttentionStages`).
    public var attentionStages: [AttentionStages] { blocks.compactMap { $0.attention.lastStages } }

    public func visitParameters(_ visit: (String, inout Tensor) -> Void) { visitParameters(names: true, visit) }

    public func visitParameters(names: Bool, _ visit: (String, inout Tensor) -> Void) {
        self.visit(tokenEmbedding, prefix: "tokenEmbedding", names: names, visit)
        self.visit(positionEmbedding, prefix: "positionEmbedding", names: names, visit)
        for (i, block) in blocks.enumerated() { self.visit(block, prefix: "blocks.\(i)", names: names, visit) }
        self.visit(norm, prefix: "norm", names: names, visit)
        self.visit(head, prefix: "head", names: names, visit)
    }
}
