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
    if rows > 0 && n > 0 {
        x.scalars.withUnsafeBufferPointer { input in
        gamma.scalars.withUnsafeBufferPointer { g in
        beta.scalars.withUnsafeBufferPointer { b in
        normalized.withUnsafeMutableBufferPointer { xhat in
        output.withUnsafeMutableBufferPointer { y in
            for r in 0..<rows {
                let row = input.baseAddress! + r * n
                // Mean and variance summed in index order; the rest eight lanes at a time.
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
                let shift = Lanes(repeating: mean), scale = Lanes(repeating: rstd)
                let xhatRow = xhat.baseAddress! + r * n
                mapLanes(row, into: xhatRow, count: n) { ($0 - shift) * scale }
                var j = 0
                while j < n {
                    let count = Swift.min(8, n - j)
                    let value = loadLanes(xhatRow + j, count: count) * loadLanes(g.baseAddress! + j, count: count)
                        + loadLanes(b.baseAddress! + j, count: count)
                    storeLanes(value, to: y.baseAddress! + r * n + j, count: count)
                    j += 8
                }
            }
        }
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
        guard rows > 0 && n > 0 else {
            return [Tensor(shape: x.shape, scalars: dx), Tensor(dGamma), Tensor(dBeta)]
        }
        upstream.scalars.withUnsafeBufferPointer { dyAll in
        gamma.scalars.withUnsafeBufferPointer { g in
        normalized.withUnsafeBufferPointer { xhatAll in
        dx.withUnsafeMutableBufferPointer { dxAll in
        dGamma.withUnsafeMutableBufferPointer { dg in
        dBeta.withUnsafeMutableBufferPointer { db in
            let gamma = g.baseAddress!
            for r in 0..<rows {
                let dy = dyAll.baseAddress! + r * n, xhat = xhatAll.baseAddress! + r * n
                // dx = rstd · (dx̂ − mean(dx̂) − x̂ · mean(dx̂ ⊙ x̂)), with dx̂ = dy ⊙ γ
                var meanD: Float = 0
                var meanDX: Float = 0
                for j in 0..<n {
                    let d = dy[j] * gamma[j]
                    meanD += d
                    meanDX += d * xhat[j]
                }
                meanD /= Float(n)
                meanDX /= Float(n)
                let rstd = Lanes(repeating: inverseStd[r])
                let centre = Lanes(repeating: meanD), slope = Lanes(repeating: meanDX)
                var j = 0
                while j < n {
                    let count = Swift.min(8, n - j)
                    let dyLanes = loadLanes(dy + j, count: count), xhatLanes = loadLanes(xhat + j, count: count)
                    let d = dyLanes * loadLanes(gamma + j, count: count)
                    storeLanes(rstd * (d - centre - xhatLanes * slope), to: dxAll.baseAddress! + r * n + j, count: count)
                    // γ and β gradients: one running sum per column, rows in order.
                    storeLanes(loadLanes(dg.baseAddress! + j, count: count) + dyLanes * xhatLanes, to: dg.baseAddress! + j, count: count)
                    storeLanes(loadLanes(db.baseAddress! + j, count: count) + dyLanes, to: db.baseAddress! + j, count: count)
                    j += 8
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
