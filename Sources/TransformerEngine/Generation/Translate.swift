// Greedy decoding with the encoder-decoder Transformer: encode once, then extend the target token by token.

// MARK: - Greedy decoding

extension Transformer {
    /// Decodes `source` greedily: starts from `start`, appends the most likely next token until
    /// `end` is produced or the target holds `maxLength` tokens. Returns the target tokens.
    ///
    /// The encoder runs once; its memory is reused for every decoder step.
    public func greedyDecode(_ source: [Int], start: Int, end: Int, maxLength: Int, padID: Int? = nil) -> [Int] {
        withoutGrad {
            let memory = encode([source], padID: padID)
            let memoryMask = padID.map { Tensor.paddingMask([source], padID: $0) }
            var target = [start]
            while target.count < Swift.min(maxLength, config.maxLength) {
                let hidden = decoder(
                    embed([target], with: targetEmbedding), memory: memory,
                    targetMask: Tensor.causalMask(target.count), memoryMask: memoryMask)
                let last = hidden.sliced((target.count - 1)..<target.count, axis: 1)
                let next = generator(last).argmax()
                target.append(next)
                if next == end { break }
            }
            return target
        }
    }
}
