// Compares the cells of one note with how they ran: the core of `litbook check`.

import Notebook
import NoteResults

/// The verdicts on every cell of one note.
public struct NoteCheck: Hashable, Sendable {
    public var notePath: String
    public var cells: [CellCheck]

    public init(notePath: String, cells: [CellCheck]) {
        self.notePath = notePath
        self.cells = cells
    }

    public var passedCount: Int { cells.filter(\.passed).count }
    public var failedCount: Int { cells.filter(\.failed).count }
}

/// Judges a note's run against the outputs the note records.
public enum NoteChecker {
    /// A verdict for each cell of `note`, in order, from `run` (the same note's run).
    ///
    /// `norun` cells are skipped. A failed cell is a failure with its error; a `fails` cell
    /// that failed as expected is compared like any other, its error message being its output.
    public static func check(_ note: Note, against run: NoteRun) -> NoteCheck {
        precondition(run.notePath == note.path, "checking \(note.path) against the run of \(run.notePath)")
        let runs = Dictionary(run.cells.map { ($0.cellIndex, $0) }, uniquingKeysWith: { first, _ in first })
        let cells = note.cells.map { cell in
            CellCheck(notePath: note.path, cellIndex: cell.index, cellLine: cell.range.start.line,
                      recordingLine: cell.output?.range.start.line,
                      outcome: outcome(of: cell, in: note, run: runs[cell.index]))
        }
        return NoteCheck(notePath: note.path, cells: cells)
    }

    // MARK: - One cell

    private static func outcome(of cell: Cell, in note: Note, run: CellRun?) -> CellCheck.Outcome {
        if cell.options.norun { return .skipped }
        guard let run else { return .missingResult }
        switch run.status {
        case .skipped: return .skipped
        case .failed(let error): return .failed(error)
        case .unexpectedlyPassed: return .unexpectedlyPassed
        case .notRun(let index):
            let line = note.cells.first(where: { $0.index == index })?.range.start.line ?? cell.range.start.line
            return .notRun(afterFailureAtLine: line)
        case .passed, .failedAsExpected:
            // The same normalisation the writer applies, so a written output reads back equal.
            return compare(cell, in: note, new: RecordedOutput.recordable(run.recordableText))
        }
    }

    private static func compare(_ cell: Cell, in note: Note, new: String) -> CellCheck.Outcome {
        let tolerance = Tolerance.forCell(cell, in: note)
        let differ = UnifiedDiff(tolerance: tolerance)
        guard let recording = cell.output else {
            if new.isEmpty { return .matched }
            return .unrecorded(new: new, diff: differ.render(recorded: "", new: new, oldLabel: "no recorded output"))
        }
        if OutputComparison.matches(recorded: recording.text, new: new, tolerance: tolerance) { return .matched }
        return .changed(recorded: recording.text, new: new, diff: differ.render(recorded: recording.text, new: new))
    }
}
