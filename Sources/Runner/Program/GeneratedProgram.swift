// The Swift program of one note: its cells in order, bracketed so the runner can tell them apart.

/// The `main.swift` litbook compiles for a note.
public struct GeneratedProgram: Hashable, Sendable {
    /// The program's text.
    public var source: String
    /// The note's cells the program runs, in order (`norun` cells and dropped `fails` cells left out).
    public var cellIndices: [Int]
    /// Which cell each line of `source` belongs to (1-based lines), for diagnostics the
    /// compiler reports in the program's own lines rather than the note's.
    public var cellOfLine: [Int: Int]

    /// The cell that a diagnostic on line `line` of the program is about: the cell of that
    /// line, else the nearest cell before it, else the first cell.
    public func cell(atProgramLine line: Int) -> Int? {
        if let cell = cellOfLine[line] { return cell }
        let before = cellOfLine.filter { $0.key < line }.max(by: { $0.key < $1.key })
        return before?.value ?? cellIndices.first
    }
}
