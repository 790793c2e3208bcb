// Positions in a note's own text, so that every message can point back at `Notes/x.md:LINE:COL`.

/// A 1-based line and column in a note. Columns count UTF-8 bytes, as cmark does.
public struct SourcePosition: Hashable, Sendable, Codable, Comparable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        precondition(line >= 1 && column >= 1, "source positions are 1-based")
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }
}

/// The lines a block covers in its note, first and last line inclusive.
public struct SourceRange: Hashable, Sendable, Codable {
    public var start: SourcePosition
    public var end: SourcePosition

    public init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    public var lines: ClosedRange<Int> { start.line...max(start.line, end.line) }
}
