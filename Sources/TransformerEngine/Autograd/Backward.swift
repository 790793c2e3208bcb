// Reverse-mode differentiation: leaves, recording ops, and the backward walk.

// MARK: - Leaves and gradients

extension Tensor {
    /// Whether gradients flow to this tensor. Setting it to true makes the tensor a leaf
    /// whose `grad` accumulates over `backward()` calls.
    public var requiresGrad: Bool {
        get { node != nil }
        set {
            if newValue {
                if node == nil { node = GradNode() }
            } else {
                node = nil
            }
        }
    }

    /// Returns this tensor as a new leaf that requires gradients.
    public func requiringGrad() -> Tensor {
        var leaf = Tensor(shape: shape, scalars: scalars)
        leaf.node = GradNode()
        return leaf
    }

    /// The gradient accumulated by `backward()`, or `nil` before any.
    public var grad: Tensor? {
        node?.grad
    }

    /// Clears the accumulated gradient of a leaf.
    public func zeroGrad() {
        node?.grad = nil
    }

    /// The same values cut off from the graph.
    public func detached() -> Tensor {
        Tensor(shape: shape, scalars: scalars)
    }

    // MARK: - Recording

    /// Attaches `backward` to `result` when recording is on and an input needs gradients.
    ///
    /// `backward` maps the gradient of `result` to one gradient per input, in order.
    static func recorded(
        _ result: Tensor, from inputs: [Tensor], backward: @escaping (Tensor) -> [Tensor?]
    ) -> Tensor {
        guard GradMode.isEnabled, inputs.contains(where: { $0.node != nil }) else { return result }
        var tracked = result
        tracked.node = GradNode(inputs: inputs.map(\.node), backward: backward)
        return tracked
    }

    /// True when an op on `inputs` will be recorded, so it must keep what backward needs.
    static func willRecord(_ inputs: Tensor...) -> Bool {
        GradMode.isEnabled && inputs.contains(where: { $0.node != nil })
    }

    // MARK: - Backward

    /// Computes the gradient of this tensor with respect to every leaf it depends on.
    ///
    /// Without `gradient` the tensor must hold one element (a loss); its gradient is 1.
    /// Gradients add onto what leaves already hold (gradient accumulation). O(graph size).
    public func backward(gradient: Tensor? = nil) {
        guard let root = node else {
            preconditionFailure("backward() on a tensor that does not require gradients")
        }
        let seed: Tensor
        if let gradient {
            precondition(
                gradient.shape == shape,
                "backward(gradient:) shape \(gradient.shape) does not match tensor shape \(shape)")
            seed = gradient
        } else {
            precondition(count == 1, "backward() without a gradient needs one element, shape is \(shape)")
            seed = Tensor(repeating: 1, shape: shape)
        }
        withoutGrad {
            let order = GradNode.topologicalOrder(from: root)
            root.accumulate(seed)
            for node in order.reversed() {
                guard let step = node.backward, let outputGrad = node.grad else { continue }
                let inputGrads = step(outputGrad)
                for (input, inputGrad) in zip(node.inputs, inputGrads) {
                    if let input, let inputGrad { input.accumulate(inputGrad) }
                }
                node.grad = nil  // intermediate gradients are not kept: memory stays flat
            }
        }
    }
}

// MARK: - Graph walk

extension GradNode {
    /// Adds `gradient` to the stored gradient (`+=`, as micrograd does).
    ///
    /// In place when the stored gradient's scalars are not shared (the usual case: the op that
    /// made them has finished with them), so the sum lands in memory this thread just read
    /// instead of a fresh buffer; element by element the same additions as `existing + gradient`.
    func accumulate(_ gradient: Tensor) {
        guard var existing = grad else {
            grad = gradient.detached()
            return
        }
        guard existing.shape == gradient.shape else {
            grad = existing + gradient
            return
        }
        grad = nil  // the node's reference would make the scalars look shared
        if existing.count > 0 {
            existing.scalars.withUnsafeMutableBufferPointer { sum in
                gradient.scalars.withUnsafeBufferPointer { addend in
                    zipLanes(sum.baseAddress!, addend.baseAddress!, into: sum.baseAddress!, count: sum.count, +)
                }
            }
        }
        grad = existing
    }

    /// Nodes reachable from `root`, every node after all of its inputs. Iterative, so deep
    /// graphs cannot overflow the stack.
    ///
    /// A node is marked visited by writing this walk's number into it (a set of node identities
    /// cost a hash per node and edge). Graphs are walked on the thread that built them.
    static func topologicalOrder(from root: GradNode) -> [GradNode] {
        walks &+= 1
        let walk = walks
        var order: [GradNode] = []
        var stack: [(GradNode, Bool)] = [(root, false)]
        while let (node, expanded) = stack.popLast() {
            if expanded {
                order.append(node)
                continue
            }
            guard node.visitedInWalk != walk else { continue }
            node.visitedInWalk = walk
            stack.append((node, true))
            for input in node.inputs.reversed() {
                if let input, input.visitedInWalk != walk { stack.append((input, false)) }
            }
        }
        return order
    }

    /// Walks started so far; a node holding the current number was visited by this walk.
    nonisolated(unsafe) private static var walks = 0
}
