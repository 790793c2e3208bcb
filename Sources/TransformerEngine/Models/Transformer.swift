// The encoder-decoder Transformer of "Attention Is All You Need" (Vaswani et al. 2017).

// MARK: - Transformer

/// Source tokens → encoder memory; target tokens attend causally to themselves and to the
/// memory; a linear map gives logits over the target vocabulary.
public final class Transformer: Module {
    /// Sizes of the model.
    public struct Config: Sendable {
        public var sourceVocabSize: Int
        public var targetVocabSize: Int
        public var dModel: Int
        public var heads: Int
        public var layers: Int
        public var hidden: Int
        public var maxLength: Int
        public var dropout: Float

        public init(
            sourceVocabSize: Int, targetVocabSize: Int, dModel: Int = 32, heads: Int = 4, layers: Int = 2,
            hidden: Int? = nil, maxLength: Int = 64, dropout: Float = 0
        ) {
            self.sourceVocabSize = sourceVocabSize
            self.targetVocabSize = targetVocabSize
            self.dModel = dModel
            self.heads = heads
            self.layers = layers
            self.hidden = hidden ?? 4 * dModel
            self.maxLength = maxLength
            self.dropout = dropout
        }
    }

    public let config: Config
    public let sourceEmbedding: Embedding
    public let targetEmbedding: Embedding
    public let encoder: Encoder
    public let decoder: Decoder
    /// Maps decoder output to target-vocabulary logits.
    public let generator: Linear
    /// Fixed sinusoidal encodings, [maxLength, dModel].
    public let positions: Tensor

    public init(config: Config, using random: inout RandomGenerator) {
        self.config = config
        sourceEmbedding = Embedding(config.sourceVocabSize, config.dModel, using: &random)
        targetEmbedding = Embedding(config.targetVocabSize, config.dModel, using: &random)
        encoder = Encoder(
            layers: config.layers, dModel: config.dModel, heads: config.heads, hidden: config.hidden,
            dropout: config.dropout, using: &random)
        decoder = Decoder(
            layers: config.layers, dModel: config.dModel, heads: config.heads, hidden: config.hidden,
            dropout: config.dropout, using: &random)
        generator = Linear(config.dModel, config.targetVocabSize, using: &random)
        positions = sinusoidalPositionalEncoding(length: config.maxLength, dModel: config.dModel)
    }

    /// Embeds ids, scales by √d_model (as the paper does) and adds sinusoidal positions, the
    /// first id at position `offset`.
    public func embed(_ ids: [[Int]], with table: Embedding, offset: Int = 0) -> Tensor {
        let length = ids.first?.count ?? 0
        precondition(
            offset + length <= config.maxLength,
            "Transformer: length \(offset + length) exceeds maxLength \(config.maxLength)")
        return table(ids) * Float(config.dModel).squareRoot() + positions.sliced(offset..<(offset + length))
    }

    /// The encoder's memory for `source` [batch][n], with padding masked when `padID` is given.
    public func encode(_ source: [[Int]], padID: Int? = nil) -> Tensor {
        encoder(embed(source, with: sourceEmbedding), mask: padID.map { Tensor.paddingMask(source, padID: $0) })
    }

    /// Logits [batch, m, targetVocab] for `target` [batch][m] given `source` [batch][n].
    public func callAsFunction(source: [[Int]], target: [[Int]], padID: Int? = nil) -> Tensor {
        let memory = encode(source, padID: padID)
        let length = target.first?.count ?? 0
        let hidden = decoder(
            embed(target, with: targetEmbedding), memory: memory, targetMask: Tensor.causalMask(length),
            memoryMask: padID.map { Tensor.paddingMask(source, padID: $0) })
        return generator(hidden)
    }

    public func visitParameters(_ visit: (String, inout Tensor) -> Void) { visitParameters(names: true, visit) }

    public func visitParameters(names: Bool, _ visit: (String, inout Tensor) -> Void) {
        self.visit(sourceEmbedding, prefix: "sourceEmbedding", names: names, visit)
        self.visit(targetEmbedding, prefix: "targetEmbedding", names: names, visit)
        self.visit(encoder, prefix: "encoder", names: names, visit)
        self.visit(decoder, prefix: "decoder", names: names, visit)
        self.visit(generator, prefix: "generator", names: names, visit)
    }
}
