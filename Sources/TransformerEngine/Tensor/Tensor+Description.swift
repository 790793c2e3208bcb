// How a tensor prints: nested brackets with fixed decimals, the same text on every machine.

import Foundation

// MARK: - Description

extension Tensor: CustomStringConvertible {
    /// Nested rows with 4 decimals, e.g. `[[1.0000, 2.0000], [3.0000, 4.0000]]`; long axes are
    /// elided in the middle with `…` so printing a big tensor stays readable.
    public var description: String {
        if rank == 0 { return Tensor.format(scalars[0]) }
        return describe(axis: 0, offset: 0)
    }

    private func describe(axis: Int, offset: Int) -> String {
        let extent = shape[axis]
        let stride = shape[(axis + 1)...].reduce(1, *)
        let shown: [Int] = extent > 8 ? Array(0..<3) + [-1] + Array((extent - 3)..<extent) : Array(0..<extent)
        let parts = shown.map { i -> String in
            if i < 0 { return "…" }
            if axis == rank - 1 { return Tensor.format(scalars[offset + i]) }
            return describe(axis: axis + 1, offset: offset + i * stride)
        }
        let separator = axis == rank - 1 ? ", " : ",\n" + String(repeating: " ", count: axis + 1)
        return "[" + parts.joined(separator: separator) + "]"
    }

    static func format(_ value: Float) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let text = String(format: "%.4f", Double(value))
        return text == "-0.0000" ? "0.0000" : text
    }
}
