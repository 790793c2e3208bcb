// Linear layer: y = x Wᵀ + b, weight stored [out, in] as in PyTorch.

// MARK: - Linear

/// An affine map applied to the last axis.
public final class Linear: Module {
    /// [outFeatures, inFeatures].
    public var weight: Tensor
    /// [outFeatures], or nil for a layer without bias.
    public var bias: Tensor?

    /// PyTorch's default initialisation: uniform in ±1/√in for weight and bias.
    public init(_ inFeatures: Int, _ outFeatures: Int, bias: Bool = true, using generator: inout RandomGenerator) {
        let bound = 1 / Float(inFeatures).squareRoot()
        weight = Tensor.uniform([outFeatures, inFeatures], low: -bound, high: bound, using: &generator).requiringGrad()
        self.bias = bias ? Tensor.uniform([outFeatures], low: -bound, high: bound,
            using: &generator).requiringGrad() : nil
    }

    /// [..., in] → [..., out]. One GEMM over all leading axes.
    public func callAsFunction(_ x: Tensor) -> Tensor {
        precondition(
            x.shape.last == weight.shape[1],
            "Linear: input \(x.shape) does not end in \(weight.shape[1]) (weight \(weight.shape))")
        guard let bias else { return Tensor.matmul(x, weight, transposeA: false, transposeB: true) }
        if x.rank >= 2 && bias.rank == 1 && bias.count > 0 { return Tensor.affine(x, weight: weight, bias: bias) }
        return Tensor.matmul(x, weight, transposeA: false, transposeB: true) + bias
    }

    public func visitParameters(_ visit: (String, inout Tensor) -> Void) {
        visit("weight", &weight)
        if bias != nil { visit("bias", &bias!) }
    }
}
