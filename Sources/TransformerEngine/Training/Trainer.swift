// A small training loop for a GPT over a token stream: seeded batches, optimizer, schedule, clipping.

// MARK: - Batches

/// Random windows of a token stream: inputs and the same windows shifted by one (targets).
public struct TokenBatches {
    public let tokens: [Int]
    public let contextLength: Int
    public let batchSize: Int

    public init(tokens: [Int], contextLength: Int, batchSize: Int) {
        precondition(
            tokens.count > contextLength,
            "TokenBatches: \(tokens.count) tokens are too few for windows of \(contextLength) + 1")
        self.tokens = tokens
        self.contextLength = contextLength
        self.batchSize = batchSize
    }

    /// One batch of (inputs, targets), each [batchSize][contextLength]; starts drawn from `generator`.
    public func next(using generator: inout RandomGenerator) -> (inputs: [[Int]], targets: [[Int]]) {
        var inputs: [[Int]] = [], targets: [[Int]] = []
        for _ in 0..<batchSize {
            let start = generator.nextInt(below: tokens.count - contextLength)
            inputs.append(Array(tokens[start..<(start + contextLength)]))
            targets.append(Array(tokens[(start + 1)...(start + contextLength)]))
        }
        return (inputs, targets)
    }
}

// MARK: - Training loop

extension GPT {
    /// Trains on random windows of `tokens` for `steps` steps and returns the loss of each step.
    ///
    /// Each step: zero gradients, forward, cross-entropy, backward, optional clipping, the
    /// schedule's learning rate, optimizer step. Same seed, same losses, bit for bit.
    @discardableResult
    public func train(
        tokens: [Int], steps: Int, batchSize: Int, optimizer: Optimizer,
        schedule: LearningRateSchedule? = nil, clipNorm: Float? = nil, using generator: inout RandomGenerator
    ) -> [Float] {
        let batches = TokenBatches(tokens: tokens, contextLength: config.contextLength, batchSize: batchSize)
        var history: [Float] = []
        for step in 0..<steps {
            let (inputs, targets) = batches.next(using: &generator)
            zeroGrad()
            let loss = self.loss(inputs, targets: targets)
            loss.backward()
            if let clipNorm { clipGradNorm(self, maxNorm: clipNorm) }
            if let schedule { optimizer.learningRate = schedule.rate(at: step) }
            optimizer.step(self)
            history.append(loss.item)
        }
        return history
    }
}
