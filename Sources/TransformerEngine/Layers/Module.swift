// The Module protocol: layers and models own named parameters (PyTorch-style dotted names).

// MARK: - Module

/// A layer or model: a reference type owning parameters.
///
/// Names are stable and PyTorch-like (`blocks.0.attention.query.weight`) so weights move
/// through safetensors and optimizers keep per-parameter state by name.
public protocol Module: AnyObject {
    /// Calls `visit` with each parameter's name (relative to this module) and the parameter
    /// itself, which `visit` may replace (load, optimizer step). Order is fixed.
    func visitParameters(_ visit: (String, inout Tensor) -> Void)
}

extension Module {
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
    public func zeroGrad() { visitParameters { _, tensor in tensor.zeroGrad() } }

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
        child.visitParameters { name, tensor in visit(prefix + "." + name, &tensor) }
    }
}

// MARK: - Errors

/// Loading parameters failed: names missing or shapes different.
public struct ParameterLoadError: Error, CustomStringConvertible {
    /// One line per problem, quoting the parameter name.
    public let problems: [String]
    public var description: String { "cannot load parameters: " + problems.joined(separator: "; ") }
}
