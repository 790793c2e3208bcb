// A note as the site sees it: the parsed note, what running it produced, and what went wrong on the way.

import Notebook
import NoteResults

/// One note to publish.
public struct SiteNote: Sendable {
    public var note: Note
    /// The outcome of running the note's cells; `nil` shows the outputs recorded in the note
    /// (`litbook build --no-exec`).
    public var run: NoteRun?
    /// Problems found while reading the note; the page shows them at the top, marked as errors.
    public var problems: [PageProblem]

    public init(note: Note, run: NoteRun? = nil, problems: [PageProblem] = []) {
        self.note = note
        self.run = run
        self.problems = problems
    }
}

/// Something wrong with a note that its page should show, e.g. an unclosed fence.
public struct PageProblem: Hashable, Sendable {
    /// Where, as messages print it: `Notes/x.md:12:5`, `Notes/x.md:12` or `Notes/x.md`.
    public var place: String
    public var message: String
    /// Errors are marked as such; warnings are shown more quietly.
    public var isError: Bool

    public init(place: String, message: String, isError: Bool = true) {
        self.place = place
        self.message = message
        self.isError = isError
    }

    /// The problem the parser reported, as the page shows it.
    public init(_ problem: NoteProblem) {
        self.init(place: problem.place, message: problem.message, isError: problem.severity == .error)
    }
}

extension SiteNote {
    /// The notes to publish: each note with its run (matched by path) and the problems found
    /// while reading it. `build` and `check --site` both pair them this way, so that a fresh
    /// build and the check see the same pages.
    public static func pairing(_ notes: [Note], runs: [NoteRun], problems: [NoteProblem]) -> [SiteNote] {
        let runsByPath = Dictionary(runs.map { ($0.notePath, $0) }, uniquingKeysWith: { first, _ in first })
        // In the order of their places, whichever check found them (reading the note, or the whole book's links).
        let problemsByPath = Dictionary(grouping: problems, by: \.path).mapValues { $0.sortedByPlace() }
        return notes.map { note in
            SiteNote(
                note: note, run: runsByPath[note.path],
                problems: (problemsByPath[note.path] ?? []).map(PageProblem.init))
        }
    }
}
