// LayerNorm layer: normalise the last axis, then a learned scale (weight) and shift (bias).

// MARK: - LayerNorm

/// Layer normalisation over the last axis (Ba et al. 2016).
public final class LayerNorm: Module {
    /// γ, initialised to ones.
    public var weight: Tensor
    /// β, initialised to zeros.
    public var bias: Tensor
    public let epsilon: Float

    public init(_ dimension: Int, epsilon: Float = 1e-5) {
        weight = Tensor.ones([dimension]).requiringGrad()
        bias = Tensor.zeros([dimension]).requiringGrad()
        self.epsilon = epsilon
    }

    public func callAsFunction(_ x: Tensor) -> Tensor {
        layerNorm(x, gamma: weight, beta: bias, epsilon: epsilon)
    }

    public func visitParameters(_ visit: (String, inout Tensor) -> Void) {
        visit("weight", &weight)
        visit("bias", &bias)
    }
}
