// The verdict on one cell: its output matches its recording, or why not.

import NoteResults

/// What `check` found for one cell of a note.
public struct CellCheck: Hashable, Sendable {
    /// What happened to the cell, from the reader's point of view.
    public enum Outcome: Hashable, Sendable {
        /// The output matches its recording (or, with no recording, the cell printed nothing).
        case matched
        /// The output differs from its recording beyond the tolerance.
        case changed(recorded: String, new: String, diff: String)
        /// The cell printed something but the note has no `output` block for it.
        case unrecorded(new: String, diff: String)
        /// `--update` wrote the new output into the note; `diff` is what changed.
        case updated(diff: String)
        /// The cell failed to compile or run.
        case failed(CellError)
        /// A `fails` cell that ran without an error.
        case unexpectedlyPassed
        /// Not run because the cell at `line` failed first.
        case notRun(afterFailureAtLine: Int)
        /// The runner gave no result for the cell (an internal error).
        case missingResult
        /// A `norun` cell: shown, never run, never compared.
        case skipped
    }

    public var notePath: String
    /// The cell's position among its note's cells, from 0.
    public var cellIndex: Int
    /// The line of the cell's opening fence.
    public var cellLine: Int
    /// The line of the opening fence of the cell's `output` block, if it has one.
    public var recordingLine: Int?
    public var outcome: Outcome

    public init(notePath: String, cellIndex: Int, cellLine: Int, recordingLine: Int?, outcome: Outcome) {
        self.notePath = notePath
        self.cellIndex = cellIndex
        self.cellLine = cellLine
        self.recordingLine = recordingLine
        self.outcome = outcome
    }

    // MARK: - Reading the verdict

    /// Whether the cell counts as passed in the `N passed, N failed` summary.
    public var passed: Bool {
        switch outcome {
        case .matched, .updated: return true
        default: return false
        }
    }

    /// Whether the cell counts as failed; `norun` cells count as neither.
    public var failed: Bool {
        switch outcome {
        case .matched, .updated, .skipped: return false
        default: return true
        }
    }

    /// The new output to record, for a cell whose output changed or was never recorded.
    public var outputToRecord: String? {
        switch outcome {
        case .changed(_, let new, _), .unrecorded(let new, _): return new
        default: return nil
        }
    }

    /// Where messages about the cell point: the recording for output changes, the error's
    /// place for failures, else the cell.
    public var location: NoteLocation {
        switch outcome {
        case .changed, .updated:
            return NoteLocation(path: notePath, line: recordingLine ?? cellLine)
        case .failed(let error):
            if let place = error.location, place.path == notePath { return place }
            return NoteLocation(path: notePath, line: cellLine)
        default:
            return NoteLocation(path: notePath, line: cellLine)
        }
    }

    /// One line saying what is wrong (or what was done), without the place.
    public var message: String {
        switch outcome {
        case .matched: return "output matches its recording"
        case .changed: return "recorded output differs (cell at line \(cellLine))"
        case .unrecorded: return "no recorded output"
        case .updated: return "recorded output updated (cell at line \(cellLine))"
        case .failed(let error): return "cell failed: \(error.message)"
        case .unexpectedlyPassed: return "cell is marked 'fails' but ran without an error"
        case .notRun(let line): return "not run: the cell at line \(line) failed first"
        case .missingResult: return "the runner gave no result for this cell"
        case .skipped: return "not run ('norun')"
        }
    }

    /// The lines under the message: a unified diff, or the error's detail; may be empty.
    public var detail: String {
        switch outcome {
        case .changed(_, _, let diff), .unrecorded(_, let diff), .updated(let diff): return diff
        case .failed(let error): return error.detail
        default: return ""
        }
    }
}
