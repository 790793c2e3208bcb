// Making tensors: zeros, ones, ranges, identity, and seeded random normal and uniform values.

// MARK: - Constants and ranges

extension Tensor {
    /// All zeros.
    public static func zeros(_ shape: [Int]) -> Tensor { Tensor(repeating: 0, shape: shape) }

    /// All ones.
    public static func ones(_ shape: [Int]) -> Tensor { Tensor(repeating: 1, shape: shape) }

    /// Zeros shaped like `other`.
    public static func zeros(like other: Tensor) -> Tensor { zeros(other.shape) }

    /// `start, start+step, …` up to but excluding `end`, as a vector.
    public static func arange(_ start: Float = 0, _ end: Float, step: Float = 1) -> Tensor {
        precondition(step != 0, "arange: step must not be 0")
        let n = Swift.max(0, Int(((end - start) / step).rounded(.up)))
        return Tensor((0..<n).map { start + Float($0) * step })
    }

    /// `0, 1, …, n-1` as a vector.
    public static func arange(_ n: Int) -> Tensor { Tensor((0..<n).map(Float.init)) }

    /// The n×n identity matrix.
    public static func eye(_ n: Int) -> Tensor {
        var values = [Float](repeating: 0, count: n * n)
        for i in 0..<n { values[i * n + i] = 1 }
        return Tensor(shape: [n, n], scalars: values)
    }

    /// A vector of integers stored as floats (token ids, class labels).
    public init(integers: [Int]) {
        self.init(integers.map(Float.init))
    }

    // MARK: - Random

    /// Samples from N(mean, std²), drawn in row-major order from `generator`.
    public static func randn(_ shape: [Int], mean: Float = 0, std: Float = 1,
        using generator: inout RandomGenerator) -> Tensor {
        let n = shape.reduce(1, *)
        var values = [Float](repeating: 0, count: n)
        for i in 0..<n { values[i] = mean + std * generator.nextNormal() }
        return Tensor(shape: shape, scalars: values)
    }

    /// Samples uniformly from [low, high), in row-major order from `generator`.
    public static func uniform(_ shape: [Int], low: Float = 0, high: Float = 1,
        using generator: inout RandomGenerator) -> Tensor {
        let n = shape.reduce(1, *)
        var values = [Float](repeating: 0, count: n)
        for i in 0..<n { values[i] = low + (high - low) * generator.nextUniform() }
        return Tensor(shape: shape, scalars: values)
    }
}
