// One Adam or AdamW update over lanes: PyTorch's arithmetic in PyTorch's order, eight parameters at a time.
//
// Compiled into TransformerEngine and, through symbolic links, into TransformerEngineKernelsAVX2
// and TransformerEngineKernelsAVX512 (see LaneLoops.swift).

import TransformerEngineKernelsShared

// MARK: - Adam

/// One Adam update of `count` parameters with their moments, eight lanes at a time; each lane
/// PyTorch's arithmetic in PyTorch's order. Whole blocks of eight load and store as vectors, the
/// partial last block goes through `loadLanes`/`storeLanes` (as in `mapLanes`).
@inline(__always)
func adamUpdate(
    _ step: AdamStep, parameters p: UnsafeMutablePointer<Float>, gradients g: UnsafePointer<Float>,
    m: UnsafeMutablePointer<Float>, v: UnsafeMutablePointer<Float>, count: Int
) {
    let decay = Lanes(repeating: 1 - step.learningRate * step.weightDecay), coupled = Lanes(repeating: step.weightDecay)
    let b1 = Lanes(repeating: step.beta1), b2 = Lanes(repeating: step.beta2)
    let oneMinusB1 = Lanes(repeating: 1 - step.beta1), oneMinusB2 = Lanes(repeating: 1 - step.beta2)
    let root = Lanes(repeating: step.correction2Root), eps = Lanes(repeating: step.epsilon)
    let size = Lanes(repeating: step.stepSize)
    let decoupled = step.decoupledWeightDecay, coupledDecay = !step.decoupledWeightDecay && step.weightDecay != 0
    /// New (parameter, first moment, second moment) of eight lanes.
    @inline(__always)
    func update(_ value: Lanes, _ grad: Lanes, _ m: Lanes, _ v: Lanes) -> (Lanes, Lanes, Lanes) {
        var value = value, grad = grad
        if decoupled {
            value *= decay
        } else if coupledDecay {
            grad += coupled * value
        }
        let first = b1 * m + oneMinusB1 * grad
        let second = b2 * v + oneMinusB2 * grad * grad
        let denominator = second.squareRoot() / root + eps
        value -= size * first / denominator
        return (value, first, second)
    }
    let whole = count / 8 * 8
    var i = 0
    while i < whole {
        let (value, first, second) = update(
            UnsafeRawPointer(p + i).loadUnaligned(as: Lanes.self),
                UnsafeRawPointer(g + i).loadUnaligned(as: Lanes.self),
            UnsafeRawPointer(m + i).loadUnaligned(as: Lanes.self),
                UnsafeRawPointer(v + i).loadUnaligned(as: Lanes.self))
        UnsafeMutableRawPointer(m + i).storeBytes(of: first, as: Lanes.self)
        UnsafeMutableRawPointer(v + i).storeBytes(of: second, as: Lanes.self)
        UnsafeMutableRawPointer(p + i).storeBytes(of: value, as: Lanes.self)
        i += 8
    }
    if whole < count {
        let rest = count - whole
        let (value, first, second) = update(
            loadLanes(p + whole, count: rest), loadLanes(g + whole, count: rest), loadLanes(m + whole, count: rest),
            loadLanes(v + whole, count: rest))
        storeLanes(first, to: m + whole, count: rest)
        storeLanes(second, to: v + whole, count: rest)
        storeLanes(value, to: p + whole, count: rest)
    }
}
