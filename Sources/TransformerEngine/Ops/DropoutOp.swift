// Inverted dropout: zero each element with probability p and scale the rest by 1/(1−p).

// MARK: - Dropout

extension Tensor {
    /// Drops elements with probability `p` using `generator` (row-major draws) and scales
    /// survivors by 1/(1−p), so expectations match inference where dropout is off.
    public func dropout(_ p: Float, using generator: inout RandomGenerator) -> Tensor {
        precondition(p >= 0 && p < 1, "dropout: probability \(p) must be in [0, 1)")
        if p == 0 { return self }
        let scale = 1 / (1 - p)
        var mask = [Float](repeating: 0, count: count)
        for i in 0..<count { mask[i] = generator.nextUniform() < p ? 0 : scale }
        let maskTensor = Tensor(shape: shape, scalars: mask)
        return self * maskTensor
    }
}
