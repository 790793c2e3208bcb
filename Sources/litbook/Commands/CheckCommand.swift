// `litbook check`: run the notes and compare every cell's output with the output its note records.

import ArgumentParser
import Check
import Foundation
import Notebook
import Runner
import Site

/// Verifies the notes against their recorded outputs, for authors and for CI.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Run the notes and compare each cell's output with the output recorded in the note.",
        discussion: """
        Text must match exactly. Integers match exactly; other numbers match within one unit in the \
        last digit the recording printed, or within the relative tolerance set by a cell's \
        'tolerance=' option or a note's 'tolerance:' front matter. A mismatch prints a unified diff \
        headed by the recording's Notes/x.md:LINE. The last line is 'N passed, N failed', counting \
        cells ('norun' cells count as neither). Exit status: 0 every cell passed, 1 a cell failed or \
        changed, a note could not be read or written back, or the site is stale; 2 usage error.
        """
    )

    @Argument(help: ArgumentHelp("Note files or folders of notes (default: Notes).", valueName: "notes"))
    var notes: [String] = []

    @Flag(help: "Accept the new outputs: write them into the notes' 'output' blocks, and nothing else.")
    var update = false

    @Option(
        help: ArgumentHelp("How to report: 'text', or 'github' for GitHub Actions annotations.", valueName: "format"))
    var format: CheckReportFormat = .text

    @Option(help: ArgumentHelp("Also write the results as JUnit XML to this file.", valueName: "file"))
    var junit: String?

    @Option(
        help: ArgumentHelp(
            "Check only shard i of n, e.g. 2/4 (notes sorted by path, dealt in turn).",
            valueName: "i/n"),
        transform: { text in
            do throws(ShardSyntaxError) { return try Shard(parsing: text) } catch {
                throw ValidationError(error.problem)
            }
        })
    var shard: Shard?

    @Option(name: .customLong("site"), defaultAsFlag: "Site", parsing: .next,
            help: ArgumentHelp("Also verify that the committed site in this folder equals a fresh build.",
                               valueName: "dir"))
    var site: String?

    @OptionGroup var runner: RunnerArguments

    func run() async throws {
        // Read: every note named (the site needs them all), and this shard's share of them.
        // Passing with nothing checked would hide a mistyped folder in CI.
        let paths = try NoteArguments.paths(notes, whenNoneFound: "")
        let loaded = NoteLoader.load(paths)
        // A site has only the notes given; a check of a few of them warns only of links to no file at all.
        let sitePageProblems = loaded.problems + LinkCheck.problems(in: loaded.notes)
        let problems = loaded.problems + LinkCheck.problems(in: loaded.notes) {
            FileManager.default.fileExists(atPath: $0)
        }
        let unreadable = Set(loaded.problems.filter { $0.severity == .error }.map(\.path))
        let shardPaths = Set(shard.map { $0.select(paths) } ?? paths)
        let checked = loaded.notes.filter { shardPaths.contains($0.path) && !unreadable.contains($0.path) }

        // Run: the check needs the shard's readable notes; a fresh site, like `build`, every note.
        let runs = try await runNotes(site == nil ? checked : loaded.notes)
        let runsByPath = Dictionary(runs.map { ($0.notePath, $0) }, uniquingKeysWith: { first, _ in first })

        // Compare; then accept the new outputs and verify the site when asked.
        var report = CheckReport(
            notes: checked.compactMap { note in runsByPath[note.path].map { NoteChecker.check(note, against: $0) } },
            problems: problems.filter { shardPaths.contains($0.path) })
        if update {
            report = RecordedOutputUpdater.marking(
                report, with: RecordedOutputUpdater.update(notes: checked, checks: report))
        }
        if let site {
            let book = BookConfig.load(forNotes: paths)
            report.otherFailures += book.problems.filter { $0.severity == .error }
            report.otherFailures += siteProblems(
                committed: site, options: book.options, notes: loaded.notes, runs: runs, problems: sitePageProblems)
        }

        // Report: the summary line is the last line in either format.
        if let junit {
            do {
                try Data(JUnitReport.render(report).utf8).write(to: URL(fileURLWithPath: junit))
            } catch {
                Terminal.writeError(
                    "error: cannot write the JUnit report to '\(junit)': \(error.localizedDescription)\n")
                throw ExitStatus.failure
            }
        }
        Terminal.write(format == .github ? GitHubAnnotations.render(report) : TextReport.render(report))
        if report.failed { throw ExitStatus.failure }
    }

    // MARK: - Running

    /// Runs `notes` (cached results reused while their key matches), with live progress on a
    /// terminal only, so that a log holds exactly the report.
    private func runNotes(_ notes: [Note]) async throws -> [NoteRun] {
        // The check prints a report, so progress only on a terminal.
        try await CommandRunner.run(
            notes, options: runner.options(), progress: Terminal.isInteractive ? ProgressPrinter() : nil)
    }

    // MARK: - Site freshness

    /// What `litbook build` would change in the committed site `folder`, as failures: the
    /// build is done as `build` does it, on a copy, and the copy compared byte for byte.
    private func siteProblems(committed folder: String, options: SiteOptions, notes: [Note], runs: [NoteRun],
                              problems: [NoteProblem]) -> [NoteProblem] {
        let fileManager = FileManager.default
        var isFolder: ObjCBool = false
        guard fileManager.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            let error = SiteFolderError(path: folder)
            return [.error(error.message, path: folder, line: 0)]
        }
        let files = SiteRenderer(options: options.linkingManual(in: folder))
            .render(SiteNote.pairing(notes, runs: runs, problems: problems))
        let scratch = fileManager.temporaryDirectory.appendingPathComponent("litbook-check-site-\(UUID().uuidString)")
        defer { try? fileManager.removeItem(at: scratch) }
        do {
            try fileManager.createDirectory(at: scratch, withIntermediateDirectories: true)
            let copy = scratch.appendingPathComponent("site").path
            try fileManager.copyItem(atPath: folder, toPath: copy)
            _ = try SiteWriter(outputDirectory: copy).write(files)
            return try SiteComparison.differences(fresh: SiteComparison.files(under: copy), committedFolder: folder)
                .map(\.problem)
        } catch {
            return [.error("cannot build a fresh site to compare with: \(error)", path: folder, line: 0)]
        }
    }
}

/// How `check` reports: plain text, or GitHub Actions workflow commands.
enum CheckReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case github
}
