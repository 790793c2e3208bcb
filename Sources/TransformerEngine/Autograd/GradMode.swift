// No-grad mode: inference and optimizer updates run without recording a graph.

// MARK: - GradMode

/// Whether ops record the autograd graph. Recording is on by default.
public enum GradMode {
    /// Nesting depth of `withoutGrad` blocks; recording happens only at depth 0.
    /// A cell program runs on one thread; the engine's worker threads never record.
    nonisolated(unsafe) static var disabledDepth = 0

    /// True when new ops record their backward step.
    public static var isEnabled: Bool { disabledDepth == 0 }
}

/// Runs `body` without recording gradients (inference, weight updates), as PyTorch's `no_grad`.
@discardableResult
public func withoutGrad<Result>(_ body: () throws -> Result) rethrows -> Result {
    GradMode.disabledDepth += 1
    defer { GradMode.disabledDepth -= 1 }
    return try body()
}
