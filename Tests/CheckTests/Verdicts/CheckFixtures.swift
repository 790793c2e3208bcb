// A fixture note and runs of it, shared by the verdict and report tests.

import Notebook
import Runner

/// A note with one cell of each kind `check` treats differently.
enum CheckFixtures {
    static let path = "Notes/01-注意力.md"

    /// Cells: 0 matching (line 5), 1 changed (line 13), 2 unrecorded (line 21),
    /// 3 norun (line 25), 4 expected failure (line 29), 5 crashing (line 37).
    static let text = """
        ---
        title: 注意力
        ---

        ```swift
        print(0.1235)
        ```

        ```output
        0.1235
        ```

        ```swift
        print("weights", 0.25)
        ```

        ```output
        weights 0.25
        ```

        ```swift
        print(1 + 1)
        ```

        ```swift norun
        while true {}
        ```

        ```swift fails
        fatalError("no")
        ```

        ```output
        Fatal error: no
        ```

        ```swift
        let a = [1][2]
        ```

        """

    static var note: Note {
        let parsed = NoteParser.parse(path: path, text: text)
        precondition(parsed.problems.isEmpty, "fixture note has problems: \(parsed.problems)")
        return parsed.note
    }

    /// A run in which cell 0 prints noise, cell 1 a real change, cell 2 an unrecorded `2`,
    /// cell 4 fails as expected and cell 5 traps.
    static var run: NoteRun {
        let trap = CellError(kind: .trap, message: "Fatal error: Index out of range",
                             location: NoteLocation(path: path, line: 38, column: 9),
                             detail: "Current stack trace:\n  0 main")
        let expected = CellError(kind: .trap, message: "Fatal error: no", location: nil)
        return NoteRun(notePath: path, cells: [
            CellRun(cellIndex: 0, status: .passed, items: [.text("0.1236\n")]),
            CellRun(cellIndex: 1, status: .passed, items: [.text("weights 0.75\n")]),
            CellRun(cellIndex: 2, status: .passed, items: [.text("2\n")]),
            CellRun(cellIndex: 3, status: .skipped, items: []),
            CellRun(cellIndex: 4, status: .failedAsExpected(expected), items: []),
            CellRun(cellIndex: 5, status: .failed(trap), items: []),
        ], fromCache: false)
    }
}
