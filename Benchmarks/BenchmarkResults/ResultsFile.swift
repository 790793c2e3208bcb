// What every bench writes into Benchmarks/results/: the machine, the commit, and one appended JSON line per run.

import Foundation

/// Facts about the machine and the checkout that a results line records beside the figures.
public enum BenchmarkMachine {
    /// The first minute's load average, or nil where /proc/loadavg is missing.
    public static func loadAverage() -> Double? {
        (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").first
            .flatMap { Double($0) }
    }

    /// The CPU as /proc/cpuinfo names it, with its family and model numbers (a hypervisor may hide
    /// the name: "AMD EPYC" alone does not tell Zen 3 from Zen 4).
    public static func cpuModel() -> String {
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
    public static func currentCommit() -> String? {
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
}

/// A bench's results file, `Benchmarks/results/NAME.jsonl`: JSON lines, only ever appended to.
public enum ResultsFile {
    /// Appends `line` (one JSON object, no newline) to `path`, creating the folder and the file when
    /// missing. Returns false, and says why on stderr naming `bench`, when the file cannot be written.
    public static func append(_ line: String, to path: String, bench: String) -> Bool {
        let url = URL(fileURLWithPath: path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if !FileManager.default.fileExists(atPath: path) {
                _ = FileManager.default.createFile(atPath: path, contents: nil)
            }
            let handle = try FileHandle(forWritingTo: url)
            defer { try? handle.close() }
            try handle.seekToEnd()
            try handle.write(contentsOf: Data((line + "\n").utf8))
            return true
        } catch {
            FileHandle.standardError.write(
                Data("\(bench): cannot append to \(path): \(error.localizedDescription)\n".utf8))
            return false
        }
    }
}

/// One run of a bench: the measurements it prints, then one line in its results file with the date
/// and commit taken at the start, the CPU, and the load average at the start and the end.
public enum RunRecord {
    nonisolated(unsafe) private static var lines: [String] = []
    private static let startedAt = Date()
    private static let commit = BenchmarkMachine.currentCommit() ?? "unknown"
    private static let loadAtStart = BenchmarkMachine.loadAverage() ?? -1

    /// Takes the date, the commit and the load now; call it before measuring.
    public static func start() { _ = (startedAt, commit, loadAtStart) }

    /// Prints `line` (one JSON object) and keeps it for the results file.
    public static func add(_ line: String) {
        print(line)
        lines.append(line)
    }

    /// Appends the run's line to `Benchmarks/results/BENCH.jsonl`.
    @discardableResult
    public static func save(bench: String) -> Bool {
        let head: [String: Any] = [
            "bench": bench, "date": ISO8601DateFormatter().string(from: startedAt), "commit": commit,
            "cpu": BenchmarkMachine.cpuModel(), "loadavg_1m_start": loadAtStart,
            "loadavg_1m_end": BenchmarkMachine.loadAverage() ?? -1,
        ]
        let data = (try? JSONSerialization.data(withJSONObject: head, options: [.sortedKeys])) ?? Data("{}".utf8)
        let line = String(decoding: data.dropLast(), as: UTF8.self)
            + ",\"figures\":[" + lines.joined(separator: ",") + "]}"
        return ResultsFile.append(line, to: "Benchmarks/results/\(bench).jsonl", bench: bench)
    }
}
