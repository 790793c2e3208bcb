// Optimizers: SGD with momentum, Adam and AdamW, keeping per-parameter state by position.

import TransformerEngineKernelsShared

// MARK: - Optimizer

/// Updates a module's parameters from their gradients.
public protocol Optimizer: AnyObject {
    /// The step size; schedules change it between steps.
    var learningRate: Float { get set }
    /// Applies one update to every parameter that has a gradient. Gradients are left in place
    /// (call `zeroGrad()` on the model before the next backward).
    func step(_ model: Module)
}

/// Applies `update(position, value, gradient)` to each parameter holding a gradient, keeping its
/// autograd node so accumulated gradients keep flowing to the same leaf. `position` counts every
/// parameter in `visitParameters` order (those without a gradient too), so it names the same
/// parameter from step to step, as a parameter's place in PyTorch's parameter list does.
func updateParameters(of model: Module, _ update: (Int, inout [Float], [Float]) -> Void) {
    withoutGrad {
        var position = 0
        model.forEachParameter { tensor in
            defer { position += 1 }
            guard let grad = tensor.grad else { return }
            update(position, &tensor.scalars, grad.scalars)
        }
    }
}

/// Per-parameter optimizer state by position (see `updateParameters`), created on first use.
struct ParameterStates<State> {
    private var states: [State?] = []

    /// Runs `body` on the state of the parameter at `position`, made by `fresh` the first time.
    /// `fits` tells whether a kept state belongs to a parameter of this size: another model's
    /// parameters in the same optimizer are a programming error, reported by position.
    mutating func withState(
        at position: Int, fresh: () -> State, fits: (State) -> Bool, _ body: (inout State) -> Void
    ) {
        if states.count <= position {
            states.append(contentsOf: repeatElement(nil, count: position + 1 - states.count))
        }
        var state = states[position].take() ?? fresh()
        precondition(fits(state),
            "optimizer: parameter \(position) changed size since the last step; use one optimizer per model")
        body(&state)
        states[position] = state
    }
}

// MARK: - SGD

/// Stochastic gradient descent with optional momentum (PyTorch's form: v = μv + g, p −= lr·v).
public final class SGD: Optimizer {
    public var learningRate: Float
    public let momentum: Float
    public let weightDecay: Float
    private var velocity = ParameterStates<[Float]>()

    public init(learningRate: Float, momentum: Float = 0, weightDecay: Float = 0) {
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    public func step(_ model: Module) {
        updateParameters(of: model) { position, p, g in
            // An empty velocity: none yet (the first step takes v = d, as PyTorch's buffer).
            velocity.withState(at: position, fresh: { [] }, fits: { $0.isEmpty || $0.count == p.count }) { v in
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
            }
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
    private var moments = ParameterStates<(m: [Float], v: [Float])>()

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
        updateParameters(of: model) { position, p, g in
            moments.withState(
                at: position, fresh: { ([Float](repeating: 0, count: p.count), [Float](repeating: 0, count: p.count)) },
                fits: { $0.m.count == p.count }
            ) { state in
                update(&p, gradient: g, moments: &state, stepSize: stepSize, correction2Root: correction2Root)
            }
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
    learningRate: Float = 1e-3, beta1: Float = 0.9, beta2: Float = 0.999, epsilon: Float = 1e-8,
    weightDecay: Float = 0.01
) -> Adam {
    Adam(
        learningRate: learningRate, beta1: beta1, beta2: beta2, epsilon: epsilon, weightDecay: weightDecay,
        decoupledWeightDecay: true)
}
