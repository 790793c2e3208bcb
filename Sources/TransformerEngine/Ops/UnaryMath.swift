// Elementwise functions (exp, log, tanh, sqrt, pow, ReLU, GELU, sigmoid) and their gradients.

import Foundation

// MARK: - Functions

extension Tensor {
    /// eˣ elementwise.
    public func exp() -> Tensor {
        let result = mapScalars { Foundation.exp($0) }
        return Tensor.recorded(result, from: [self]) { g in [g * result.detached()] }
    }

    /// Natural logarithm elementwise.
    public func log() -> Tensor {
        let result = mapScalars { Foundation.log($0) }
        return Tensor.recorded(result, from: [self]) { [self] g in [g / self.detached()] }
    }

    /// Hyperbolic tangent elementwise.
    public func tanh() -> Tensor {
        let result = mapScalars { Foundation.tanh($0) }
        return Tensor.recorded(result, from: [self]) { g in
            let y = result.detached()
            return [g * (1 - y * y)]
        }
    }

    /// Square root elementwise.
    public func sqrt() -> Tensor {
        let result = mapScalars { $0.squareRoot() }
        return Tensor.recorded(result, from: [self]) { g in [g / (result.detached() * 2)] }
    }

    /// xᵖ elementwise for a constant exponent.
    public func pow(_ exponent: Float) -> Tensor {
        let result = mapScalars { Foundation.pow($0, exponent) }
        return Tensor.recorded(result, from: [self]) { [self] g in
            [g * self.detached().mapScalars { exponent * Foundation.pow($0, exponent - 1) }]
        }
    }

    /// max(0, x) elementwise.
    public func relu() -> Tensor {
        let result = mapScalars { Swift.max(0, $0) }
        return Tensor.recorded(result, from: [self]) { [self] g in
            [Tensor.zipBroadcast(g, self.detached(), op: "relu backward") { $1 > 0 ? $0 : 0 }]
        }
    }

    /// 1 / (1 + e⁻ˣ) elementwise.
    public func sigmoid() -> Tensor {
        let result = mappingLanes { 1 / (1 + fastExp(-$0)) }
        return Tensor.recorded(result, from: [self]) { g in
            let y = result.detached()
            return [g * y * (1 - y)]
        }
    }

    /// GELU in the tanh form used by GPT-2: ½x(1 + tanh(√(2/π)(x + 0.044715x³))).
    ///
    /// When recorded, the tanh terms are kept for backward (one float per element) instead of
    /// being computed a second time there.
    public func gelu() -> Tensor {
        guard Tensor.willRecord(self) else {
            return mappingBuffer { x, out, count in Elementwise.gelu(x, into: out, keepingTanh: nil, count: count) }
        }
        var tanh = [Float].forOverwriting(count: count)
        let result = tanh.withUnsafeMutableBufferPointer { t in
            mappingBuffer { x, out, count in Elementwise.gelu(x, into: out, keepingTanh: t.baseAddress!, count: count) }
        }
        return Tensor.recorded(result, from: [self]) { [self] g in
            [Tensor.zippingBuffers(g, self, op: "gelu backward") { g, x, out, count in
                tanh.withUnsafeBufferPointer { t in
                    Elementwise.geluBackward(g, x, tanh: t.baseAddress!, into: out, count: count)
                }
            }]
        }
    }
}
