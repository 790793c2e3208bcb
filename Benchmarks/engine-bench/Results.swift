// The results file of the engine bench: one JSON line per run, appended, with the machine, the commit and the peers.

import Foundation

// MARK: - Machine and commit

/// The first minute's load average, or nil where /proc/loadavg is missing.
func loadAverage() -> Double? {
    (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first.flatMap { Double($0) }
}

/// The CPU as /proc/cpuinfo names it, with its family and model numbers (a hypervisor may hide
/// the name: "AMD EPYC" alone does not tell Zen 3 from Zen 4).
func cpuModel() -> String {
    guard let text = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
    func field(_ name: String) -> String? {
        text.split(separator: "\n").first { $0.hasPrefix(name) && $0.contains(":") }
            .map { $0.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces) }
    }
    let name = field("model name") ?? "unknown"
    guard let family = field("cpu family"), let model = field("model\t") else { return name }
    return "\(name) (family \(family), model \(model))"
}

/// `git rev-parse --short=12 HEAD`, with "+dirty" when tracked files differ from it; nil outside a checkout.
func currentCommit() -> String? {
    func git(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
    guard let commit = git(["rev-parse", "--short=12", "HEAD"]) else { return nil }
    let dirty = git(["status", "--porcelain", "--untracked-files=no"]).map { !$0.isEmpty } ?? false
    return dirty ? commit + "+dirty" : commit
}

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
        ("date", date), ("commit", commit ?? "unknown"), ("cpu", cpuModel()), ("threads", threads),
        ("loadavg_1m_start", loadAtStart ?? Double.nan), ("loadavg_1m_end", loadAverage() ?? Double.nan),
    ])
    let line = head.dropLast() + ",\"peers\":" + jsonObject(peers.map { ($0.0, $0.1 as Any) })
        + ",\"figures\":[" + reportedLines.joined(separator: ",") + "]}\n"
    let url = URL(fileURLWithPath: path)
    do {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: path) {
            _ = FileManager.default.createFile(atPath: path, contents: nil)
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(line.utf8))
        return true
    } catch {
        FileHandle.standardError.write(
            Data("engine-bench: cannot append to \(path): \(error.localizedDescription)\n".utf8))
        return false
    }
}
