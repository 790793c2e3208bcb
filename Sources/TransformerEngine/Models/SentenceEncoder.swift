// Sentence embeddings as sentence-transformers makes them: BERT, mean over real tokens, L2-normalised.

import Foundation

// MARK: - SentenceEncoder

/// A sentence-transformers model such as all-MiniLM-L6-v2: its WordPiece tokenizer and BERT.
/// ```swift
/// let encoder = try SentenceEncoder(contentsOf: URL(fileURLWithPath: "models/all-MiniLM-L6-v2"))
/// encoder.tokenizer.tokens("The animal didn't cross the street")  // ["[CLS]", "the", "animal", "didn", "'", "t", …]
/// let e = encoder.embed(["a sentence", "another"])  // [2, 384], each row of length 1
/// let layers = encoder.attention("a sentence")      // one [heads, tokens, tokens] per layer
/// ```
public final class SentenceEncoder: @unchecked Sendable {
    public let tokenizer: WordPieceTokenizer
    public let model: BertModel
    /// Texts are cut to this many tokens, `[CLS]` and `[SEP]` included (sentence-transformers'
    /// `max_seq_length`: 256 for all-MiniLM-L6-v2).
    public let maxLength: Int

    /// The command that fetches the model the notes and tests use, named when it is missing.
    public static let fetchHint = "run scripts/fetch-models.sh to fetch all-MiniLM-L6-v2 into Notes/models/"

    /// Loads a model folder as sentence-transformers saves it: `config.json`, `vocab.txt`,
    /// `model.safetensors`, and optionally `tokenizer_config.json` (`do_lower_case`) and
    /// `sentence_bert_config.json` (`max_seq_length`).
    ///
    /// - Throws: `BertLoadError` for a missing folder (naming `scripts/fetch-models.sh`), a
    ///   missing file, tensor or field; `WordPieceError` for an unusable vocabulary.
    public init(contentsOf url: URL) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue,
              FileManager.default.fileExists(atPath: url.appendingPathComponent("model.safetensors").path)
        else {
            throw BertLoadError(file: url.relativePath,
                problem: "no model here (model.safetensors is missing): \(Self.fetchHint)")
        }
        let tokenizerSettings = Self.jsonObject(at: url.appendingPathComponent("tokenizer_config.json"))
        let lowercases = tokenizerSettings["do_lower_case"] as? Bool ?? true
        tokenizer = try WordPieceTokenizer(vocabularyAt: url.appendingPathComponent("vocab.txt"),
            lowercases: lowercases)
        model = try BertModel(contentsOf: url)
        let settings = Self.jsonObject(at: url.appendingPathComponent("sentence_bert_config.json"))
        maxLength = min((settings["max_seq_length"] as? NSNumber)?.intValue ?? 512, model.configuration.maxPositions)
    }

    // MARK: - Embeddings

    /// One embedding per text, [texts, hidden]: the last hidden states averaged over the real
    /// tokens (`[CLS]` and `[SEP]` included, padding not), then divided by their length.
    public func embed(_ texts: [String]) -> Tensor {
        if texts.isEmpty { return Tensor(shape: [0, model.configuration.hiddenSize], scalars: []) }
        let batch = tokenizer.encodeBatch(texts, maxLength: maxLength)
        let hidden = model(batch.ids, mask: batch.mask).lastHiddenState
        let n = hidden.shape[1], d = hidden.shape[2]
        var rows = [Float](repeating: 0, count: texts.count * d)
        hidden.scalars.withUnsafeBufferPointer { h in
            for (text, mask) in batch.mask.enumerated() {
                var sum = [Float](repeating: 0, count: d)
                for token in 0..<n where mask[token] != 0 {
                    for j in 0..<d { sum[j] += h[(text * n + token) * d + j] }
                }
                let real = Float(max(mask.reduce(0, +), 1))
                var squares: Float = 0
                for j in 0..<d {
                    sum[j] /= real
                    squares += sum[j] * sum[j]
                }
                let norm = max(squares.squareRoot(), 1e-12)
                for j in 0..<d { rows[text * d + j] = sum[j] / norm }
            }
        }
        return Tensor(shape: [texts.count, d], scalars: rows)
    }

    /// The cosine similarity of every pair of `texts`' embeddings, [texts, texts].
    public func similarities(_ texts: [String]) -> Tensor {
        let e = embed(texts)
        return Tensor.matmul(e, e, transposeA: false, transposeB: true)
    }

    // MARK: - Attention

    /// Every layer's attention weights for one text, each [heads, tokens, tokens] over
    /// `tokenizer.tokens(text)` (row: the query token, column: the token it attends to).
    public func attention(_ text: String) -> [Tensor] {
        let ids = tokenizer.encodeBatch([text], maxLength: maxLength).ids
        return model(ids, keepingAttention: true).attentions.map { $0.squeezed(axis: 0) }
    }

    // MARK: - Files

    /// The top-level object of an optional JSON file; empty when the file is absent or not an object.
    private static func jsonObject(at url: URL) -> [String: Any] {
        guard let data = FileManager.default.contents(atPath: url.path),
              let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else { return [:] }
        return object
    }
}
