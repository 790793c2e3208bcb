// Comparisons giving 0/1 masks, masked fill, where, and the attention masks (causal, padding).

// MARK: - Comparisons

extension Tensor {
    /// 1 where `self > other`, else 0 (broadcasting). Not differentiable.
    public func greater(than other: Tensor) -> Tensor {
        Tensor.zipBroadcast(self, other, op: "greater") { $0 > $1 ? 1 : 0 }
    }
    /// 1 where `self < other`, else 0.
    public func less(than other: Tensor) -> Tensor { Tensor.zipBroadcast(self, other, op: "less") { $0 < $1 ? 1 : 0 } }
    /// 1 where `self == other`, else 0.
    public func equal(to other: Tensor) -> Tensor { Tensor.zipBroadcast(self, other, op: "equal") { $0 == $1 ? 1 : 0 } }
    /// 1 where `self > value`, else 0.
    public func greater(than value: Float) -> Tensor { mapScalars { $0 > value ? 1 : 0 } }
    /// 1 where `self < value`, else 0.
    public func less(than value: Float) -> Tensor { mapScalars { $0 < value ? 1 : 0 } }
    /// 1 where `self == value`, else 0.
    public func equal(to value: Float) -> Tensor { mapScalars { $0 == value ? 1 : 0 } }

    // MARK: - Masking

    /// Replaces elements with `value` where `mask` is nonzero (broadcasting), as PyTorch's
    /// `masked_fill`. Filled positions get no gradient.
    public func maskedFill(_ mask: Tensor, with value: Float) -> Tensor {
        let result = Tensor.zipBroadcast(self, mask, op: "maskedFill") { $1 != 0 ? value : $0 }
        precondition(result.shape == shape, "maskedFill: mask \(mask.shape) must broadcast to \(shape)")
        return Tensor.recorded(result, from: [self]) { g in
            [Tensor.zipBroadcast(g, mask, op: "maskedFill backward") { $1 != 0 ? 0 : $0 }]
        }
    }

    /// Elementwise choice: `a` where `condition` is nonzero, else `b` (all broadcast).
    public static func `where`(_ condition: Tensor, _ a: Tensor, _ b: Tensor) -> Tensor {
        let keep = condition.mapScalars { $0 != 0 ? 1 : 0 }
        return a * keep + b * (1 - keep)
    }

    // MARK: - Attention masks

    /// The causal mask [n, n]: 1 where query i may attend key j (j ≤ i), 0 above the diagonal.
    public static func causalMask(_ n: Int) -> Tensor {
        var values = [Float](repeating: 0, count: n * n)
        for i in 0..<n { for j in 0...i { values[i * n + j] = 1 } }
        return Tensor(shape: [n, n], scalars: values)
    }

    /// The padding mask [batch, 1, 1, length] for token ids: 1 for real tokens, 0 for `padID`,
    /// so it broadcasts over heads and queries of attention scores.
    public static func paddingMask(_ tokens: [[Int]], padID: Int) -> Tensor {
        let length = tokens.first?.count ?? 0
        let values = tokens.flatMap { row in row.map { $0 == padID ? Float(0) : 1 } }
        return Tensor(shape: [tokens.count, 1, 1, length], scalars: values)
    }
}
