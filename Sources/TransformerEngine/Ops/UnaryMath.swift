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
        let result = mapScalars { 1 / (1 + fastExp(-$0)) }
        return Tensor.recorded(result, from: [self]) { g in
            let y = result.detached()
            return [g * y * (1 - y)]
        }
    }

    /// GELU in the tanh form used by GPT-2: ½x(1 + tanh(√(2/π)(x + 0.044715x³))).
    public func gelu() -> Tensor {
        let result = mapScalars { GELU.value($0) }
        return Tensor.recorded(result, from: [self]) { [self] g in
            [Tensor.zipBroadcast(g, self.detached(), op: "gelu backward") { $0 * GELU.derivative($1) }]
        }
    }
}

// MARK: - GELU

/// The tanh approximation of GELU and its derivative, shared by forward and backward.
enum GELU {
    static let c: Float = 0.797_884_56  // √(2/π)
    static let a: Float = 0.044_715

    @inline(__always)
    static func value(_ x: Float) -> Float {
        0.5 * x * (1 + fastTanh(c * (x + a * x * x * x)))
    }

    @inline(__always)
    static func derivative(_ x: Float) -> Float {
        let inner = c * (x + a * x * x * x)
        let t = fastTanh(inner)
        return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * c * (1 + 3 * a * x * x)
    }
}
