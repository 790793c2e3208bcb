// BERT's input: word + absolute position + token type embeddings, then LayerNorm.

// MARK: - BertEmbeddings

/// `LayerNorm(word[id] + position[i] + tokenType[0])` for every token (one segment: type 0).
struct BertEmbeddings {
    let word: Tensor
    let position: Tensor
    let tokenType: Tensor
    let normWeight: Tensor
    let normBias: Tensor
    let epsilon: Float

    /// The Hugging Face names, under `embeddings.`.
    static let names = [
        "embeddings.word_embeddings.weight", "embeddings.position_embeddings.weight",
        "embeddings.token_type_embeddings.weight", "embeddings.LayerNorm.weight", "embeddings.LayerNorm.bias",
    ]

    init(_ weights: BertWeights, _ configuration: BertConfiguration) throws {
        let d = configuration.hiddenSize
        word = try weights.tensor(Self.names[0], shape: [configuration.vocabularySize, d])
        position = try weights.tensor(Self.names[1], shape: [configuration.maxPositions, d])
        tokenType = try weights.tensor(Self.names[2], shape: [configuration.typeVocabularySize, d])
        normWeight = try weights.tensor(Self.names[3], shape: [d])
        normBias = try weights.tensor(Self.names[4], shape: [d])
        epsilon = configuration.layerNormEpsilon
    }

    /// [batch][length] ids → [batch, length, d].
    func callAsFunction(_ ids: [[Int]]) -> Tensor {
        let batch = ids.count, length = ids.first?.count ?? 0, d = word.shape[1]
        precondition(ids.allSatisfy { $0.count == length },
            "BertModel: the rows of a batch must have one length (pad them)")
        precondition(length <= position.shape[0],
            "BertModel: \(length) tokens, more than the \(position.shape[0]) positions it has")
        for row in ids {
            for id in row {
                precondition(id >= 0 && id < word.shape[0], "BertModel: token id \(id) is not in 0..<\(word.shape[0])")
            }
        }
        let words = word.rows(ids.flatMap { $0 }).reshaped([batch, length, d])
        let positions = position.sliced(0..<length).unsqueezed(axis: 0)
        let types = tokenType.sliced(0..<1)
        return layerNorm(words + positions + types, gamma: normWeight, beta: normBias, epsilon: epsilon)
    }
}
