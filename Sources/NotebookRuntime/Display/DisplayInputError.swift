// What a display call says when its input cannot be drawn: both counts named, so the fix is obvious.

import Figures

/// A display function was given input it cannot draw, e.g. 5 row labels for 4 rows.
///
/// Public display functions stop the cell with this message (`fatalError`, at the caller's
/// file and line): the runner reports it against the cell's line, and a wrong figure never
/// gets recorded as output.
public struct DisplayInputError: Error, Equatable, CustomStringConvertible {
    /// One line naming the function and what did not fit: `heatmap: 5 row labels for 4 rows`.
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// Runs a figure builder; on bad input, stops the cell with the builder's message.
///
/// `file` and `line` are the caller's: in a cell program they point into the note (the runner
/// emits `#sourceLocation`), so the trap reads `Notes/x.md:12: Fatal error: heatmap: 5 row labels for 4 rows`.
func displayOrStop(file: StaticString, line: UInt, _ build: () throws -> Figure) {
    do {
        CellChannel.display(try build())
    } catch let error as DisplayInputError {
        fatalError(error.message, file: file, line: line)
    } catch {
        fatalError("\(error)", file: file, line: line)
    }
}
