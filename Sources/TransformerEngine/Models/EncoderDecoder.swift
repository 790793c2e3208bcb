// The encoder and decoder stacks of the Transformer.

// MARK: - Encoder

/// A stack of encoder layers.
public final class Encoder: Module {
    public let layers: [EncoderLayer]

    public init(layers: Int, dModel: Int, heads: Int, hidden: Int, dropout: Float = 0,
        using generator: inout RandomGenerator) {
        var made: [EncoderLayer] = []
        for _ in 0..<layers { made.append(EncoderLayer(dModel: dModel, heads: heads, hidden: hidden, dropout: dropout,
            using: &generator)) }
        self.layers = made
    }

    public func callAsFunction(_ x: Tensor, mask: Tensor? = nil) -> Tensor {
        layers.reduce(x) { h, layer in layer(h, mask: mask) }
    }

    public func visitParameters(_ visit: (String, inout Tensor) -> Void) { visitParameters(names: true, visit) }

    public func visitParameters(names: Bool, _ visit: (String, inout Tensor) -> Void) {
        for (i, layer) in layers.enumerated() { self.visit(layer, prefix: "layers.\(i)", names: names, visit) }
    }
}

// MARK: - Decoder

/// A stack of decoder layers sharing one encoder memory.
public final class Decoder: Module {
    public let layers: [DecoderLayer]

    public init(layers: Int, dModel: Int, heads: Int, hidden: Int, dropout: Float = 0,
        using generator: inout RandomGenerator) {
        var made: [DecoderLayer] = []
        for _ in 0..<layers { made.append(DecoderLayer(dModel: dModel, heads: heads, hidden: hidden, dropout: dropout,
            using: &generator)) }
        self.layers = made
    }

    public func callAsFunction(_ x: Tensor, memory: Tensor, targetMask: Tensor? = nil,
        memoryMask: Tensor? = nil) -> Tensor {
        layers.reduce(x) { h, layer in layer(h, memory: memory, targetMask: targetMask, memoryMask: memoryMask) }
    }

    /// New target positions through every layer with one cache per layer (see `DecoderLayer.Cache`);
    /// `caches` starts as `[DecoderLayer.Cache](repeating: .init(), count: layers.count)`.
    public func callAsFunction(_ x: Tensor, memory: Tensor, memoryMask: Tensor? = nil,
        caches: inout [DecoderLayer.Cache]) -> Tensor {
        precondition(caches.count == layers.count, "Decoder: \(caches.count) caches for \(layers.count) layers")
        var h = x
        for index in layers.indices { h = layers[index](h, memory: memory, memoryMask: memoryMask,
            cache: &caches[index]) }
        return h
    }

    public func visitParameters(_ visit: (String, inout Tensor) -> Void) { visitParameters(names: true, visit) }

    public func visitParameters(names: Bool, _ visit: (String, inout Tensor) -> Void) {
        for (i, layer) in layers.enumerated() { self.visit(layer, prefix: "layers.\(i)", names: names, visit) }
    }
}
