// The results file of the engine bench: one JSON line per run, appended, with the machine, the commit and the peers.

import BenchmarkResults
import Foundation

// MARK: - Appending a run

/// Appends one line to `path`: the date and commit (both taken
/// at the start), CPU, thread count, load averages at the start
/// and the end, each peer's version, then every figure this run printed (`reportedLines`).
/// Returns false (and says why on stderr) when the file cannot be written.
func appendRun(
    to path: String, startedAt: Date, commit: String?, loadAtStart: Double?, threads: Int, peers: [(String, String)]
) -> Bool {
    let date = ISO8601DateFormatter().string(from: startedAt)
    let head = jsonObject([
        ("date", date), ("commit", commit ?? "unknown"), ("cpu", BenchmarkMachine.cpuModel()),
        ("threads", threads), ("loadavg_1m_start", loadAtStart ?? Double.nan),
        ("loadavg_1m_end", BenchmarkMachine.loadAverage() ?? Double.nan),
    ])
    let line = head.dropLast() + ",\"peers\":" + jsonObject(peers.map { ($0.0, $0.1 as Any) })
        + ",\"figures\":[" + reportedLines.joined(separator: ",") + "]}"
    return ResultsFile.append(String(line), to: path, bench: "engine-bench")
}
