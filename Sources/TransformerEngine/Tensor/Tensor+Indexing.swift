// Reading parts of a tensor: elements, slices along an axis, rows by index (gather).

// MARK: - Elements and slices

extension Tensor {
    /// The scalar at a full index, e.g. `x.scalar(at: [0, 2])`.
    public func scalar(at index: [Int]) -> Float {
        precondition(index.count == rank, "scalar(at:): index \(index) does not fit shape \(shape)")
        var offset = 0
        for (axis, i) in index.enumerated() {
            precondition(i >= 0 && i < shape[axis], "scalar(at:): index \(index) is out of range for shape \(shape)")
            offset = offset * shape[axis] + i
        }
        return scalars[offset]
    }

    /// The sub-tensor at `index` along the first axis (a row of a matrix). Negative counts from the end.
    public subscript(_ index: Int) -> Tensor {
        let i = index < 0 ? index + (shape.first ?? 0) : index
        precondition(rank >= 1 && i >= 0 && i < shape[0],
            "subscript: index \(index) is out of range for shape \(shape)")
        return sliced(i..<(i + 1), axis: 0).squeezed(axis: 0)
    }

    /// The slice `range` along the first axis.
    public subscript(_ range: Range<Int>) -> Tensor { sliced(range, axis: 0) }

    /// The elements whose index along `axis` lies in `range`. O(result count).
    public func sliced(_ range: Range<Int>, axis: Int = 0) -> Tensor {
        let axis = normalizedAxis(axis, op: "sliced")
        precondition(
            range.lowerBound >= 0 && range.upperBound <= shape[axis],
            "sliced: range \(range) is out of bounds for axis \(axis) of shape \(shape)")
        let layout = ReductionLayout(shape, axis: axis)
        var newShape = shape
        newShape[axis] = range.count
        var values = [Float]()
        values.reserveCapacity(layout.outer * range.count * layout.inner)
        scalars.withUnsafeBufferPointer { x in
            for o in 0..<layout.outer {
                let start = (o * layout.extent + range.lowerBound) * layout.inner
                values.append(contentsOf: x[start..<(start + range.count * layout.inner)])
            }
        }
        let original = shape
        return Tensor.recorded(Tensor(shape: newShape, scalars: values), from: [self]) { g in
            // The gradient of a slice is the slice's gradient placed into zeros.
            var full = [Float](repeating: 0, count: original.reduce(1, *))
            g.scalars.withUnsafeBufferPointer { gx in
                for o in 0..<layout.outer {
                    let start = (o * layout.extent + range.lowerBound) * layout.inner
                    for i in 0..<(range.count * layout.inner) {
                        full[start + i] = gx[o * range.count * layout.inner + i]
                    }
                }
            }
            return [Tensor(shape: original, scalars: full)]
        }
    }

    // MARK: - Gather

    /// The rows `indices` of the first axis, in order, repeats allowed (an embedding lookup).
    /// The gradient adds back into each row it came from. O(indices × row size).
    public func rows(_ indices: [Int]) -> Tensor {
        precondition(rank >= 1, "rows(_:) needs at least 1 axis, shape is \(shape)")
        let rowCount = shape[0]
        let width = count / Swift.max(rowCount, 1)
        var values = [Float](repeating: 0, count: indices.count * width)
        scalars.withUnsafeBufferPointer { x in
            for (slot, index) in indices.enumerated() {
                precondition(index >= 0 && index < rowCount,
                    "rows(_:): index \(index) is out of range for shape \(shape)")
                for j in 0..<width { values[slot * width + j] = x[index * width + j] }
            }
        }
        let original = shape
        return Tensor.recorded(Tensor(shape: [indices.count] + shape.dropFirst(), scalars: values), from: [self]) { g in
            var full = [Float](repeating: 0, count: original.reduce(1, *))
            g.scalars.withUnsafeBufferPointer { gx in
                for (slot, index) in indices.enumerated() {
                    for j in 0..<width { full[index * width + j] += gx[slot * width + j] }
                }
            }
            return [Tensor(shape: original, scalars: full)]
        }
    }

    /// The scalars as integers (token ids stored in a tensor).
    public var integers: [Int] { scalars.map { Int($0) } }
}
