// Broadcasting rules (NumPy's): shapes align at the right, axes of extent 1 stretch.

// MARK: - Shapes

extension Tensor {
    /// The shape two operands broadcast to; stops with a message naming both shapes.
    static func broadcastShape(_ a: [Int], _ b: [Int], op: @autoclosure () -> String) -> [Int] {
        require(checkBroadcast(a, b, op: op()))
    }

    /// Row-major strides of `shape` placed in an output of rank `rank`, 0 on stretched axes.
    static func broadcastStrides(of shape: [Int], in output: [Int]) -> [Int] {
        let rank = output.count
        var strides = [Int](repeating: 0, count: rank)
        var step = 1
        for axis in stride(from: shape.count - 1, through: 0, by: -1) {
            let outAxis = axis + rank - shape.count
            strides[outAxis] = shape[axis] == 1 ? 0 : step
            step *= shape[axis]
        }
        return strides
    }

    // MARK: - Elementwise with broadcasting

    /// Applies `f` elementwise to `a` and `b` broadcast together. O(output count).
    @inline(__always)
    static func zipBroadcast(_ a: Tensor, _ b: Tensor, op: String, _ f: (Float, Float) -> Float) -> Tensor {
        let shape = broadcastShape(a.shape, b.shape, op: op)
        let count = shape.reduce(1, *)
        let values = [Float](unsafeUninitializedCapacity: count) { out, initialized in
            a.scalars.withUnsafeBufferPointer { x in
                b.scalars.withUnsafeBufferPointer { y in
                    if a.shape == b.shape {
                        for i in 0..<count { out[i] = f(x[i], y[i]) }
                    } else if y.count == 1 {
                        let s = y[0]
                        for i in 0..<count { out[i] = f(x[i], s) }
                    } else if x.count == 1 {
                        let s = x[0]
                        for i in 0..<count { out[i] = f(s, y[i]) }
                    } else if a.shape == shape && y.count > 0 && b.shape.last == shape.last
                        && a.shape.suffix(b.rank) == b.shape[...] {
                        // A bias-like operand repeating along leading axes: walk it row by row.
                        let width = y.count
                        for start in stride(from: 0, to: count, by: width) {
                            for j in 0..<width { out[start + j] = f(x[start + j], y[j]) }
                        }
                    } else {
                        zipGeneral(x, a.shape, y, b.shape, shape, out, f)
                    }
                }
            }
            initialized = count
        }
        return Tensor(shape: shape, scalars: values)
    }

    /// The general broadcast loop: outer axes by index arithmetic, the last axis strided.
    @inline(__always)
    private static func zipGeneral(
        _ x: UnsafeBufferPointer<Float>, _ xShape: [Int], _ y: UnsafeBufferPointer<Float>, _ yShape: [Int],
        _ shape: [Int], _ out: UnsafeMutableBufferPointer<Float>, _ f: (Float, Float) -> Float
    ) {
        let xs = broadcastStrides(of: xShape, in: shape)
        let ys = broadcastStrides(of: yShape, in: shape)
        let rank = shape.count
        let inner = shape[rank - 1]
        let xInner = xs[rank - 1], yInner = ys[rank - 1]
        let rows = inner == 0 ? 0 : out.count / inner
        var index = [Int](repeating: 0, count: rank)
        for row in 0..<rows {
            var xo = 0, yo = 0
            for axis in 0..<(rank - 1) {
                xo += index[axis] * xs[axis]
                yo += index[axis] * ys[axis]
            }
            let base = row * inner
            for j in 0..<inner { out[base + j] = f(x[xo + j * xInner], y[yo + j * yInner]) }
            var axis = rank - 2
            while axis >= 0 {
                index[axis] += 1
                if index[axis] < shape[axis] { break }
                index[axis] = 0
                axis -= 1
            }
        }
    }

    /// Applies `f` to every element. O(count).
    @inline(__always)
    func mapScalars(_ f: (Float) -> Float) -> Tensor {
        let values = [Float](unsafeUninitializedCapacity: count) { out, initialized in
            scalars.withUnsafeBufferPointer { x in
                for i in 0..<x.count { out[i] = f(x[i]) }
            }
            initialized = count
        }
        return Tensor(shape: shape, scalars: values)
    }

    /// Sums a broadcast gradient back down to `target` (the shape of the operand). O(count).
    func summed(toShape target: [Int]) -> Tensor {
        if shape == target { return self }
        var result = self
        let extra = rank - target.count
        if extra > 0 {
            result = result.reshaped([shape.prefix(extra).reduce(1, *)] + Array(shape.dropFirst(extra)))
                .sum(axis: 0)
        }
        for axis in 0..<target.count where target[axis] == 1 && result.shape[axis] != 1 {
            result = result.sum(axis: axis, keepDims: true)
        }
        return result.reshaped(target)
    }

    // MARK: - Whole buffers

    /// Eight lanes at a time: applies `f` to every element. O(count).
    @inline(__always)
    func mappingLanes(_ f: (Lanes) -> Lanes) -> Tensor {
        mappingBuffer { x, out, count in mapLanes(x, into: out, count: count, f) }
    }

    /// A tensor of this shape whose scalars `body(input, output, count)` writes. O(count).
    @inline(__always)
    func mappingBuffer(_ body: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void) -> Tensor {
        guard count > 0 else { return detached() }
        let values = [Float](unsafeUninitializedCapacity: count) { out, initialized in
            scalars.withUnsafeBufferPointer { x in body(x.baseAddress!, out.baseAddress!, count) }
            initialized = count
        }
        return Tensor(shape: shape, scalars: values)
    }

    /// A tensor of the shape of `a` and `b` (which must match) whose scalars `body(a, b, output,
    /// count)` writes. O(count).
    @inline(__always)
    static func zippingBuffers(
        _ a: Tensor, _ b: Tensor, op: StaticString,
        _ body: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void
    ) -> Tensor {
        precondition(a.shape == b.shape, "\(op): shapes \(a.shape) and \(b.shape) differ")
        guard a.count > 0 else { return a.detached() }
        let values = [Float](unsafeUninitializedCapacity: a.count) { out, initialized in
            a.scalars.withUnsafeBufferPointer { x in
                b.scalars.withUnsafeBufferPointer { y in body(x.baseAddress!, y.baseAddress!, out.baseAddress!,
                    a.count) }
            }
            initialized = a.count
        }
        return Tensor(shape: a.shape, scalars: values)
    }
}
