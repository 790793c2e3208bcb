// Position-wise feed-forward network: Linear → activation → Linear, applied to each position.

// MARK: - FeedForward

/// `FFN(x) = act(x W₁ + b₁) W₂ + b₂` (ReLU in the Transformer paper, GELU in GPT).
public final class FeedForward: Module {
    /// The nonlinearity between the two linear maps.
    public enum Activation: Sendable { case relu, gelu }

    public let linear1: Linear
    public let linear2: Linear
    public let activation: Activation
    public let dropout: Dropout

    public init(
        dModel: Int, hidden: Int, activation: Activation = .gelu, dropout: Float = 0,
        using generator: inout RandomGenerator
    ) {
        linear1 = Linear(dModel, hidden, using: &generator)
        linear2 = Linear(hidden, dModel, using: &generator)
        self.activation = activation
        self.dropout = Dropout(dropout, seed: generator.next())
    }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        let h = linear1(x)
        let activated = activation == .gelu ? h.gelu() : h.relu()
        return linear2(dropout(activated))
    }

    public func visitParameters(_ visit: (String, inout Tensor) -> Void) { visitParameters(names: true, visit) }

    public func visitParameters(names: Bool, _ visit: (String, inout Tensor) -> Void) {
        self.visit(linear1, prefix: "linear1", names: names, visit)
        self.visit(linear2, prefix: "linear2", names: names, visit)
    }
}
