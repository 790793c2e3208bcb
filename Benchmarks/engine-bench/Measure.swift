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

/// Prints one measurement as a single JSON line with keys in the given order.
func report(_ fields: KeyValuePairs<String, Any>) {
    let parts = fields.map { key, value -> String in
        switch value {
        case let number as Double: return "\"\(key)\":\(number.isFinite ? String(format: "%.4g", number) : "null")"
        case let number as Int: return "\"\(key)\":\(number)"
        case let text as String: return "\"\(key)\":\"\(text)\""
        default: return "\"\(key)\":null"
        }
    }
    // Written straight to the file descriptor so a redirected run shows each line as it lands.
    FileHandle.standardOutput.write(Data(("{" + parts.joined(separator: ",") + "}\n").utf8))
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
