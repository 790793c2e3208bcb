// Loss functions: cross-entropy over logits (with an ignore index) and mean squared error.

import Foundation

// MARK: - Cross-entropy

/// The mean of −log softmax(logits)[target] over rows whose target is not `ignoreIndex`.
///
/// `logits` is [..., classes]; `targets` holds one class per row. Fused with its gradient
/// (softmax − one-hot) / rows, which avoids materialising log-probabilities. O(count).
public func crossEntropy(_ logits: Tensor, targets: [Int], ignoreIndex: Int? = nil) -> Tensor {
    let classes = logits.shape.last ?? 1
    let rows = logits.count / Swift.max(classes, 1)
    precondition(
        targets.count == rows,
        "crossEntropy: \(targets.count) targets for logits \(logits.shape) (\(rows) rows)")
    var probabilities = [Float].forOverwriting(count: logits.count)
    var peaks = [Float].forOverwriting(count: rows), sums = [Float].forOverwriting(count: rows)
    if classes > 0 {
        logits.scalars.withUnsafeBufferPointer { x in
            probabilities.withUnsafeMutableBufferPointer { p in
                peaks.withUnsafeMutableBufferPointer { peaks in
                    sums.withUnsafeMutableBufferPointer { sums in
                        Elementwise.crossEntropyRows(
                            x.baseAddress!, into: p.baseAddress!, rows: rows, n: classes, peaks: peaks.baseAddress!,
                            sums: sums.baseAddress!)
                    }
                }
            }
        }
    }
    var total: Double = 0
    var counted = 0
    for r in 0..<rows {
        let target = targets[r]
        if target == ignoreIndex { continue }
        precondition(target >= 0 && target < classes, "crossEntropy: target \(target) is not a class of \(classes)")
        // PyTorch's order, −log_softmax = (max − x) + log Σ: max + log Σ first would round log Σ
        // away next to a large max (1e30 + log 3 − 1e30 is 0).
        total += Double((peaks[r] - logits.scalars[r * classes + target]) + Foundation.log(sums[r]))
        counted += 1
    }
    let loss = Tensor(scalar: counted == 0 ? 0 : Float(total / Double(counted)))
    return Tensor.recorded(loss, from: [logits]) { g in
        let scale = counted == 0 ? 0 : g.item / Float(counted)
        var grad = [Float].forOverwriting(count: logits.count)
        if classes > 0 && rows > 0 {
            probabilities.withUnsafeBufferPointer { p in
                targets.withUnsafeBufferPointer { t in
                    grad.withUnsafeMutableBufferPointer { d in
                        Elementwise.crossEntropyGradient(
                            p.baseAddress!, targets: t.baseAddress!, ignoreIndex: ignoreIndex, scale: scale,
                            into: d.baseAddress!, rows: rows, n: classes)
                    }
                }
            }
        }
        return [Tensor(shape: logits.shape, scalars: grad)]
    }
}

// MARK: - Mean squared error

/// The mean of (prediction − target)² over all elements.
public func mse(_ prediction: Tensor, _ target: Tensor) -> Tensor {
    precondition(prediction.shape == target.shape,
        "mse: prediction \(prediction.shape) and target \(target.shape) differ")
    let difference = prediction - target
    return (difference * difference).mean()
}
