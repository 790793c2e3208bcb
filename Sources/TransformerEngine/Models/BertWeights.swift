// Reads a BERT checkpoint's tensors by their Hugging Face names, each checked against the shape the model needs.

import Foundation

// MARK: - BertWeights

/// The tensors of a Hugging Face `BertModel` safetensors file, taken by name.
///
/// The file is memory-mapped and each wanted tensor converted to Float once (F32, F16 and
/// BF16); tensors the model does not use (`embeddings.position_ids`, the pooler) are never
/// read. Names may carry the `bert.` prefix of checkpoints saved from a task model.
struct BertWeights {
    let file: String
    private let tensors: [String: Tensor]
    private let prefix: String

    /// Reads `names` (without prefix) from the file at `url`.
    ///
    /// - Throws: `BertLoadError` naming the first missing tensor; `SafeTensorsError` for a
    ///   malformed file or a wanted tensor of an unsupported dtype.
    init(contentsOf url: URL, names: [String]) throws {
        file = url.relativePath
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw BertLoadError(file: url.relativePath, problem: "cannot read the file (\(error.localizedDescription))")
        }
        var found: [String: Tensor] = [:]
        var prefix = ""
        try data.withUnsafeBytes { bytes in
            let plain = try SafeTensorsHeader(of: bytes, file: url.relativePath, only: Set(names))
            let prefixed = plain.entries.isEmpty
                ? try SafeTensorsHeader(of: bytes, file: url.relativePath,
                    only: Set(names.map { "bert." + $0 })) : plain
            if plain.entries.isEmpty && !prefixed.entries.isEmpty { prefix = "bert." }
            for entry in prefixed.entries {
                let count = (entry.end - entry.begin) / entry.dtype.byteWidth
                let scalars = entry.dtype.floats(in: bytes, offset: prefixed.dataStart + entry.begin, count: count)
                found[entry.name] = Tensor(shape: entry.shape, scalars: scalars)
            }
        }
        for name in names where found[prefix + name] == nil {
            throw BertLoadError(file: url.relativePath, problem: "tensor \"\(prefix + name)\" is missing")
        }
        tensors = found
        self.prefix = prefix
    }

    /// The tensor `name`, which must have `shape`.
    ///
    /// - Throws: `BertLoadError` naming the tensor, its shape and the shape expected.
    func tensor(_ name: String, shape: [Int]) throws -> Tensor {
        let tensor = tensors[prefix + name]!
        guard tensor.shape == shape else {
            throw BertLoadError(
                file: file, problem: "tensor \"\(prefix + name)\" has shape \(tensor.shape), expected \(shape)")
        }
        return tensor
    }

    /// The tensor names a model of `configuration` reads, embeddings first, then layer by layer.
    static func names(for configuration: BertConfiguration) -> [String] {
        BertEmbeddings.names + (0..<configuration.layers).flatMap { layer in
            BertLayer.names.map { "encoder.layer.\(layer).\($0)" }
        }
    }
}
