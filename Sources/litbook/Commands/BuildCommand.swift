// `litbook build`: notes in, study site out; cells run (or recorded outputs shown), every page rendered, nothing lost.

import ArgumentParser
import Notebook
import Runner
import Site

/// Builds the static study site from the notes.
struct BuildCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the study site: one page per note with its cells' outputs and figures, an index and search.",
        discussion: """
        Every page is written even when a note cannot be parsed or a cell fails: the page marks the \
        error, litbook prints it as `Notes/x.md:LINE:COL: error: …`, and exits with status 1 at the end \
        (2 for a wrong command line). \
        The output folder is replaced in one step, so a failed build leaves the previous site intact. \
        Files in it that litbook did not write are kept (with a warning) unless --clean is given.
        """
    )

    @Argument(help: ArgumentHelp("Note files or folders of notes.", valueName: "notes"))
    var notes: [String] = []

    @Option(name: .long, help: ArgumentHelp("The folder the site is written to.", valueName: "dir"))
    var out: String = "Site"

    @Flag(
        name: .customLong("no-exec"),
        help: "Do not run cells; show the outputs recorded in the notes (a quick preview).")
    var noExec = false

    @Flag(help: "Remove files in the output folder that litbook did not write.")
    var clean = false

    @OptionGroup var runner: RunnerArguments

    func validate() throws {
        if out.isEmpty {
            throw ValidationError("--out must name a folder")
        }
    }

    func run() async throws {
        // Read.
        // An empty site would replace the pages of every note: more likely a wrong folder than a wish.
        let paths = try NoteArguments.paths(notes, whenNoneFound: "; \(out) left as it was")
        let loaded = NoteLoader.load(paths)
        let problems = loaded.problems + LinkCheck.problems(in: loaded.notes)
        for problem in problems { Terminal.writeError(problem.description + "\n") }
        let book = BookConfig.load(forNotes: paths)
        for problem in book.problems { Terminal.writeError(problem.description + "\n") }

        // Run.
        var runs: [NoteRun] = []
        if !noExec {
            runs = try await CommandRunner.run(loaded.notes, options: runner.options(), progress: ProgressPrinter())
            for message in FailureReport.messages(for: runs, notes: loaded.notes) {
                Terminal.writeError(message + "\n")
            }
        }

        // Render and write, with the book's options, as `check
        // --site` renders, so that a fresh build and the check agree.
        let files = SiteRenderer(options: book.options.linkingManual(in: out))
            .render(SiteNote.pairing(loaded.notes, runs: runs, problems: problems))
        let report: SiteWriteReport
        do {
            report = try SiteWriter(outputDirectory: out, clean: clean).write(files)
        } catch {
            Terminal.writeError("error: \(error)\n")
            throw ExitStatus.failure
        }

        // Report.
        for warning in report.warnings(outputDirectory: out) { Terminal.writeError("warning: " + warning + "\n") }
        for removed in report.removedForeignFiles {
            Terminal.writeError("\(out)/\(removed): not written by litbook; removed (--clean)\n")
        }
        let failedNotes = Set(loaded.problems.filter { $0.severity == .error }.map(\.path))
            .union(runs.filter(\.failed).map(\.notePath))
        let pages = loaded.notes.count
        Terminal.write(
            "\(out): \(pages) page\(pages == 1 ? "" : "s") and the index written"
                + (noExec ? " (cells not run: recorded outputs shown)" : "")
                + (failedNotes.isEmpty
                    ? "" : "; \(failedNotes.count) note\(failedNotes.count == 1 ? "" : "s") with errors") + "\n")
        if !failedNotes.isEmpty || book.problems.containsError { throw ExitStatus.failure }
    }
}
