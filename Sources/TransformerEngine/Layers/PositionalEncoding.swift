// Positional information: the paper's fixed sinusoids and GPT's learned position embeddings.

import Foundation

// MARK: - Sinusoidal

/// PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(pos / 10000^(2i/d)), as [length, dModel].
/// Computed in Double, then rounded, so values do not depend on Float libm details.
public func sinusoidalPositionalEncoding(length: Int, dModel: Int) -> Tensor {
    var values = [Float](repeating: 0, count: length * dModel)
    for position in 0..<length {
        for i in stride(from: 0, to: dModel, by: 2) {
            let angle = Double(position) / Foundation.pow(10_000, Double(i) / Double(dModel))
            values[position * dModel + i] = Float(Foundation.sin(angle))
            if i + 1 < dModel { values[position * dModel + i + 1] = Float(Foundation.cos(angle)) }
        }
    }
    return Tensor(shape: [length, dModel], scalars: values)
}

// MARK: - Learned

/// A learned vector per position (GPT), [contextLength, dModel].
public final class PositionalEmbedding: Module {
    public var weight: Tensor

    public init(contextLength: Int, dModel: Int, std: Float = 1, using generator: inout RandomGenerator) {
        weight = Tensor.randn([contextLength, dModel], std: std, using: &generator).requiringGrad()
    }

    /// The vectors of positions `offset ..< offset + length`, [length, dModel].
    public func callAsFunction(length: Int, offset: Int = 0) -> Tensor {
        precondition(
            offset + length <= weight.shape[0],
            "PositionalEmbedding: positions up to \(offset + length) exceed the context length \(weight.shape[0])")
        return weight.sliced(offset..<(offset + length), axis: 0)
    }

    public func visitParameters(_ visit: (String, inout Tensor) -> Void) { visit("weight", &weight) }
}
