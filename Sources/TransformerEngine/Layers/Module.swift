// The Module protocol: layers and models own named parameters (PyTorch-style dotted names).

// MARK: - Module

/// A layer or model: a reference type owning parameters.
///
/// Names are stable and PyTorch-like (`blocks.0.attention.query.weight`) so weights move
/// through safetensors; optimizers keep per-parameter state by position in this fixed order.
///
/// A layer with its own tensors implements the first `visitParameters`; the second's default
/// calls it. A module made of child modules may also implement the second, which lets walks
/// without names skip building the children's dotted names.
public protocol Module: AnyObject {
    /// Calls `visit` with each parameter's name (relative to this module) and the parameter
    /// itself, which `visit` may replace (load, optimizer step). Order is fixed.
    func visitParameters(_ visit: (String, inout Tensor) -> Void)

    /// `visitParameters(_:)`, where with `names` false the names given to `visit` may be partial
    /// (children's prefixes left off): for walks that never read them. Same parameters, same order.
    func visitParameters(names: Bool, _ visit: (String, inout Tensor) -> Void)
}

extension Module {
    /// Builds every name whatever `names` asks (see the protocol).
    public func visitParameters(names: Bool, _ visit: (String, inout Tensor) -> Void) { visitParameters(visit) }

    /// Every parameter with its dotted name, in a fixed order.
    public var parameters: [(name: String, tensor: Tensor)] {
        var list: [(name: String, tensor: Tensor)] = []
        visitParameters { name, tensor in list.append((name, tensor)) }
        return list
    }

    /// Parameters by name.
    public var namedParameters: [String: Tensor] {
        Dictionary(uniqueKeysWithValues: parameters.map { ($0.name, $0.tensor) })
    }

    /// The number of scalars in all parameters.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.tensor.count } }

    /// Clears every parameter's gradient.
    public func zeroGrad() { forEachParameter { $0.zeroGrad() } }

    /// Calls `body` with each parameter, in `visitParameters` order, without building names.
    ///
    /// Optimizers and `zeroGrad` walk the parameters every step and never read the dotted names,
    /// so this walk asks for none (a string per parameter and level saved).
    public func forEachParameter(_ body: (inout Tensor) -> Void) {
        visitParameters(names: false) { _, tensor in body(&tensor) }
    }

    /// Replaces parameter values with `tensors` by name; every parameter must be present with
    /// its shape. Gradients start empty.
    public func load(_ tensors: [String: Tensor]) throws {
        var problems: [String] = []
        visitParameters { name, tensor in
            guard let value = tensors[name] else { return problems.append("missing '\(name)'") }
            guard value.shape == tensor.shape else {
                return problems.append("'\(name)' has shape \(value.shape), expected \(tensor.shape)")
            }
            tensor = value.requiringGrad()
        }
        if !problems.isEmpty { throw ParameterLoadError(problems: problems) }
    }

    /// Visits a child module's parameters under `prefix.`.
    public func visit(_ child: Module, prefix: String, _ visit: (String, inout Tensor) -> Void) {
        self.visit(child, prefix: prefix, names: true, visit)
    }

    /// Visits a child module's parameters under `prefix.`, or without building their names when
    /// `names` is false (see `visitParameters(names:_:)`).
    public func visit(_ child: Module, prefix: String, names: Bool, _ visit: (String, inout Tensor) -> Void) {
        guard names else { return child.visitParameters(names: false, visit) }
        child.visitParameters(names: true) { name, tensor in visit(prefix + "." + name, &tensor) }
    }
}

// MARK: - Errors

/// Loading parameters failed: names missing or shapes different.
public struct ParameterLoadError: Error, CustomStringConvertible {
    /// One line per problem, quoting the parameter name.
    public let problems: [String]
    public var description: String { "cannot load parameters: " + problems.joined(separator: "; ") }
}
