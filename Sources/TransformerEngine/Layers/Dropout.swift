// Dropout layer with its own seeded stream; active only while gradients are recorded.

// MARK: - Dropout

/// Zeroes elements with probability `p` during training.
///
/// Training is when the graph is recorded; inside `withoutGrad { }` (inference) dropout
/// passes its input through, so no separate train/eval switch is needed.
public final class Dropout: Module {
    public let p: Float
    /// The layer's own stream, so dropout masks never shift other random draws.
    public var generator: RandomGenerator

    public init(_ p: Float, seed: UInt64 = 0) {
        precondition(p >= 0 && p < 1, "Dropout: probability \(p) must be in [0, 1)")
        self.p = p
        generator = RandomGenerator(seed: seed)
    }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        guard p > 0, GradMode.isEnabled else { return x }
        return x.dropout(p, using: &generator)
    }

    public func visitParameters(_ visit: (String, inout Tensor) -> Void) {}
}
