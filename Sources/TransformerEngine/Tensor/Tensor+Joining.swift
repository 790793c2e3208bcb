// Joining and splitting tensors: concat, stack, split, chunk.

// MARK: - Concat and stack

extension Tensor {
    /// Joins tensors along an existing `axis`; all other extents must agree. O(total count).
    public static func concat(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
        precondition(!tensors.isEmpty, "concat needs at least one tensor")
        let first = tensors[0]
        let axis = first.normalizedAxis(axis, op: "concat")
        for t in tensors.dropFirst() {
            var a = first.shape, b = t.shape
            precondition(a.count == b.count, "concat: shapes \(first.shape) and \(t.shape) have different ranks")
            a[axis] = 0
            b[axis] = 0
            precondition(a == b, "concat: shapes \(first.shape) and \(t.shape) differ off axis \(axis)")
        }
        let layouts = tensors.map { ReductionLayout($0.shape, axis: axis) }
        let inner = layouts[0].inner, outer = layouts[0].outer
        var shape = first.shape
        shape[axis] = tensors.reduce(0) { $0 + $1.shape[axis] }
        var values = [Float]()
        values.reserveCapacity(shape.reduce(1, *))
        for o in 0..<outer {
            for (t, layout) in zip(tensors, layouts) {
                let width = layout.extent * inner
                values.append(contentsOf: t.scalars[(o * width)..<((o + 1) * width)])
            }
        }
        let extents = tensors.map { $0.shape[axis] }
        return recorded(Tensor(shape: shape, scalars: values), from: tensors) { g in
            var start = 0
            return extents.map { extent in
                defer { start += extent }
                return g.sliced(start..<(start + extent), axis: axis)
            }
        }
    }

    /// Stacks same-shaped tensors along a new `axis`.
    public static func stack(_ tensors: [Tensor], axis: Int = 0) -> Tensor {
        precondition(!tensors.isEmpty, "stack needs at least one tensor")
        for t in tensors where t.shape != tensors[0].shape {
            preconditionFailure("stack: shapes \(tensors[0].shape) and \(t.shape) differ")
        }
        return concat(tensors.map { $0.unsqueezed(axis: axis) }, axis: axis)
    }

    // MARK: - Split

    /// Cuts along `axis` into pieces of the given extents, which must add up to the axis.
    public func split(_ sizes: [Int], axis: Int = 0) -> [Tensor] {
        let resolved = normalizedAxis(axis, op: "split")
        precondition(
            sizes.reduce(0, +) == shape[resolved],
                "split: sizes \(sizes) do not add up to axis \(axis) of shape \(shape)")
        var start = 0
        return sizes.map { size in
            defer { start += size }
            return sliced(start..<(start + size), axis: resolved)
        }
    }

    /// Cuts along `axis` into `parts` equal pieces.
    public func chunked(_ parts: Int, axis: Int = 0) -> [Tensor] {
        let extent = shape[normalizedAxis(axis, op: "chunked")]
        precondition(parts > 0 && extent % parts == 0,
            "chunked: axis \(axis) of shape \(shape) does not split into \(parts)")
        return split(Array(repeating: extent / parts, count: parts), axis: axis)
    }
}
