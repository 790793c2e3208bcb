// Layer normalisation over the last axis as one fused op, with its gradients.

// MARK: - Layer norm

/// Normalises each row of the last axis to mean 0, variance 1, then scales by `gamma` and
/// shifts by `beta` (Ba, Kiros & Hinton 2016). Biased variance, as in PyTorch. O(count).
public func layerNorm(_ x: Tensor, gamma: Tensor, beta: Tensor, epsilon: Float = 1e-5) -> Tensor {
    let n = x.shape.last ?? 1
    precondition(
        gamma.shape == [n] && beta.shape == [n],
        "layerNorm: gamma \(gamma.shape) and beta \(beta.shape) must be [\(n)] for input \(x.shape)")
    let rows = x.count / Swift.max(n, 1)
    var normalized = [Float].forOverwriting(count: x.count)  // x̂, kept for backward
    var inverseStd = [Float].forOverwriting(count: rows)
    var output = [Float].forOverwriting(count: x.count)
    if rows > 0 && n > 0 {
        x.scalars.withUnsafeBufferPointer { x in
            gamma.scalars.withUnsafeBufferPointer { gamma in
                beta.scalars.withUnsafeBufferPointer { beta in
                    normalized.withUnsafeMutableBufferPointer { normalized in
                        inverseStd.withUnsafeMutableBufferPointer { inverseStd in
                            output.withUnsafeMutableBufferPointer { output in
                                Elementwise.layerNorm(
                                    x.baseAddress!, gamma: gamma.baseAddress!, beta: beta.baseAddress!, rows: rows,
                                        n: n,
                                    epsilon: epsilon, normalized: normalized.baseAddress!,
                                    inverseStd: inverseStd.baseAddress!, output: output.baseAddress!)
                            }
                        }
                    }
                }
            }
        }
    }
    let result = Tensor(shape: x.shape, scalars: output)
    return Tensor.recorded(result, from: [x, gamma, beta]) { upstream in
        var dx = [Float].forOverwriting(count: x.count)
        var dGamma = [Float](repeating: 0, count: n)
        var dBeta = [Float](repeating: 0, count: n)
        if rows > 0 && n > 0 {
            upstream.scalars.withUnsafeBufferPointer { dy in
                gamma.scalars.withUnsafeBufferPointer { gamma in
                    normalized.withUnsafeBufferPointer { normalized in
                        inverseStd.withUnsafeBufferPointer { inverseStd in
                            dx.withUnsafeMutableBufferPointer { dx in
                                dGamma.withUnsafeMutableBufferPointer { dGamma in
                                    dBeta.withUnsafeMutableBufferPointer { dBeta in
                                        Elementwise.layerNormBackward(
                                            dy.baseAddress!, normalized: normalized.baseAddress!,
                                            gamma: gamma.baseAddress!, inverseStd: inverseStd.baseAddress!, rows: rows,
                                            n: n, dx: dx.baseAddress!, dGamma: dGamma.baseAddress!,
                                            dBeta: dBeta.baseAddress!)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return [Tensor(shape: x.shape, scalars: dx), Tensor(dGamma), Tensor(dBeta)]
    }
}
