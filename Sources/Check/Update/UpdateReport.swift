// What writing new outputs back into notes did: notes rewritten, notes refused.

import Notebook

/// The outcome of writing accepted outputs back into their notes.
public struct UpdateReport: Hashable, Sendable {
    /// A note whose output blocks were rewritten, and which cells (indices from 0) changed.
    public struct Rewrite: Hashable, Sendable {
        public var path: String
        public var cellIndices: [Int]
    }

    public var rewritten: [Rewrite] = []
    /// Notes left as they were because they could not be written, e.g.
    /// `Notes/x.md: error: changed on disk while litbook ran; not overwritten`.
    public var refused: [NoteProblem] = []

    public init(rewritten: [Rewrite] = [], refused: [NoteProblem] = []) {
        self.rewritten = rewritten
        self.refused = refused
    }

    /// Whether any note could not be written: the command then exits non-zero.
    public var failed: Bool { !refused.isEmpty }

    /// One line per rewritten note, e.g. `updated Notes/x.md (2 outputs)`.
    public var notices: [String] {
        rewritten.map { "updated \($0.path) (\($0.cellIndices.count) output\($0.cellIndices.count == 1 ? "" : "s"))" }
    }
}

extension NoteProblem {
    /// Why `note` was not written back, as a problem naming the file.
    static func refusal(_ error: Error, path: String) -> NoteProblem {
        let message: String
        switch error as? NoteFileError {
        case .changedOnDisk?: message = "changed on disk while litbook ran; not overwritten"
        case .cannotWrite(_, let reason)?: message = "could not be written: \(reason); the file is unchanged"
        case nil: message = "could not be written: \(error); the file is unchanged"
        }
        return .error(message, path: path, line: 0)
    }
}
