// Reductions along an axis (sum, mean, max, argmax) in a fixed order, and their gradients.

// MARK: - Layout of a reduction

/// A tensor seen as [outer, extent, inner] around the reduced axis.
struct ReductionLayout {
    let outer: Int
    let extent: Int
    let inner: Int
    let keptShape: [Int]
    let droppedShape: [Int]

    init(_ shape: [Int], axis: Int) {
        outer = shape[..<axis].reduce(1, *)
        extent = shape[axis]
        inner = shape[(axis + 1)...].reduce(1, *)
        var kept = shape
        kept[axis] = 1
        keptShape = kept
        var dropped = shape
        dropped.remove(at: axis)
        droppedShape = dropped
    }
}

extension Tensor {
    // MARK: - Sum and mean

    /// The sum of all elements as a 0-d tensor. Summed in index order.
    public func sum() -> Tensor {
        var total: Float = 0
        scalars.withUnsafeBufferPointer { x in for value in x { total += value } }
        let original = shape
        return Tensor.recorded(Tensor(scalar: total), from: [self]) { g in
            [Tensor(repeating: g.item, shape: original)]
        }
    }

    /// The mean of all elements as a 0-d tensor.
    public func mean() -> Tensor { sum() / Float(Swift.max(count, 1)) }

    /// Sums along `axis` (negative counts from the end). O(count).
    public func sum(axis: Int, keepDims: Bool = false) -> Tensor {
        let axis = normalizedAxis(axis, op: "sum(axis:)")
        let layout = ReductionLayout(shape, axis: axis)
        let values = [Float](unsafeUninitializedCapacity: layout.outer * layout.inner) { out, initialized in
            scalars.withUnsafeBufferPointer { x in
                for o in 0..<layout.outer {
                    let target = out.baseAddress! + o * layout.inner
                    target.initialize(repeating: 0, count: layout.inner)
                    for e in 0..<layout.extent {
                        let row = x.baseAddress! + (o * layout.extent + e) * layout.inner
                        for i in 0..<layout.inner { target[i] += row[i] }
                    }
                }
            }
            initialized = layout.outer * layout.inner
        }
        let result = Tensor(shape: keepDims ? layout.keptShape : layout.droppedShape, scalars: values)
        let original = shape
        return Tensor.recorded(result, from: [self]) { g in
            [Tensor.zipBroadcast(Tensor(repeating: 0, shape: original), g.reshaped(layout.keptShape),
                op: "sum backward") { $1 }]
        }
    }

    /// The mean along `axis`.
    public func mean(axis: Int, keepDims: Bool = false) -> Tensor {
        let extent = shape[normalizedAxis(axis, op: "mean(axis:)")]
        return sum(axis: axis, keepDims: keepDims) / Float(extent)
    }

    // MARK: - Max and argmax

    /// The largest value along `axis`; the gradient goes to the first maximum. O(count).
    public func max(axis: Int, keepDims: Bool = false) -> Tensor {
        let axis = normalizedAxis(axis, op: "max(axis:)")
        let layout = ReductionLayout(shape, axis: axis)
        let winners = argmaxIndices(layout)
        let values = scalars.withUnsafeBufferPointer { x in
            (0..<winners.count).map { slot in
                let (o, i) = slot.quotientAndRemainder(dividingBy: layout.inner)
                return x[(o * layout.extent + winners[slot]) * layout.inner + i]
            }
        }
        let result = Tensor(shape: keepDims ? layout.keptShape : layout.droppedShape, scalars: values)
        let original = shape
        return Tensor.recorded(result, from: [self]) { g in
            var grad = [Float](repeating: 0, count: original.reduce(1, *))
            for slot in 0..<winners.count {
                let (o, i) = slot.quotientAndRemainder(dividingBy: layout.inner)
                grad[(o * layout.extent + winners[slot]) * layout.inner + i] = g.scalars[slot]
            }
            return [Tensor(shape: original, scalars: grad)]
        }
    }

    /// The largest value of all elements as a 0-d tensor.
    public func max() -> Tensor { flattened().max(axis: 0) }

    /// The index of the largest value along `axis` (first on ties), as integers.
    public func argmax(axis: Int) -> [Int] {
        argmaxIndices(ReductionLayout(shape, axis: normalizedAxis(axis, op: "argmax(axis:)")))
    }

    /// The flat index of the largest element (first on ties).
    public func argmax() -> Int { flattened().argmax(axis: 0)[0] }

    private func argmaxIndices(_ layout: ReductionLayout) -> [Int] {
        precondition(layout.extent > 0, "max/argmax along an empty axis of shape \(shape)")
        return scalars.withUnsafeBufferPointer { x in
            var winners = [Int](repeating: 0, count: layout.outer * layout.inner)
            for o in 0..<layout.outer {
                for i in 0..<layout.inner {
                    var best = x[o * layout.extent * layout.inner + i]
                    var bestIndex = 0
                    for e in 1..<Swift.max(layout.extent, 1) {
                        let value = x[(o * layout.extent + e) * layout.inner + i]
                        if value > best { best = value; bestIndex = e }
                    }
                    winners[o * layout.inner + i] = bestIndex
                }
            }
            return winners
        }
    }
}
