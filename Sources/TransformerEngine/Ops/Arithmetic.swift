// Elementwise arithmetic with broadcasting and its gradients: + − × ÷ between tensors and scalars.

// MARK: - Tensor ⊕ Tensor

extension Tensor {
    public static func + (a: Tensor, b: Tensor) -> Tensor {
        let result = zipBroadcast(a, b, op: "+") { $0 + $1 }
        return recorded(result, from: [a, b]) { g in
            [g.summed(toShape: a.shape), g.summed(toShape: b.shape)]
        }
    }

    public static func - (a: Tensor, b: Tensor) -> Tensor {
        let result = zipBroadcast(a, b, op: "-") { $0 - $1 }
        return recorded(result, from: [a, b]) { g in
            [g.summed(toShape: a.shape), (-g).summed(toShape: b.shape)]
        }
    }

    public static func * (a: Tensor, b: Tensor) -> Tensor {
        let result = zipBroadcast(a, b, op: "*") { $0 * $1 }
        return recorded(result, from: [a, b]) { g in
            [(g * b).summed(toShape: a.shape), (g * a).summed(toShape: b.shape)]
        }
    }

    public static func / (a: Tensor, b: Tensor) -> Tensor {
        let result = zipBroadcast(a, b, op: "/") { $0 / $1 }
        return recorded(result, from: [a, b]) { g in
            [(g / b).summed(toShape: a.shape), (-(g * a) / (b * b)).summed(toShape: b.shape)]
        }
    }

    public static prefix func - (a: Tensor) -> Tensor {
        let result = a.mapScalars { -$0 }
        return recorded(result, from: [a]) { g in [-g] }
    }

    // MARK: - Tensor ⊕ scalar

    public static func + (a: Tensor, s: Float) -> Tensor {
        let result = a.mapScalars { $0 + s }
        return recorded(result, from: [a]) { g in [g] }
    }

    public static func + (s: Float, a: Tensor) -> Tensor { a + s }

    public static func - (a: Tensor, s: Float) -> Tensor { a + (-s) }

    public static func - (s: Float, a: Tensor) -> Tensor { -a + s }

    public static func * (a: Tensor, s: Float) -> Tensor {
        let result = a.mapScalars { $0 * s }
        return recorded(result, from: [a]) { g in [g * s] }
    }

    public static func * (s: Float, a: Tensor) -> Tensor { a * s }

    public static func / (a: Tensor, s: Float) -> Tensor {
        let result = a.mapScalars { $0 / s }
        return recorded(result, from: [a]) { g in [g / s] }
    }

    public static func / (s: Float, a: Tensor) -> Tensor {
        let result = a.mapScalars { s / $0 }
        return recorded(result, from: [a]) { g in [g * (-s) / (a * a)] }
    }

    // MARK: - Compound assignment

    public static func += (a: inout Tensor, b: Tensor) { a = a + b }
    public static func -= (a: inout Tensor, b: Tensor) { a = a - b }
    public static func *= (a: inout Tensor, b: Tensor) { a = a * b }
    public static func /= (a: inout Tensor, b: Tensor) { a = a / b }
    public static func *= (a: inout Tensor, s: Float) { a = a * s }
}
