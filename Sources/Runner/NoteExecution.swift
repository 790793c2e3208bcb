// Runs one note from its cells to its results: generate, compile, run, and apply the `fails` rule.

import Foundation
import Notebook
import RecordStream

/// The whole life of one note's run, in a scratch folder of its own.
///
/// The `fails` rule: a `fails` cell is expected to fail, and its error is its output.
/// - If it does not compile, it is dropped and the program compiled again without it.
/// - If it fails at run time, its output and error are kept, and the program runs again
///   without it; the cells after it take their results from that second run.
/// - If it passes, it is reported as unexpectedly passed (a failure of the note).
/// Any other failure ends the note at its cell: the cells after it are not run, and the cells
/// before it keep their results. At compile time that means compiling again without the
/// failing cell and those after it (the compile prefix), so the earlier cells still run.
struct NoteExecution {
    var note: Note
    var limits: Limits
    var compiler: SwiftCompiler
    var progress: (any RunProgress)?

    /// The note's results, and whether they may be cached (not when a time limit, which
    /// depends on the machine's load, or an internal problem decided them).
    func run() async -> (run: NoteRun, cacheable: Bool) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("litbook-\(getpid())-\(UUID().uuidString)").path
        ChildRegistry.shared.register(directory: directory)
        defer {
            try? FileManager.default.removeItem(atPath: directory)
            ChildRegistry.shared.unregister(directory: directory)
        }
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            return (noteFailure("cannot create a scratch folder: \(error.localizedDescription)"), false)
        }
        var ledger = Ledger(note: note)
        do {
            try await run(in: directory, ledger: &ledger)
        } catch {
            return (noteFailure(error.description), false)
        }
        return (ledger.noteRun, ledger.cacheable)
    }

    // MARK: - The fails loop

    /// What the note's results are so far, across the program's runs.
    private struct Ledger {
        let note: Note
        var results: [Int: CellRun] = [:]
        /// `fails` cells that failed as expected and are left out of the next program.
        var dropped: Set<Int> = []
        /// The first cell that did not compile (unexpectedly): it and the cells after it are
        /// left out of the next program.
        var cutoff: Int?
        var cacheable = true

        init(note: Note) {
            self.note = note
            for cell in note.cells where cell.options.norun {
                results[cell.index] = CellRun(cellIndex: cell.index, status: .skipped, items: [])
            }
        }

        func isFails(_ cell: Int) -> Bool {
            note.cells.first(where: { $0.index == cell })?.options.fails ?? false
        }

        /// Records `error` for `cell` unless an earlier run already settled it.
        mutating func fail(_ cell: Int, _ error: CellError, items: [OutputItem] = []) {
            guard results[cell] == nil else { return }
            results[cell] = CellRun(
                cellIndex: cell, status: isFails(cell) ? .failedAsExpected(error) : .failed(error), items: items)
        }

        /// The cells the next program leaves out.
        var excluded: Set<Int> {
            guard let cutoff else { return dropped }
            return dropped.union(note.cells.map(\.index).filter { $0 >= cutoff })
        }

        /// Marks every cell of `program` after `failedCell` still unsettled as not run because of it.
        mutating func skipRest(of program: GeneratedProgram, after failedCell: Int) {
            for cell in program.cellIndices where cell > failedCell && results[cell] == nil {
                results[cell] = CellRun(cellIndex: cell, status: .notRun(afterFailureOf: failedCell), items: [])
            }
        }

        var noteRun: NoteRun {
            NoteRun(notePath: note.path, cells: note.cells.map {
                results[$0.index] ?? CellRun(cellIndex: $0.index, status: .skipped, items: [])
            }, fromCache: false)
        }
    }

    private enum Next { case again, finished }

    private func run(in directory: String, ledger: inout Ledger) async throws(NoteFailure) {
        while true {
            let program = ProgramGenerator.program(for: note, excluding: ledger.excluded)
            if program.cellIndices.isEmpty { return }
            if Task.isCancelled { throw NoteFailure(description: "the run was cancelled") }
            progress?.compiling(note)
            let (compiled, sourcePath, executable) = try await compile(program, in: directory)
            if !compiled.succeeded {
                let report = CompileFailure(output: compiled.output, program: program, programPath: sourcePath,
                                            note: note, toolchain: compiler.toolchain)
                if try settle(report, of: program, in: &ledger) == .finished { return }
                continue
            }
            var outcome = try await execute(program, executable: executable, in: directory)
            if outcome.limitHit == .time || outcome.termination == .signaled(SIGXCPU) { ledger.cacheable = false }
            truncateFlood(&outcome)
            if settle(outcome, of: program, in: &ledger) == .finished { return }
        }
    }

    /// Records a failed compilation: drop the failing `fails` cells before the first unexpected
    /// error, put that error on its cell, and go again with the cells before it; or stop when
    /// the compiler named no cell.
    private func settle(
        _ report: CompileFailure, of program: GeneratedProgram, in ledger: inout Ledger
    ) throws(NoteFailure) -> Next {
        if let problem = report.toolchainProblem { throw NoteFailure(description: problem.description) }
        guard !report.failingCells.isEmpty else {
            let first = program.cellIndices[0]
            ledger.fail(first, report.unattributedError(at: first))
            ledger.skipRest(of: program, after: first)
            return .finished
        }
        let firstUnexpected = report.failingCells.first { !ledger.isFails($0) }
        for cell in report.failingCells where firstUnexpected.map({ cell <= $0 }) ?? true {
            ledger.fail(cell, report.errors[cell]!)
            if cell != firstUnexpected { ledger.dropped.insert(cell) }
        }
        if let firstUnexpected {
            // Later cells wait for this one: their own errors may only follow from it.
            ledger.skipRest(of: program, after: firstUnexpected)
            ledger.cutoff = min(ledger.cutoff ?? .max, firstUnexpected)
        }
        return .again
    }

    /// Records a program run: the cells that ended, then the failure, if any.
    private func settle(_ outcome: ProgramOutcome, of program: GeneratedProgram, in ledger: inout Ledger) -> Next {
        let outputs = CellOutputs(printed: outcome.printed, frames: outcome.frames)
        let failure = RunFailure.diagnose(outcome, outputs: outputs, program: program, note: note, limits: limits)
        for cell in program.cellIndices
        where ledger.results[cell] == nil && outputs.ended.contains(cell) && cell != failure?.cell {
            ledger.results[cell] = CellRun(
                cellIndex: cell, status: ledger.isFails(cell) ? .unexpectedlyPassed : .passed,
                items: outputs.items[cell] ?? [])
        }
        guard let failure else { return .finished }
        if failure.error.kind == .internalError { ledger.cacheable = false }
        ledger.fail(failure.cell, failure.error, items: failure.items)
        if ledger.isFails(failure.cell) {
            ledger.dropped.insert(failure.cell)
            return .again
        }
        ledger.skipRest(of: program, after: failure.cell)
        return .finished
    }

    // MARK: - Steps

    private func compile(_ program: GeneratedProgram, in directory: String) async throws(NoteFailure)
        -> (CompileResult, source: String, executable: String)
    {
        let source = directory + "/main.swift", executable = directory + "/program"
        do {
            try program.source.write(toFile: source, atomically: false, encoding: .utf8)
            return (
                try await compiler.compile(source: source, executable: executable, scratchDirectory: directory), source,
                executable
            )
        } catch {
            throw NoteFailure(description: "cannot compile: \(error)")
        }
    }

    private func execute(
        _ program: GeneratedProgram, executable: String, in directory: String
    ) async throws(NoteFailure)
        -> ProgramOutcome
    {
        let count = program.cellIndices.count
        let positions = Dictionary(uniqueKeysWithValues: program.cellIndices.enumerated().map { ($1, $0 + 1) })
        let note = self.note, progress = self.progress
        let execution = ProgramExecution(
            executable: executable, scratchDirectory: directory, noteDirectory: noteDirectory, limits: limits,
            cellCount: count,
            onCellBegin: { cell in progress?.running(note, cell: positions[cell] ?? 0, of: count) })
        do {
            return try await execution.run()
        } catch {
            throw NoteFailure(description: "cannot run the program: \(error)")
        }
    }

    /// The note's folder as an absolute path: cells read files relative to their note.
    private var noteDirectory: String {
        let folder = URL(
            fileURLWithPath: note.path, relativeTo: URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        )
        .deletingLastPathComponent()
        return folder.standardizedFileURL.path
    }

    /// Keeps a flooding cell's text to the output limit.
    private func truncateFlood(_ outcome: inout ProgramOutcome) {
        guard outcome.limitHit == .output || outcome.termination == .signaled(SIGXFSZ) else { return }
        let start = outcome.frames.last(where: { if case .cellBegin = $0.record { true } else { false } })
            .map { Int($0.outputOffset) } ?? 0
        var end = min(outcome.printed.count, start + limits.outputLimit)
        // Cut on a character boundary: never in the middle of a UTF-8 sequence.
        while end > start && end < outcome.printed.count && outcome.printed[end] & 0xC0 == 0x80 { end -= 1 }
        outcome.printed.removeSubrange(end...)
    }

    // MARK: - Failures of the whole note

    /// A problem that stops the note before any cell can run: the toolchain, the scratch folder.
    private struct NoteFailure: Error, CustomStringConvertible {
        var description: String
    }

    /// A run where no cell ran, because of `message`: the first runnable cell carries it.
    private func noteFailure(_ message: String) -> NoteRun {
        let error = CellError(kind: .internalError, message: message, location: NoteLocation(path: note.path, line: 1))
        let first = note.cells.first(where: { !$0.options.norun })?.index ?? 0
        return NoteRun(notePath: note.path, cells: note.cells.map { cell in
            if cell.options.norun { return CellRun(cellIndex: cell.index, status: .skipped, items: []) }
            if cell.index == first { return CellRun(cellIndex: cell.index, status: .failed(error), items: []) }
            return CellRun(cellIndex: cell.index, status: .notRun(afterFailureOf: first), items: [])
        }, fromCache: false)
    }
}
