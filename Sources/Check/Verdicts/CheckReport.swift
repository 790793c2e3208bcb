// The verdicts on every checked note, and the summary line `check` ends with.

import Notebook

/// Everything `check` found, note by note, in the order the notes were checked.
public struct CheckReport: Hashable, Sendable {
    public var notes: [NoteCheck]
    /// Problems reading the notes (a missing file, an unknown cell option), reported before the cells.
    public var problems: [NoteProblem]
    /// Failures outside the cells, reported after them: a note `--update` could not write,
    /// a stale file of the committed site.
    public var otherFailures: [NoteProblem]
    /// What was done, one line each, e.g. `updated Notes/x.md (2 outputs)`.
    public var notices: [String]

    public init(notes: [NoteCheck], problems: [NoteProblem] = [], otherFailures: [NoteProblem] = [],
                notices: [String] = []) {
        self.notes = notes
        self.problems = problems
        self.otherFailures = otherFailures
        self.notices = notices
    }

    public var passedCount: Int { notes.reduce(0) { $0 + $1.passedCount } }
    public var failedCount: Int { notes.reduce(0) { $0 + $1.failedCount } }

    /// Whether `check` fails: a cell failed, a note could not be read, or something outside the cells failed.
    public var failed: Bool { failedCount > 0 || !otherFailures.isEmpty || problems.containsError }

    /// The last line `check` prints: `N passed, N failed`, counting cells.
    public var summary: String { "\(passedCount) passed, \(failedCount) failed" }

    /// The cells that failed, or were updated, in note order: what a report lists.
    public var cellsToReport: [CellCheck] {
        notes.flatMap(\.cells).filter { cell in
            if case .updated = cell.outcome { return true }
            return cell.failed
        }
    }
}
