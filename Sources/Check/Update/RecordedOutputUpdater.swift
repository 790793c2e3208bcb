// Accepts new outputs: writes them into the notes' `output` blocks, and nothing else.

import Notebook
import NoteResults

/// Writes the outputs of changed and unrecorded cells back into their notes.
///
/// A cell's output is written when `check` would report it: no recording, or a recording it
/// no longer matches within the tolerance. Noise within the tolerance is not written, so an
/// update never churns a note; failed and `norun` cells keep their recordings. Only notes
/// with such a cell are rewritten, through `OutputWriter` (only `output` blocks change) and
/// `NoteFile` (atomic, and refused when the file changed on disk since it was read).
public enum RecordedOutputUpdater {
    /// Checks each note against its run (matched by path) and writes the changed outputs.
    /// Notes without a run are left alone.
    public static func update(notes: [Note], runs: [NoteRun]) -> UpdateReport {
        let runsByPath = Dictionary(runs.map { ($0.notePath, $0) }, uniquingKeysWith: { first, _ in first })
        let checks = notes.compactMap { note in runsByPath[note.path].map { NoteChecker.check(note, against: $0) } }
        return update(notes: notes, checks: CheckReport(notes: checks))
    }

    /// Writes the outputs `report` found changed or unrecorded into `notes` (matched by path).
    public static func update(notes: [Note], checks report: CheckReport) -> UpdateReport {
        let notesByPath = Dictionary(notes.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        var result = UpdateReport()
        for check in report.notes {
            guard let note = notesByPath[check.notePath] else { continue }
            var outputs: [Int: String?] = [:]
            for cell in check.cells {
                if let new = cell.outputToRecord { outputs[cell.cellIndex] = new.isEmpty ? nil : new }
            }
            guard !outputs.isEmpty else { continue }
            let newText = OutputWriter.rewrite(note, outputs: outputs)
            if newText == note.text { continue }
            do {
                try NoteFile.write(newText, to: note.path, expecting: note.text)
                result.rewritten.append(.init(path: note.path, cellIndices: outputs.keys.sorted()))
            } catch {
                result.refused.append(.refusal(error, path: note.path))
            }
        }
        return result
    }

    /// `report` with the cells `update` wrote marked `.updated`, so they count as passed, its
    /// notices added and the notes it could not write added as failures.
    public static func marking(_ report: CheckReport, with update: UpdateReport) -> CheckReport {
        let written = Dictionary(update.rewritten.map { ($0.path, Set($0.cellIndices)) },
                                 uniquingKeysWith: { $0.union($1) })
        var marked = report
        marked.notices += update.notices
        marked.otherFailures += update.refused
        for n in marked.notes.indices {
            guard let cells = written[marked.notes[n].notePath] else { continue }
            for c in marked.notes[n].cells.indices where cells.contains(marked.notes[n].cells[c].cellIndex) {
                marked.notes[n].cells[c].outcome = .updated(diff: marked.notes[n].cells[c].detail)
            }
        }
        return marked
    }
}
