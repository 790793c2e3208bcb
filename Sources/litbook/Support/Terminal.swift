// Whether litbook writes to a terminal (live progress, colour) or to a log (plain lines).

import Foundation

/// Facts about where litbook's output goes.
enum Terminal {
    /// Whether standard output is an interactive terminal that understands ANSI cursor
    /// movement: not a pipe, not a file, not `TERM=dumb`, and `NO_COLOR`/`CI` unset.
    static var isInteractive: Bool {
        let environment = ProcessInfo.processInfo.environment
        guard isatty(STDOUT_FILENO) == 1 else { return false }
        if environment["TERM"] == "dumb" || environment["CI"] != nil { return false }
        return true
    }

    /// The terminal's width in columns: `COLUMNS` when the shell exports it, else 80.
    static var columns: Int {
        ProcessInfo.processInfo.environment["COLUMNS"].flatMap { Int($0) }.map { max(20, $0) } ?? 80
    }

    /// Writes `text` to standard output at once (no buffering between progress redraws).
    static func write(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    /// Writes `text` to standard error.
    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
