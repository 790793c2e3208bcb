// Timing and output helpers: median wall time, one JSON line per measurement.

import Foundation

// MARK: - Timing

/// The wall-clock seconds of each of `repeats` runs of `body`, after `warmup` untimed runs.
func secondsOfRuns(warmup: Int = 2, repeats: Int, _ body: () -> Void) -> [Double] {
    for _ in 0..<warmup { body() }
    var times: [Double] = []
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
    }
    return times
}

/// The median of `times`.
func median(_ times: [Double]) -> Double {
    let sorted = times.sorted()
    return sorted[sorted.count / 2]
}

/// The median wall-clock seconds of `repeats` runs of `body`, after `warmup` untimed runs.
func medianSeconds(warmup: Int = 2, repeats: Int, _ body: () -> Void) -> Double {
    median(secondsOfRuns(warmup: warmup, repeats: repeats, body))
}

// MARK: - Output

/// Every line `report` printed in this run, for the results file.
nonisolated(unsafe) var reportedLines: [String] = []

/// A value as JSON: numbers with four significant digits (null when not finite), strings quoted.
func jsonValue(_ value: Any) -> String {
    switch value {
    case let number as Double: return number.isFinite ? String(format: "%.4g", number) : "null"
    case let number as Int: return "\(number)"
    case let text as String: return "\"" + text.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\"", with: "\\\"") + "\""
    default: return "null"
    }
}

/// A JSON object of `fields` with keys in the given order.
func jsonObject(_ fields: [(String, Any)]) -> String {
    "{" + fields.map { "\"\($0.0)\":\(jsonValue($0.1))" }.joined(separator: ",") + "}"
}

/// Prints one measurement as a single JSON line with keys in the given order, `extra` last
/// (the figures of each peer found), and keeps it for the results file.
func report(_ fields: KeyValuePairs<String, Any>, extra: [(String, Any)] = []) {
    let line = jsonObject(fields.map { ($0.key, $0.value) } + extra)
    reportedLines.append(line)
    // Written straight to the file descriptor so a redirected run shows each line as it lands.
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}

/// Peak resident memory of this process in MB (Linux `VmHWM`), or nil elsewhere.
func peakResidentMegabytes() -> Double? {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
        let kilobytes = line.split(separator: " ").compactMap { Double($0) }.first ?? 0
        return kilobytes / 1024
    }
    return nil
}
