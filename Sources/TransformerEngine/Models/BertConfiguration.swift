// The sizes of a BERT model, read from the `config.json` Hugging Face writes beside its weights.

import Foundation

// MARK: - BertConfiguration

/// What a `BertModel` needs from `config.json`: widths, depth, heads and the LayerNorm epsilon.
public struct BertConfiguration: Sendable, Equatable {
    public var vocabularySize: Int
    public var hiddenSize: Int
    public var layers: Int
    public var heads: Int
    public var intermediateSize: Int
    public var maxPositions: Int
    public var typeVocabularySize: Int
    public var layerNormEpsilon: Float

    public init(
        vocabularySize: Int, hiddenSize: Int, layers: Int, heads: Int, intermediateSize: Int,
        maxPositions: Int, typeVocabularySize: Int = 2, layerNormEpsilon: Float = 1e-12
    ) {
        self.vocabularySize = vocabularySize
        self.hiddenSize = hiddenSize
        self.layers = layers
        self.heads = heads
        self.intermediateSize = intermediateSize
        self.maxPositions = maxPositions
        self.typeVocabularySize = typeVocabularySize
        self.layerNormEpsilon = layerNormEpsilon
    }

    /// Reads a Hugging Face `config.json` of `"model_type": "bert"` with the erf GELU and
    /// absolute positions, the only kind this engine runs.
    ///
    /// - Throws: `BertLoadError` naming the file and the field that is missing or unsupported.
    public init(contentsOf url: URL) throws {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BertLoadError(file: url.relativePath, problem: "cannot read the file")
        }
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            throw BertLoadError(file: url.relativePath, problem: "is not a JSON object")
        }
        func integer(_ key: String) throws -> Int {
            guard let value = object[key] as? NSNumber, value.doubleValue == value.doubleValue.rounded() else {
                throw BertLoadError(file: url.relativePath, problem: "needs an integer \"\(key)\"")
            }
            return value.intValue
        }
        func text(_ key: String, default fallback: String) throws -> String {
            guard let value = object[key] else { return fallback }
            guard let string = value as? String else {
                throw BertLoadError(file: url.relativePath, problem: "\"\(key)\" must be a string")
            }
            return string
        }
        let activation = try text("hidden_act", default: "gelu")
        guard activation == "gelu" else {
            throw BertLoadError(file: url.relativePath,
                problem: "\"hidden_act\": \"\(activation)\" is not supported (only \"gelu\", the erf form)")
        }
        let positions = try text("position_embedding_type", default: "absolute")
        guard positions == "absolute" else {
            throw BertLoadError(file: url.relativePath,
                problem: "\"position_embedding_type\": \"\(positions)\" is not supported (only \"absolute\")")
        }
        self.init(
            vocabularySize: try integer("vocab_size"), hiddenSize: try integer("hidden_size"),
            layers: try integer("num_hidden_layers"), heads: try integer("num_attention_heads"),
            intermediateSize: try integer("intermediate_size"), maxPositions: try integer("max_position_embeddings"),
            typeVocabularySize: object["type_vocab_size"] == nil ? 2 : try integer("type_vocab_size"),
            layerNormEpsilon: (object["layer_norm_eps"] as? NSNumber)?.floatValue ?? 1e-12)
        guard hiddenSize > 0, heads > 0, hiddenSize % heads == 0 else {
            throw BertLoadError(file: url.relativePath,
                problem: "\"hidden_size\" \(hiddenSize) is not a multiple of \"num_attention_heads\" \(heads)")
        }
    }
}

// MARK: - Errors

/// A BERT model that cannot be loaded: the file, and what is wrong with it, in one line.
public struct BertLoadError: Error, CustomStringConvertible, Equatable {
    public let file: String
    public let problem: String

    public init(file: String, problem: String) {
        self.file = file
        self.problem = problem
    }

    public var description: String { "\(file): \(problem)" }
}
