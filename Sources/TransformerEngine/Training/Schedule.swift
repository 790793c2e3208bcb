// Learning-rate schedules: linear warmup then cosine decay, and the Transformer paper's schedule.

import Foundation

// MARK: - Schedules

/// The learning rate as a function of the step (1-based for the paper's formula, 0-based otherwise).
public enum LearningRateSchedule: Sendable {
    /// Linear warmup from 0 to `peak` over `warmupSteps`, then cosine decay to `minimum` at `totalSteps`.
    case warmupCosine(peak: Float, warmupSteps: Int, totalSteps: Int, minimum: Float = 0)
    /// Vaswani et al. 2017: d_model^-0.5 · min(step^-0.5, step · warmup^-1.5), scaled by `factor`.
    case transformer(dModel: Int, warmupSteps: Int, factor: Float = 1)
    /// The same rate at every step.
    case constant(Float)

    /// The rate at `step` (0-based).
    public func rate(at step: Int) -> Float {
        switch self {
        case .constant(let value):
            return value
        case .warmupCosine(let peak, let warmup, let total, let minimum):
            if step < warmup { return peak * Float(step + 1) / Float(warmup) }
            if step >= total { return minimum }
            let progress = Double(step - warmup) / Double(Swift.max(1, total - warmup))
            return minimum + (peak - minimum) * Float(0.5 * (1 + Foundation.cos(Double.pi * progress)))
        case .transformer(let dModel, let warmup, let factor):
            let s = Double(step + 1)
            let value = Foundation.pow(Double(dModel), -0.5) * Swift.min(Foundation.pow(s, -0.5),
                s * Foundation.pow(Double(warmup), -1.5))
            return factor * Float(value)
        }
    }
}

// MARK: - Gradient clipping

/// Scales all gradients of `model` so their global L2 norm is at most `maxNorm`; returns the norm
/// before clipping (summed in Double, in parameter order).
@discardableResult
public func clipGradNorm(_ model: Module, maxNorm: Float) -> Float {
    var total: Double = 0
    model.forEachParameter { tensor in
        guard let grad = tensor.grad else { return }
        for g in grad.scalars { total += Double(g) * Double(g) }
    }
    let norm = Float(total.squareRoot())
    let scale = maxNorm / (norm + 1e-6)
    if scale < 1 {
        model.forEachParameter { tensor in
            guard let node = tensor.node, let grad = node.grad else { return }
            node.grad = withoutGrad { grad * scale }
        }
    }
    return norm
}
