// Runs notes: each note's cells compiled into one program and run in a child, results cached, notes in parallel.

import Foundation
import Notebook

/// The runner's entry point: `NoteRunner(options:progress:).run(notes)`.
///
/// Notes run concurrently, up to `options.jobs` at a time; the results come back in the
/// order of the notes given and are the same as a serial run's. A note whose cells, build
/// and limits are unchanged since its last run takes its results from the cache.
public final class NoteRunner: Sendable {
    public let options: RunOptions
    public let toolchain: Toolchain
    private let progress: (any RunProgress)?
    private let cache: ResultCache
    private let build: BuildFingerprint
    private let data: NoteDataFingerprint

    /// Prepares a runner; finds the toolchain unless `options` names one.
    public init(options: RunOptions, progress: (any RunProgress)?) throws {
        self.options = options
        self.toolchain = try options.toolchain ?? Toolchain.locate()
        self.progress = progress
        self.cache = ResultCache(directory: options.cacheDirectory)
        self.build = BuildFingerprint(toolchain: toolchain, cacheDirectory: options.cacheDirectory)
        self.data = NoteDataFingerprint(cacheDirectory: options.cacheDirectory)
        LeftoverProcesses.adoptOrphans()
    }

    /// Tells the runner that data files beside the notes changed: their fingerprints are
    /// computed again, so the notes that may read them run again rather than come from the cache.
    public func dataFilesChanged() {
        data.forget()
    }

    /// Runs `notes` and returns their results in the same order.
    public func run(_ notes: [Note]) async -> [NoteRun] {
        var results = [NoteRun?](repeating: nil, count: notes.count)
        await withTaskGroup(of: (Int, NoteRun).self) { group in
            var next = 0
            func startNext() {
                guard next < notes.count else { return }
                let index = next
                next += 1
                group.addTask { (index, await self.run(notes[index])) }
            }
            for _ in 0..<min(options.jobs, notes.count) { startNext() }
            while let (index, run) = await group.next() {
                results[index] = run
                startNext()
            }
        }
        return results.map { $0! }
    }

    /// Runs one note, or takes its results from the cache. Cancelling the task stops the
    /// note's program; the result is then incomplete, not cached, and meant to be dropped.
    public func run(_ note: Note) async -> NoteRun {
        let started = ContinuousClock.now
        let run = await resolve(note)
        if !Task.isCancelled { progress?.finished(run, elapsed: (ContinuousClock.now - started).seconds) }
        return run
    }

    private func resolve(_ note: Note) async -> NoteRun {
        let limits: Limits
        do {
            limits = try NoteSettings.limits(for: note, defaults: options.limits)
        } catch {
            return NoteRun(
                notePath: note.path,
                cells: note.cells.map { cell in
                    let problem = CellError(
                        kind: .internalError, message: error.description,
                        location: NoteLocation(path: note.path, line: 1))
                    return CellRun(
                        cellIndex: cell.index, status: cell.options.norun ? .skipped : .failed(problem), items: [])
                }, fromCache: false)
        }
        guard note.cells.contains(where: { !$0.options.norun }) else {
            return NoteRun(notePath: note.path, cells: note.cells.map {
                CellRun(cellIndex: $0.index, status: .skipped, items: [])
            }, fromCache: false)
        }
        let key = CacheKey.key(for: note, limits: limits, build: build.fingerprint(),
                               data: data.fingerprint(forNoteAt: note.path))
        let lines = note.cells.map(\.firstCodeLine)
        let forced = options.force || options.forcePaths.contains(note.path)
        if !forced, let cached = cache.load(path: note.path, key: key, cellLines: lines) {
            progress?.cached(note)
            return cached
        }
        let execution = NoteExecution(note: note, limits: limits, compiler: SwiftCompiler(toolchain: toolchain),
                                      progress: progress)
        let (run, cacheable) = await execution.run()
        // A cancelled run (`serve` restarting a note that was edited) stopped early: never cache it.
        if cacheable && !Task.isCancelled { cache.store(run, key: key, cellLines: lines) }
        return run
    }
}
