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
    var normalized = [Float](repeating: 0, count: x.count)  // x̂, kept for backward
    var inverseStd = [Float](repeating: 0, count: rows)
    var output = [Float](repeating: 0, count: x.count)
    x.scalars.withUnsafeBufferPointer { input in
        gamma.scalars.withUnsafeBufferPointer { g in
            beta.scalars.withUnsafeBufferPointer { b in
                for r in 0..<rows {
                    let row = input.baseAddress! + r * n
                    var mean: Float = 0
                    for j in 0..<n { mean += row[j] }
                    mean /= Float(n)
                    var variance: Float = 0
                    for j in 0..<n {
                        let d = row[j] - mean
                        variance += d * d
                    }
                    variance /= Float(n)
                    let rstd = 1 / (variance + epsilon).squareRoot()
                    inverseStd[r] = rstd
                    for j in 0..<n {
                        let xhat = (row[j] - mean) * rstd
                        normalized[r * n + j] = xhat
                        output[r * n + j] = xhat * g[j] + b[j]
                    }
                }
            }
        }
    }
    let result = Tensor(shape: x.shape, scalars: output)
    return Tensor.recorded(result, from: [x, gamma, beta]) { upstream in
        var dx = [Float](repeating: 0, count: x.count)
        var dGamma = [Float](repeating: 0, count: n)
        var dBeta = [Float](repeating: 0, count: n)
        upstream.scalars.withUnsafeBufferPointer { dy in
            gamma.scalars.withUnsafeBufferPointer { g in
                for r in 0..<rows {
                    // dx = rstd · (dx̂ − mean(dx̂) − x̂ · mean(dx̂ ⊙ x̂)), with dx̂ = dy ⊙ γ
                    var meanD: Float = 0
                    var meanDX: Float = 0
                    for j in 0..<n {
                        let d = dy[r * n + j] * g[j]
                        meanD += d
                        meanDX += d * normalized[r * n + j]
                        dGamma[j] += dy[r * n + j] * normalized[r * n + j]
                        dBeta[j] += dy[r * n + j]
                    }
                    meanD /= Float(n)
                    meanDX /= Float(n)
                    for j in 0..<n {
                        let d = dy[r * n + j] * g[j]
                        dx[r * n + j] = inverseStd[r] * (d - meanD - normalized[r * n + j] * meanDX)
                    }
                }
            }
        }
        return [Tensor(shape: x.shape, scalars: dx), Tensor([Float](dGamma)), Tensor([Float](dBeta))]
    }
}
