// Embedding table: token id → learned vector.

// MARK: - Embedding

/// A lookup table of `count` vectors of size `dimension`.
public final class Embedding: Module {
    /// [count, dimension].
    public var weight: Tensor

    /// Initialised from N(0, 1), as PyTorch's `nn.Embedding` (pass `std` to scale).
    public init(_ count: Int, _ dimension: Int, std: Float = 1, using generator: inout RandomGenerator) {
        weight = Tensor.randn([count, dimension], std: std, using: &generator).requiringGrad()
    }

    /// [n] ids → [n, dimension].
    public func callAsFunction(_ ids: [Int]) -> Tensor { weight.rows(ids) }

    /// [batch][length] ids → [batch, length, dimension].
    public func callAsFunction(_ ids: [[Int]]) -> Tensor {
        let length = ids.first?.count ?? 0
        precondition(ids.allSatisfy { $0.count == length }, "Embedding: rows of ids have different lengths")
        return weight.rows(ids.flatMap { $0 }).reshaped([ids.count, length, weight.shape[1]])
    }

    public func visitParameters(_ visit: (String, inout Tensor) -> Void) { visit("weight", &weight) }
}
