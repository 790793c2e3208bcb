// The constants of one Adam or AdamW step, one type for the engine and every kernel build.

/// The constants of one Adam or AdamW step (see `Adam.step`), passed whole to each build's
/// `adamUpdate`.
public struct AdamStep: Sendable {
    public var learningRate: Float
    public var beta1: Float
    public var beta2: Float
    public var epsilon: Float
    public var weightDecay: Float
    public var decoupledWeightDecay: Bool
    /// lr / (1 − β₁ᵗ).
    public var stepSize: Float
    /// √(1 − β₂ᵗ).
    public var correction2Root: Float

    @inlinable
    public init(
        learningRate: Float, beta1: Float, beta2: Float, epsilon: Float, weightDecay: Float,
        decoupledWeightDecay: Bool, stepSize: Float, correction2Root: Float
    ) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decoupledWeightDecay = decoupledWeightDecay
        self.stepSize = stepSize
        self.correction2Root = correction2Root
    }
}
