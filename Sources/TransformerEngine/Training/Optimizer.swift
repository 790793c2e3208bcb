// Optimizers: SGD with momentum, Adam and AdamW, keeping per-parameter state by name.

// MARK: - Optimizer

/// Updates a module's parameters from their gradients.
public protocol Optimizer: AnyObject {
    /// The step size; schedules change it between steps.
    var learningRate: Float { get set }
    /// Applies one update to every parameter that has a gradient. Gradients are left in place
    /// (call `zeroGrad()` on the model before the next backward).
    func step(_ model: Module)
}

/// Applies `update(name, value, gradient)` to each parameter holding a gradient, keeping its
/// autograd node so accumulated gradients keep flowing to the same leaf.
func updateParameters(of model: Module, _ update: (String, inout [Float], [Float]) -> Void) {
    withoutGrad {
        model.visitParameters { name, tensor in
            guard let grad = tensor.grad else { return }
            update(name, &tensor.scalars, grad.scalars)
        }
    }
}

// MARK: - SGD

/// Stochastic gradient descent with optional momentum (PyTorch's form: v = μv + g, p −= lr·v).
public final class SGD: Optimizer {
    public var learningRate: Float
    public let momentum: Float
    public let weightDecay: Float
    private var velocity: [String: [Float]] = [:]

    public init(learningRate: Float, momentum: Float = 0, weightDecay: Float = 0) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    public func step(_ model: Module) {
        updateParameters(of: model) { name, p, g in
            var v = velocity.removeValue(forKey: name) ?? []
            let fresh = v.isEmpty
            if momentum != 0 && fresh { v = [Float](repeating: 0, count: p.count) }
            for i in 0..<p.count {
                var d = g[i] + weightDecay * p[i]
                if momentum != 0 {
                    v[i] = fresh ? d : momentum * v[i] + d
                    d = v[i]
                }
                p[i] -= learningRate * d
            }
            if momentum != 0 { velocity[name] = v }
        }
    }
}

// MARK: - Adam and AdamW

/// Adam (Kingma & Ba 2015); with `decoupledWeightDecay` it is AdamW (Loshchilov & Hutter 2019).
/// Arithmetic follows PyTorch's so a step matches it to float rounding.
public final class Adam: Optimizer {
    public var learningRate: Float
    public let beta1: Float
    public let beta2: Float
    public let epsilon: Float
    public let weightDecay: Float
    /// True for AdamW: decay multiplies the weights directly instead of joining the gradient.
    public let decoupledWeightDecay: Bool
    /// Steps taken so far.
    public private(set) var stepCount = 0
    /// β₁ᵗ and β₂ᵗ after `stepCount` steps, one multiplication per step: the same bits as
    /// multiplying t times afresh, without a cost that grows with t.
    private var beta1Power: Float = 1
    private var beta2Power: Float = 1
    private var moments: [String: (m: [Float], v: [Float])] = [:]

    public init(
        learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8,
        weightDecay: Float = 0, decoupledWeightDecay: Bool = false
    ) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        self.decoupledWeightDecay = decoupledWeightDecay
    }

    public func step(_ model: Module) {
        stepCount += 1
        beta1Power *= beta1
        beta2Power *= beta2
        let correction1 = 1 - beta1Power
        let correction2Root = (1 - beta2Power).squareRoot()
        let stepSize = learningRate / correction1
        updateParameters(of: model) { name, p, g in
            var state = moments.removeValue(forKey: name) ?? ([Float](repeating: 0, count: p.count), [Float](repeating: 0, count: p.count))
            update(&p, gradient: g, moments: &state, stepSize: stepSize, correction2Root: correction2Root)
            moments[name] = state
        }
    }

    /// One parameter's update, eight lanes at a time (each lane the scalar arithmetic). O(count).
    private func update(
        _ parameter: inout [Float], gradient: [Float], moments state: inout (m: [Float], v: [Float]),
        stepSize: Float, correction2Root: Float
    ) {
        let step = AdamStep(
            learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: weightDecay,
            decoupledWeightDecay: decoupledWeightDecay, stepSize: stepSize, correction2Root: correction2Root)
        let count = parameter.count
        guard count > 0 else { return }
        parameter.withUnsafeMutableBufferPointer { p in
            gradient.withUnsafeBufferPointer { g in
                state.m.withUnsafeMutableBufferPointer { m in
                    state.v.withUnsafeMutableBufferPointer { v in
                        Elementwise.adam(
                            step, parameters: p.baseAddress!, gradients: g.baseAddress!, m: m.baseAddress!,
                            v: v.baseAddress!, count: count)
                    }
                }
            }
        }
    }
}

/// AdamW: Adam with decoupled weight decay (default 0.01, as PyTorch).
public func AdamW(
    learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8, weightDecay: Float = 0.01
) -> Adam {
    Adam(
        learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: weightDecay,
        decoupledWeightDecay: true)
}
