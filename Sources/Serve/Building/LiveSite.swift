// The site `serve` shows: the notes as they are on disk now, their latest runs, the pages written from both.

import Foundation
import Notebook
import Runner
import Site

/// What `serve` reports as it works, for the terminal.
public protocol ServeReporter: Sendable {
    /// Problems found while reading notes (unreadable file, bad option…).
    func problems(_ problems: [NoteProblem])
    /// A note's run ended (fresh or from the cache); its failures are for the terminal.
    func ran(_ run: NoteRun, note: Note)
    /// The site was written again; `pages` are the files that changed.
    func rebuilt(pages: [String], seconds: Double)
    /// The site could not be written (the pages served stay as they were).
    func cannotWrite(_ error: any Error)
}

/// The notes, runs and pages behind a `serve` session; every change goes through here.
///
/// A changed note is re-run (the runner's cache decides whether anything really runs: a
/// prose-only edit is a cache hit); a note edited while it runs has its run cancelled and
/// started again; a note added, renamed or deleted changes the index, navigation and search.
/// After each change the whole site is rendered in memory and written into the output folder,
/// and the pages whose bytes changed are announced on the reload channel.
actor LiveSite {
    private let arguments: [String]
    private let runner: NoteRunner
    private let writer: SiteWriter
    private let channel: ReloadChannel
    private let reporter: any ServeReporter

    private var notes: [String: Note] = [:]
    private var problems: [String: [NoteProblem]] = [:]
    private var texts: [String: String] = [:]
    private var runs: [String: NoteRun] = [:]
    private var runsInFlight: [String: Task<Void, Never>] = [:]
    private var generation: [String: Int] = [:]
    private var files = SiteFiles()
    private var slots: Int
    private var waitingForSlot: [CheckedContinuation<Void, Never>] = []

    private let gate: WriteGate

    init(arguments: [String], runner: NoteRunner, outputDirectory: String, channel: ReloadChannel,
         reporter: any ServeReporter, gate: WriteGate) {
        self.gate = gate
        self.arguments = arguments
        self.runner = runner
        self.writer = SiteWriter(outputDirectory: outputDirectory, clean: true)
        self.channel = channel
        self.reporter = reporter
        self.slots = max(1, runner.options.jobs)
    }

    /// The note paths known now.
    var paths: [String] { notes.keys.sorted(by: NoteFinder.bytewise) }

    /// Whether a note is being run (or waiting to be).
    var isRunning: Bool { !runsInFlight.isEmpty }

    /// Reads every note, runs them all, writes the site; returns when the site is complete.
    func buildAll() async throws {
        _ = reload()
        let all = Array(notes.values)
        let results = await runner.run(all)
        for (note, run) in zip(all, results) {
            runs[note.path] = run
            reporter.ran(run, note: note)
        }
        try render()
    }

    /// Takes in a batch of changed paths: reads the notes again and re-runs those that changed.
    func apply(changes: [String]) {
        let changed = reload()
        // A data file (not a note) may be read by every note whose folder holds it, however deep.
        let dataFiles = changes.filter { !$0.hasSuffix(".md") }
        var toRun = changed.edited
        if !dataFiles.isEmpty {
            runner.dataFilesChanged()
            for path in notes.keys {
                let folder = (path as NSString).deletingLastPathComponent
                if dataFiles.contains(where: { folder.isEmpty || $0.hasPrefix(folder + "/") }) { toRun.insert(path) }
            }
        }
        for path in changed.removed {
            runsInFlight.removeValue(forKey: path)?.cancel()
            runs.removeValue(forKey: path)
        }
        if !changed.removed.isEmpty || !changed.added.isEmpty {
            // The index, navigation and search change at once; the new note's page follows its run.
            renderReportingFailure()
            channel.send(.running(paths: runningPaths(adding: nil)))
        }
        for path in toRun.sorted(by: NoteFinder.bytewise) { start(path) }
    }

    // MARK: - Reading

    private struct Difference {
        var edited: Set<String> = []
        var added: Set<String> = []
        var removed: Set<String> = []
    }

    /// Reads the notes named by the arguments again; returns which ones are new, edited or gone.
    private func reload() -> Difference {
        var difference = Difference()
        let found = NoteFinder.find(arguments).paths
        let gone = Set(notes.keys).subtracting(found)
        for path in gone {
            notes.removeValue(forKey: path)
            texts.removeValue(forKey: path)
            problems.removeValue(forKey: path)
            difference.removed.insert(path)
        }
        var newProblems: [NoteProblem] = []
        for path in found {
            let text: String?
            var pathProblems: [NoteProblem] = []
            switch NoteLoader.read(path) {
            case .success(let read): text = read
            case .failure(let problem): text = nil; pathProblems.append(problem)
            }
            if let text, texts[path] == text { continue }
            if notes[path] == nil { difference.added.insert(path) }
            texts[path] = text
            if let text {
                let parsed = NoteParser.parse(path: path, text: text)
                notes[path] = parsed.note
                pathProblems += parsed.problems
                difference.edited.insert(path)
            } else {
                notes.removeValue(forKey: path)
                difference.removed.insert(path)
            }
            problems[path] = pathProblems
            newProblems += pathProblems
        }
        if !newProblems.isEmpty { reporter.problems(newProblems) }
        return difference
    }

    // MARK: - Running

    /// Runs `path` again, cancelling a run of it in progress; the site is written when it ends.
    private func start(_ path: String) {
        guard let note = notes[path] else { return }
        runsInFlight.removeValue(forKey: path)?.cancel()
        let mine = generation[path, default: 0] + 1
        generation[path] = mine
        channel.send(.running(paths: runningPaths(adding: path)))
        runsInFlight[path] = Task {
            await self.takeSlot()
            guard !Task.isCancelled else { return self.releaseSlot() }
            let run = await self.runner.run(note)
            self.releaseSlot()
            guard !Task.isCancelled else { return }
            self.finish(path: path, generation: mine, run: run, note: note)
        }
    }

    private func finish(path: String, generation number: Int, run: NoteRun, note: Note) {
        guard generation[path] == number else { return }
        runsInFlight.removeValue(forKey: path)
        runs[path] = run
        reporter.ran(run, note: note)
        renderReportingFailure()
        channel.send(.running(paths: runningPaths(adding: nil)))
    }

    private func runningPaths(adding path: String?) -> [String] {
        Set(runsInFlight.keys).union(path.map { [$0] } ?? []).sorted(by: NoteFinder.bytewise)
    }

    /// Two notes run at once, as `run` runs them: at most `jobs` notes.
    private func takeSlot() async {
        if slots > 0 {
            slots -= 1
            return
        }
        await withCheckedContinuation { waitingForSlot.append($0) }
    }

    private func releaseSlot() {
        if waitingForSlot.isEmpty { slots += 1 } else { waitingForSlot.removeFirst().resume() }
    }

    // MARK: - Writing

    private func renderReportingFailure() {
        do {
            try render()
        } catch {
            reporter.cannotWrite(error)
        }
    }

    /// Renders every page with the latest runs, writes the site, announces the changed pages.
    private func render() throws {
        let started = ContinuousClock.now
        let ordered = paths.compactMap { notes[$0] }
        // Links to missing notes show on their pages, as `build` shows them.
        let found = ordered.flatMap { problems[$0.path] ?? [] } + LinkCheck.problems(in: ordered)
        let site = SiteNote.pairing(ordered, runs: ordered.compactMap { runs[$0.path] }, problems: found)
        let rendered = SiteRenderer(options: SiteOptions()).render(site)
        let changed = Set(rendered.paths + files.paths).filter { rendered[$0] != files[$0] }.sorted()
        guard !changed.isEmpty else { return }
        let writer = self.writer
        guard try gate.write({ _ = try writer.write(rendered) }) else { return }
        files = rendered
        let elapsed = ContinuousClock.now - started
        let (seconds, attoseconds) = elapsed.components
        reporter.rebuilt(pages: changed, seconds: Double(seconds) + Double(attoseconds) / 1e18)
        channel.send(.reload(pages: changed))
    }
}
