// Small helpers of bert-bench: the median, one JSON line per figure, a command's output.

import Foundation

/// The median of `times`.
func median(_ times: [Double]) -> Double {
    let sorted = times.sorted()
    return sorted.isEmpty ? .nan : sorted[sorted.count / 2]
}

/// Prints one figure as a single JSON line with keys in the given order.
func report(_ fields: KeyValuePairs<String, Any>) {
    let parts = fields.map { key, value -> String in
        switch value {
        case let number as Double: return "\"\(key)\":\(number.isFinite ? String(format: "%.4g", number) : "null")"
        case let number as Int: return "\"\(key)\":\(number)"
        default: return "\"\(key)\":\"\(value)\""
        }
    }
    FileHandle.standardOutput.write(Data(("{" + parts.joined(separator: ",") + "}\n").utf8))
}
