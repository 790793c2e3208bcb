// The error for operands whose shapes do not fit together; its message names both shapes.

// MARK: - ShapeError

/// Two shapes that an op cannot combine, e.g. `matmul: shapes [2, 3] and [4, 5] do not match (3 vs 4)`.
///
/// Ops stop the program with this message (a wrong shape is a bug in the cell, never a value
/// to compute on); the checks are separate functions so their messages can be tested.
public struct ShapeError: Error, Equatable, CustomStringConvertible {
    /// The op that failed, as the learner wrote it.
    public let op: String
    public let left: [Int]
    public let right: [Int]
    /// What does not fit, e.g. `axis 1: 3 vs 4`.
    public let detail: String

    public var description: String { "\(op): shapes \(left) and \(right) \(detail)" }
}

extension Tensor {
    /// The broadcast shape of two operands, or the error naming both. `op` is only built for the
    /// error, so a name that interpolates shapes costs nothing on the hot path.
    static func checkBroadcast(_ a: [Int], _ b: [Int], op: @autoclosure () -> String) -> Result<[Int], ShapeError> {
        if a == b { return .success(a) }
        let rank = Swift.max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        for axis in 0..<rank {
            let x = axis < rank - a.count ? 1 : a[axis - (rank - a.count)]
            let y = axis < rank - b.count ? 1 : b[axis - (rank - b.count)]
            guard x == y || x == 1 || y == 1 else {
                return .failure(ShapeError(op: op(), left: a, right: b,
                    detail: "cannot be broadcast together (axis \(axis): \(x) vs \(y))"))
            }
            result[axis] = x == 1 ? y : x
        }
        return .success(result)
    }

    /// The (m, k, n) of `a · b` for the last two axes, or the error naming both shapes.
    static func checkMatmul(_ a: [Int], _ b: [Int], transposeA: Bool = false, transposeB: Bool = false)
        -> Result<(m: Int, k: Int, n: Int), ShapeError>
    {
        guard a.count >= 2, b.count >= 2 else {
            return .failure(ShapeError(op: "matmul", left: a, right: b, detail: "need at least 2 axes each"))
        }
        let m = transposeA ? a[a.count - 1] : a[a.count - 2]
        let k = transposeA ? a[a.count - 2] : a[a.count - 1]
        let kb = transposeB ? b[b.count - 1] : b[b.count - 2]
        let n = transposeB ? b[b.count - 2] : b[b.count - 1]
        guard k == kb else {
            let how = (transposeA ? " (first transposed)" : "") + (transposeB ? " (second transposed)" : "")
            return .failure(ShapeError(op: "matmul", left: a, right: b, detail: "do not match\(how) (\(k) vs \(kb))"))
        }
        return .success((m, k, n))
    }
}

/// Unwraps a shape check, stopping with its message on failure (`fatalError`, because an
/// optimised build drops the message of a `preconditionFailure`).
@inline(__always)
func require<T>(_ check: Result<T, ShapeError>) -> T {
    switch check {
    case .success(let value): return value
    case .failure(let error): fatalError(error.description)
    }
}
