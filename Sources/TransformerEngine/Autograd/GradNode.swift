// The autograd node: one recorded op, its inputs and how to send its gradient back to them.

// MARK: - GradNode

/// A vertex of the autograd graph.
///
/// Leaves (parameters, inputs with `requiresGrad`) have no `backward`; their `grad`
/// accumulates across `backward()` calls until cleared, as in PyTorch.
final class GradNode: @unchecked Sendable {
    /// The nodes of the op's inputs that need gradients (`nil` where an input does not).
    let inputs: [GradNode?]
    /// Maps the gradient of this node's output to one gradient per input (`nil` to skip).
    let backward: ((Tensor) -> [Tensor?])?
    /// The accumulated gradient of the output, same shape as the output.
    var grad: Tensor?
    /// The number of the latest graph walk that reached this node (see `topologicalOrder`).
    var visitedInWalk = 0

    init(inputs: [GradNode?] = [], backward: ((Tensor) -> [Tensor?])? = nil) {
        self.inputs = inputs
        self.backward = backward
    }

    /// A leaf: a tensor the user asked gradients for.
    var isLeaf: Bool { backward == nil }
}
