// Text generation with a GPT: the prompt runs once, then each new token is one cached step.

// MARK: - Generation

extension GPT {
    /// Continues `prompt` by `maxNewTokens` tokens chosen by `sampling`.
    ///
    /// Keys and values of earlier positions are kept in a KV cache, so each new token costs one
    /// position's work rather than a full forward pass. Once the context is full the window
    /// slides: the last `contextLength` tokens are re-encoded, exactly as a full forward would.
    public func generate(
        prompt: [Int], maxNewTokens: Int, sampling: Sampling = .greedy, using generator: inout RandomGenerator
    ) -> [Int] {
        precondition(!prompt.isEmpty, "generate: the prompt must hold at least one token")
        return withoutGrad {
            var tokens = prompt
            var caches: [KVCache] = []
            var pending = Array(prompt.suffix(config.contextLength))
            for _ in 0..<maxNewTokens {
                if caches.isEmpty == false && caches[0].length + pending.count > config.contextLength {
                    caches = []
                    pending = Array(tokens.suffix(config.contextLength))
                }
                if caches.isEmpty { caches = Array(repeating: KVCache(), count: blocks.count) }
                let logits = step(pending, caches: &caches)
                let next = sampling.pick(from: logits, using: &generator)
                tokens.append(next)
                pending = [next]
            }
            return tokens
        }
    }

    /// Runs `ids` (new positions) through the model with `caches`; the last position's logits.
    func step(_ ids: [Int], caches: inout [KVCache]) -> [Float] {
        let offset = caches[0].length
        var x = tokenEmbedding([ids]) + positionEmbedding(length: ids.count, offset: offset)
        for (i, block) in blocks.enumerated() { x = block(x, cache: &caches[i]) }
        let last = norm(x.sliced((ids.count - 1)..<ids.count, axis: 1))
        return head(last).scalars
    }

    /// The logits of the next token after `ids` by a full forward pass (no cache), [vocabSize].
    public func nextTokenLogits(_ ids: [Int]) -> Tensor {
        withoutGrad {
            let window = Array(ids.suffix(config.contextLength))
            return self([window])[0][window.count - 1]
        }
    }
}
