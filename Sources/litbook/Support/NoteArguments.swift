// The `[NOTES…]` argument every command takes, resolved to note paths the same way everywhere.

import Notebook

enum NoteArguments {
    /// The note files under `arguments` (default `Notes/`). A path that does not exist is a
    /// usage error (exit 2); finding no note at all is a failure (exit 1), with `consequence`
    /// saying what was left undone, since passing with nothing done would hide a mistyped folder.
    static func paths(_ arguments: [String], whenNoneFound consequence: String) throws -> [String] {
        let found = NoteFinder.find(arguments)
        if !found.problems.isEmpty {
            for problem in found.problems { Terminal.writeError(problem.description + "\n") }
            throw ExitStatus.usage
        }
        guard !found.paths.isEmpty else {
            let named = (arguments.isEmpty ? [NoteFinder.defaultFolder] : arguments).map { "'\($0)'" }.joined(
                separator: ", ")
            Terminal.writeError("error: no notes found in \(named)\(consequence)\n")
            throw ExitStatus.failure
        }
        return found.paths
    }
}
