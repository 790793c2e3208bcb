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
        let n = shape.last ?? 1
        let rows = n == 0 ? 0 : count / n
        let result = mappingBuffer { x, out, _ in Elementwise.softmaxRows(x, into: out, rows: rows, n: n) }
        return Tensor.recorded(result, from: [self]) { g in
            // dx = y ⊙ (g − Σ g⊙y)
            [Tensor.zippingBuffers(g, result, op: "softmax backward") { g, y, out, _ in
                Elementwise.softmaxBackwardRows(g, y, into: out, rows: rows, n: n)
            }]
        }
    }

    /// log softmax along `axis`: (x − max) − log Σ e^(x − max), in PyTorch's order, so a row of
    /// huge equal values gives −log n rather than (x − (max + log n)) = 0. O(count).
    public func logSoftmax(axis: Int = -1) -> Tensor {
        let axis = normalizedAxis(axis, op: "logSoftmax")
        if axis != rank - 1 { return transposed(axis, rank - 1).logSoftmax(axis: -1).transposed(axis, rank - 1) }
        let result = mapRows { row, out, n in
            var peak = -Float.infinity
            for j in 0..<n where row[j] > peak { peak = row[j] }
            var total: Float = 0
            for j in 0..<n { total += fastExp(row[j] - peak) }
            let logTotal = Foundation.log(total)
            for j in 0..<n { out[j] = (row[j] - peak) - logTotal }
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
