// Prints what went wrong in a run the way compilers do: `Notes/x.md:LINE:COL: error: message`, then detail.

import Notebook
import Runner

/// The messages for the failed cells of a run.
enum FailureReport {
    /// One block of text per failure in `runs`, in note and cell order; a problem shared by
    /// every note (a toolchain that cannot build cells) is printed once.
    static func messages(for runs: [NoteRun], notes: [Note]) -> [String] {
        var messages: [String] = []
        var printed: Set<String> = []
        let notesByPath = Dictionary(notes.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        for run in runs where run.failed {
            let note = notesByPath[run.notePath]
            var notRun = 0
            for cell in run.cells {
                switch cell.status {
                case .failed(let error):
                    if error.kind == .internalError && error.location?.line == 1 {
                        // A problem with the whole run (toolchain, settings), not with a line.
                        let text = "error: \(error.message)"
                        if printed.insert(text).inserted { messages.append(text) }
                    } else {
                        messages.append(describe(error, run: run, cell: cell.cellIndex, note: note))
                    }
                case .unexpectedlyPassed:
                    let line = note?.cells.first(where: { $0.index == cell.cellIndex })?.firstCodeLine ?? 1
                    messages.append("\(run.notePath):\(line): error: the cell is marked 'fails' but ran without error")
                case .notRun:
                    notRun += 1
                case .passed, .failedAsExpected, .skipped:
                    break
                }
            }
            if notRun > 0 {
                messages.append("\(run.notePath): note: \(notRun) other cell\(notRun == 1 ? "" : "s") not run")
            }
        }
        return messages
    }

    private static func describe(_ error: CellError, run: NoteRun, cell: Int, note: Note?) -> String {
        let line = note?.cells.first(where: { $0.index == cell })?.firstCodeLine ?? 1
        let location = error.location ?? NoteLocation(path: run.notePath, line: line)
        let header = "\(location): error: \(error.message)"
        guard !error.detail.isEmpty else { return header }
        // A compiler error's detail starts with its own header: do not print it twice.
        if error.detail.hasPrefix(header) { return error.detail }
        return header + "\n" + error.detail
    }
}
