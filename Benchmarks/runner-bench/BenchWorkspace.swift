// A scratch folder for the benchmarks, a compiler wrapper that counts invocations, and result printing.

import BenchmarkResults
import Foundation
import Runner

/// Where benchmark notes and caches live, and a `swiftc` wrapper that logs each call.
struct BenchWorkspace {
    let path: String
    let toolchain: Toolchain
    /// The toolchain with the counting wrapper in place of `swiftc`.
    let countingToolchain: Toolchain
    private let log: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("runner-bench-\(getpid())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        toolchain = try Toolchain.locate()
        log = path + "/swiftc-calls.log"
        let wrapper = path + "/swiftc"
        try """
        #!/bin/sh
        echo "$@" >> '\(log)'
        exec '\(toolchain.compiler)' "$@"
        """.write(toFile: wrapper, atomically: true, encoding: .utf8)
        chmod(wrapper, 0o755)
        countingToolchain = Toolchain(compiler: wrapper, libraryDirectory: toolchain.libraryDirectory,
                                      moduleDirectory: toolchain.moduleDirectory)
    }

    /// How many times the wrapper ran so far.
    var compilerCalls: Int {
        ((try? String(contentsOfFile: log, encoding: .utf8)) ?? "").split(separator: "\n").count
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// Prints one measurement as a JSON line with sorted keys, kept for the run's results line.
func report(_ fields: [String: Any]) {
    let data = try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])
    RunRecord.add(String(decoding: data, as: UTF8.self))
}

/// Seconds since `start`.
func seconds(since start: ContinuousClock.Instant) -> Double {
    let (whole, fraction) = (ContinuousClock.now - start).components
    return Double(whole) + Double(fraction) / 1e18
}

/// `values` sorted, its middle one.
func median(_ values: [Double]) -> Double {
    let sorted = values.sorted()
    return sorted[sorted.count / 2]
}
