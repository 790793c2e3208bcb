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

/// The trimmed standard output of a command found on PATH, or "" when it fails.
func shell(_ arguments: String...) -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { return "" }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
}
