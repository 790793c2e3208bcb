// Greedy decoding with the encoder-decoder Transformer: encode once, then extend the target token by token.

// MARK: - Greedy decoding

extension Transformer {
    /// Decodes `source` greedily: starts from `start`, appends the most likely next token until
    /// `end` is produced or the target holds `maxLength` tokens. Returns the target tokens.
    ///
    /// The encoder runs once; each step runs the decoder on the newest token only, with every
    /// layer's keys and values kept (`DecoderLayer.Cache`): n tokens cost n one-position steps,
    /// not n passes over the whole target. The same bits as decoding the whole target each step.
    public func greedyDecode(_ source: [Int], start: Int, end: Int, maxLength: Int, padID: Int? = nil) -> [Int] {
        withoutGrad {
            let memory = encode([source], padID: padID)
            let memoryMask = padID.map { Tensor.paddingMask([source], padID: $0) }
            var caches = [DecoderLayer.Cache](repeating: .init(), count: decoder.layers.count)
            var target = [start]
            while target.count < Swift.min(maxLength, config.maxLength) {
                let newest = embed([[target[target.count - 1]]], with: targetEmbedding, offset: target.count - 1)
                let hidden = decoder(newest, memory: memory, memoryMask: memoryMask, caches: &caches)
                let next = generator(hidden).argmax()
                target.append(next)
                if next == end { break }
            }
            return target
        }
    }
}
