// Changing a tensor's shape: reshape, transpose and permute, (un)squeeze, flatten.

// MARK: - Reshape

extension Tensor {
    /// Resolves a negative axis (counted from the end) into 0..<rank.
    func normalizedAxis(_ axis: Int, op: String) -> Int {
        let resolved = axis < 0 ? axis + rank : axis
        precondition(resolved >= 0 && resolved < Swift.max(rank, 1),
            "\(op): axis \(axis) is out of range for shape \(shape)")
        return resolved
    }

    /// The same scalars under a new shape; one extent may be -1 (inferred). O(1) unless copied.
    public func reshaped(_ newShape: [Int]) -> Tensor {
        var resolved = newShape
        if let hole = newShape.firstIndex(of: -1) {
            let known = newShape.enumerated().filter { $0.offset != hole }.map(\.element).reduce(1, *)
            precondition(known > 0 && count % known == 0, "reshaped: cannot reshape \(shape) into \(newShape)")
            resolved[hole] = count / known
        }
        precondition(
            resolved.reduce(1, *) == count, "reshaped: cannot reshape \(shape) (\(count) elements) into \(newShape)")
        if resolved == shape { return self }
        let result = Tensor(shape: resolved, scalars: scalars)
        let original = shape
        return Tensor.recorded(result, from: [self]) { g in [g.reshaped(original)] }
    }

    /// The tensor as a vector.
    public func flattened() -> Tensor { reshaped([count]) }

    /// Inserts an axis of extent 1 at `axis`.
    public func unsqueezed(axis: Int) -> Tensor {
        let position = axis < 0 ? axis + rank + 1 : axis
        precondition(position >= 0 && position <= rank, "unsqueezed: axis \(axis) is out of range for shape \(shape)")
        var newShape = shape
        newShape.insert(1, at: position)
        return reshaped(newShape)
    }

    /// Removes axis `axis`, which must have extent 1.
    public func squeezed(axis: Int) -> Tensor {
        let position = normalizedAxis(axis, op: "squeezed")
        precondition(shape[position] == 1, "squeezed: axis \(axis) of shape \(shape) is not 1")
        var newShape = shape
        newShape.remove(at: position)
        return reshaped(newShape)
    }

    // MARK: - Transpose and permute

    /// Swaps the last two axes (a matrix transpose, batched over leading axes). O(count).
    public func transposed() -> Tensor {
        precondition(rank >= 2, "transposed() needs at least 2 axes, shape is \(shape)")
        var axes = Array(0..<rank)
        axes.swapAt(rank - 1, rank - 2)
        return permuted(axes)
    }

    /// Swaps two axes.
    public func transposed(_ first: Int, _ second: Int) -> Tensor {
        var axes = Array(0..<rank)
        axes.swapAt(normalizedAxis(first, op: "transposed"), normalizedAxis(second, op: "transposed"))
        return permuted(axes)
    }

    /// Reorders axes: result axis i is this tensor's axis `axes[i]`. O(count).
    public func permuted(_ axes: [Int]) -> Tensor {
        precondition(
            axes.count == rank && Set(axes) == Set(0..<rank),
                "permuted: \(axes) is not a permutation of the axes of \(shape)")
        if axes == Array(0..<rank) { return self }
        let newShape = axes.map { shape[$0] }
        var sourceStrides = [Int](repeating: 1, count: rank)
        for axis in stride(from: rank - 2, through: 0, by: -1) {
            sourceStrides[axis] = sourceStrides[axis + 1] * shape[axis + 1]
        }
        let strides = axes.map { sourceStrides[$0] }
        let values = Tensor.gatherStrided(scalars, shape: newShape, strides: strides)
        var inverse = [Int](repeating: 0, count: rank)
        for (i, axis) in axes.enumerated() { inverse[axis] = i }
        return Tensor.recorded(Tensor(shape: newShape, scalars: values), from: [self]) { g in [g.permuted(inverse)] }
    }

    /// Reads `source` in the order of `shape` walking with `strides`: the copy behind permute. O(count).
    static func gatherStrided(_ source: [Float], shape: [Int], strides: [Int]) -> [Float] {
        let total = shape.reduce(1, *)
        guard total > 0 else { return [] }
        let rank = shape.count
        let inner = shape[rank - 1], innerStride = strides[rank - 1]
        return [Float](unsafeUninitializedCapacity: total) { out, initialized in
            source.withUnsafeBufferPointer { x in
                var index = [Int](repeating: 0, count: rank)
                var offset = 0
                var position = 0
                while position < total {
                    if innerStride == 1 {
                        for j in 0..<inner { out[position + j] = x[offset + j] }
                    } else {
                        for j in 0..<inner { out[position + j] = x[offset + j * innerStride] }
                    }
                    position += inner
                    var axis = rank - 2
                    while axis >= 0 {
                        index[axis] += 1
                        offset += strides[axis]
                        if index[axis] < shape[axis] { break }
                        offset -= strides[axis] * shape[axis]
                        index[axis] = 0
                        axis -= 1
                    }
                }
            }
            initialized = total
        }
    }
}
