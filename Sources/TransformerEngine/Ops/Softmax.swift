// Numerically stable softmax and log-softmax along an axis, with their gradients.

import Foundation

// MARK: - Public API

/// Softmax along `axis` (see `Tensor.softmax(axis:)`).
public func softmax(_ x: Tensor, axis: Int = -1) -> Tensor { x.softmax(axis: axis) }

/// Log-softmax along `axis` (see `Tensor.logSoftmax(axis:)`).
public func logSoftmax(_ x: Tensor, axis: Int = -1) -> Tensor { x.logSoftmax(axis: axis) }

extension Tensor {
    /// eˣⁱ / Σⱼ eˣʲ along `axis`, computed as e^(xᵢ − max) so large scores cannot overflow.
    /// A row that is all −∞ (fully masked) gives zeros rather than NaN. O(count).
    public func softmax(axis: Int = -1) -> Tensor {
        let axis = normalizedAxis(axis, op: "softmax")
        if axis != rank - 1 { return transposed(axis, rank - 1).softmax(axis: -1).transposed(axis, rank - 1) }
        let result = mapRows { row, out, n in softmaxRow(row, into: out, count: n) }
        return Tensor.recorded(result, from: [self]) { g in
            // dx = y ⊙ (g − Σ g⊙y)
            [Tensor.rowwise(g, result) { gRow, yRow, out, n in softmaxBackwardRow(gRow, yRow, into: out, count: n) }]
        }
    }

    /// log softmax along `axis`: x − max − log Σ e^(x − max). O(count).
    public func logSoftmax(axis: Int = -1) -> Tensor {
        let axis = normalizedAxis(axis, op: "logSoftmax")
        if axis != rank - 1 { return transposed(axis, rank - 1).logSoftmax(axis: -1).transposed(axis, rank - 1) }
        let result = mapRows { row, out, n in
            var peak = -Float.infinity
            for j in 0..<n where row[j] > peak { peak = row[j] }
            var total: Float = 0
            for j in 0..<n { total += fastExp(row[j] - peak) }
            let shift = peak + Foundation.log(total)
            for j in 0..<n { out[j] = row[j] - shift }
        }
        return Tensor.recorded(result, from: [self]) { g in
            // dx = g − softmax ⊙ Σ g
            [Tensor.rowwise(g, result) { gRow, yRow, out, n in
                var total: Float = 0
                for j in 0..<n { total += gRow[j] }
                for j in 0..<n { out[j] = gRow[j] - fastExp(yRow[j]) * total }
            }]
        }
    }

    // MARK: - Row helpers

    /// Applies `body` to each row of the last axis, writing a row of the same length. O(count).
    func mapRows(
        _ body: (UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void
    ) -> Tensor {
        let n = shape.last ?? 1
        let rows = n == 0 ? 0 : count / n
        let values = [Float](unsafeUninitializedCapacity: count) { out, initialized in
            scalars.withUnsafeBufferPointer { x in
                for r in 0..<rows { body(x.baseAddress! + r * n, out.baseAddress! + r * n, n) }
            }
            initialized = count
        }
        return Tensor(shape: shape, scalars: values)
    }

    /// Like `mapRows` over two tensors of the same shape.
    static func rowwise(
        _ a: Tensor, _ b: Tensor,
        _ body: (UnsafePointer<Float>, UnsafePointer<Float>, UnsafeMutablePointer<Float>, Int) -> Void
    ) -> Tensor {
        precondition(a.shape == b.shape, "rowwise: shapes \(a.shape) and \(b.shape) differ")
        let n = a.shape.last ?? 1
        let rows = n == 0 ? 0 : a.count / n
        let values = [Float](unsafeUninitializedCapacity: a.count) { out, initialized in
            a.scalars.withUnsafeBufferPointer { x in
                b.scalars.withUnsafeBufferPointer { y in
                    for r in 0..<rows {
                        body(x.baseAddress! + r * n, y.baseAddress! + r * n, out.baseAddress! + r * n, n)
                    }
                }
            }
            initialized = a.count
        }
        return Tensor(shape: a.shape, scalars: values)
    }
}

// MARK: - Rows

/// One row of softmax: max, exponentials eight at a time, their sum in index order, scale.
/// A row that is all −∞ gives zeros. O(n).
@inline(__always)
func softmaxRow(_ row: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count n: Int) {
    let peak = maximum(row, count: n)
    if peak == -.infinity {
        out.update(repeating: 0, count: n)
        return
    }
    let shift = Lanes(repeating: peak)
    mapLanes(row, into: out, count: n) { fastExp($0 - shift) }
    var total: Float = 0
    for j in 0..<n { total += out[j] }
    let inverse = Lanes(repeating: 1 / total)
    mapLanes(out, into: out, count: n) { $0 * inverse }
}

/// One row of softmax's gradient, dx = y ⊙ (g − Σ g⊙y), the sum in index order. O(n).
@inline(__always)
func softmaxBackwardRow(
    _ g: UnsafePointer<Float>, _ y: UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>, count n: Int
) {
    var dot: Float = 0
    for j in 0..<n { dot += g[j] * y[j] }
    let shared = Lanes(repeating: dot)
    zipLanes(g, y, into: out, count: n) { g, y in y * (g - shared) }
}
