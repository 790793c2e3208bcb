// BERT (Devlin et al. 2019) as Hugging Face's `BertModel` computes it, loaded from its config.json and safetensors.

import Foundation

// MARK: - BertModel

/// A pretrained BERT encoder: embeddings, then `configuration.layers` Post-LN encoder layers.
/// ```swift
/// let bert = try BertModel(contentsOf: URL(fileURLWithPath: "models/all-MiniLM-L6-v2"))
/// let out = bert([[101, 7592, 102]], keepingAttention: true)
/// out.hiddenStates.count   // layers + 1: the embeddings, then every layer's output
/// out.attentions[0].shape  // [1, 12, 3, 3]
/// ```
/// Inference only (no dropout, no gradients). Loading maps the file and converts each tensor once.
public final class BertModel: @unchecked Sendable {
    public let configuration: BertConfiguration
    let embeddings: BertEmbeddings
    let layers: [BertLayer]

    /// Loads `config.json` and `model.safetensors` from the folder at `url`.
    ///
    /// - Throws: `BertLoadError` naming a missing file, a missing tensor or one of the wrong
    ///   shape; `SafeTensorsError` for a malformed weights file.
    public convenience init(contentsOf url: URL) throws {
        let configuration = try BertConfiguration(contentsOf: url.appendingPathComponent("config.json"))
        try self.init(configuration: configuration, weightsAt: url.appendingPathComponent("model.safetensors"))
    }

    /// Loads the weights of a model of `configuration` from the safetensors file at `url`.
    public init(configuration: BertConfiguration, weightsAt url: URL) throws {
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw BertLoadError(file: url.relativePath, problem: "no such file")
        }
        let weights = try BertWeights(contentsOf: url, names: BertWeights.names(for: configuration))
        self.configuration = configuration
        embeddings = try BertEmbeddings(weights, configuration)
        layers = try (0..<configuration.layers).map { try BertLayer(weights, index: $0, configuration) }
    }

    // MARK: - Running

    /// Runs the encoder on a batch of token ids of one length. `mask` (1 = real token, 0 =
    /// padding) keeps every query from attending to padding; nil means no padding.
    /// `keepingAttention` also returns every layer's attention weights (a slower path that
    /// keeps them; the outputs are the same to rounding). O(layers · batch · n · d · (n + d)).
    public func callAsFunction(_ ids: [[Int]], mask: [[Int]]? = nil, keepingAttention: Bool = false) -> BertOutput {
        let batch = ids.count, length = ids.first?.count ?? 0
        if let mask {
            precondition(mask.count == batch && mask.allSatisfy { $0.count == length },
                         "BertModel: the mask must have the shape of the ids [\(batch)][\(length)]")
        }
        let maskTensor = mask.map { rows in
            Tensor(shape: [batch, 1, 1, length], scalars: rows.flatMap { $0.map { $0 == 0 ? Float(0) : 1 } })
        }
        return withoutGrad {
            var x = embeddings(ids)
            var hidden = [x]
            var attentions: [Tensor] = []
            for layer in layers {
                let (next, weights) = layer(x, mask: maskTensor, keepingAttention: keepingAttention)
                x = next
                hidden.append(x)
                if let weights { attentions.append(weights) }
            }
            return BertOutput(hiddenStates: hidden, attentions: attentions)
        }
    }
}

// MARK: - Output

/// What one run of `BertModel` gives.
public struct BertOutput: Sendable {
    /// layers + 1 tensors [batch, n, d]: the embeddings' output, then each layer's (as Hugging
    /// Face's `output_hidden_states`); the last is the model's output.
    public let hiddenStates: [Tensor]
    /// One tensor [batch, heads, n, n] per layer when asked for (`output_attentions`), else empty.
    public let attentions: [Tensor]

    /// The last layer's output [batch, n, d].
    public var lastHiddenState: Tensor { hiddenStates[hiddenStates.count - 1] }
}
