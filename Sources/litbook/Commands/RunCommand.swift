// `litbook run`: run the notes' cells, show progress, report each failure at its note line.

import ArgumentParser
import Check
import Foundation
import Notebook
import Runner
import TextFormats

/// Runs the Swift cells of notes against the engine and reports what failed.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run the notes' Swift cells and report every failure at its note line.",
        discussion: """
        Each note's cells are compiled into one program and run in a child process with limits; \
        results are cached in the cache folder and reused until the cells, their options, the \
        engine or the compiler change. Exit status: 0 all notes passed, 1 a note failed, 2 usage error.
        """
    )

    @Argument(help: ArgumentHelp("Note files or folders of notes (default: Notes).", valueName: "notes"))
    var notes: [String] = []

    @OptionGroup var runner: RunnerArguments

    @Option(
        help: ArgumentHelp(
            "Time limit per note, e.g. '90s' or '2m' (default: 120s; a note's 'timeout:' overrides).",
            valueName: "duration"))
    var timeout: String?

    @Option(
        help: ArgumentHelp(
            "Memory limit per note, e.g. '512MB' (default: 2GB; a note's 'memory:' overrides).", valueName: "size"))
    var memory: String?

    @Option(
        name: .customLong("output-limit"),
        help: ArgumentHelp(
            "Output limit per cell, e.g. '64KB' (default: 1MB; a note's 'output-limit:' overrides).", valueName: "size")
    )
    var outputLimit: String?

    @Flag(help: "Write each changed cell output into the note's 'output' block.")
    var update = false

    func validate() throws {
        _ = try limits()
    }

    /// The default limits with the command line's values in place.
    func limits() throws -> Limits {
        var limits = Limits.defaults
        if let timeout {
            guard let seconds = NoteSettings.seconds(timeout) else {
                throw ValidationError("--timeout must be a duration such as '30s' or '2m', not '\(timeout)'")
            }
            limits.timeLimit = seconds
        }
        if let memory {
            guard let bytes = NoteSettings.bytes(memory) else {
                throw ValidationError("--memory must be a size such as '512MB' or '2GB', not '\(memory)'")
            }
            limits.memoryLimit = bytes
        }
        if let outputLimit {
            guard let bytes = NoteSettings.bytes(outputLimit) else {
                throw ValidationError("--output-limit must be a size such as '64KB' or '1MB', not '\(outputLimit)'")
            }
            limits.outputLimit = bytes
        }
        return limits
    }

    func run() async throws {
        let started = ContinuousClock.now
        let paths = try NoteArguments.paths(notes, whenNoneFound: "")
        let loaded = NoteLoader.load(paths)
        for problem in loaded.problems { Terminal.writeError(problem.description + "\n") }
        // A note with an error (unreadable, a bad cell option) fails, but its cells still run.
        let faulty = Set(loaded.problems.filter { $0.severity == .error }.map(\.path))

        let runs = try await CommandRunner.run(loaded.notes, options: runner.options(limits: try limits()),
                                               progress: ProgressPrinter())

        for message in FailureReport.messages(for: runs, notes: loaded.notes) { Terminal.writeError(message + "\n") }
        var failed = Set(runs.filter(\.failed).map(\.notePath)).union(faulty)
        if update {
            // The check command's updater: writes accepted outputs into the notes' output blocks.
            let report = RecordedOutputUpdater.update(notes: loaded.notes, runs: runs)
            for notice in report.notices { Terminal.write(notice + "\n") }
            for problem in report.refused { Terminal.writeError(problem.description + "\n") }
            failed.formUnion(report.refused.map(\.path))
        }
        let total = Set(paths).count
        let cached = runs.filter(\.fromCache).count
        let seconds = (ContinuousClock.now - started).seconds
        Terminal.write("\(total) note\(total == 1 ? "" : "s"): \(total - failed.count) passed, \(failed.count) failed, "
                       + "\(cached) cached in \(DurationText.seconds(seconds))\n")
        if !failed.isEmpty { throw ExitStatus.failure }
    }
}
