// Saving and loading a module's parameters as a safetensors file, by their dotted names.

import Foundation

// MARK: - Weights on disk

extension Module {
    /// Writes every parameter (F32) to `url` under its dotted name; PyTorch reads it with
    /// `safetensors.torch.load_file`.
    public func save(to url: URL, metadata: [String: String] = [:]) throws {
        try SafeTensors.save(namedParameters, to: url, metadata: metadata)
    }

    /// Replaces every parameter with the tensor of the same name in the safetensors file at
    /// `url` (F32, F16 or BF16). Extra tensors in the file are ignored.
    public func load(from url: URL) throws {
        try load(SafeTensors.load(from: url))
    }
}
