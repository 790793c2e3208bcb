// Formulas and tables of a note: the parts of its prose that are more than text.

/// A formula written in TeX: `$…$` in a line, `$$…$$` on display, or a ```` ```math ```` block.
public struct Formula: Hashable, Sendable {
    /// The TeX as written, without its dollars or fences.
    public var tex: String
    /// A display formula stands on its own line, centred; an inline one flows with the text.
    public var display: Bool
    /// Where each line of the TeX starts in the note, so that a mistake at a byte of the TeX
    /// can be reported at its line and column.
    public var lineStarts: [SourcePosition]

    public init(tex: String, display: Bool, lineStarts: [SourcePosition]) {
        precondition(!lineStarts.isEmpty, "a formula starts somewhere")
        self.tex = tex
        self.display = display
        self.lineStarts = lineStarts
    }

    /// The place in the note of byte `offset` of the TeX.
    public func position(ofByte offset: Int) -> SourcePosition {
        var line = 0, lineStartOffset = 0
        for (i, byte) in tex.utf8.enumerated() where i < offset && byte == UInt8(ascii: "\n") {
            line += 1
            lineStartOffset = i + 1
        }
        let start = lineStarts[min(line, lineStarts.count - 1)]
        return SourcePosition(line: start.line, column: start.column + max(0, offset - lineStartOffset))
    }
}

/// A GitHub Flavored Markdown pipe table.
public struct Table: Hashable, Sendable {
    /// How a column's cells are aligned, from the colons of the delimiter row.
    public enum Alignment: String, Hashable, Sendable {
        case none, left, center, right
    }

    public var alignments: [Alignment]
    /// The header row: one cell per column.
    public var header: [[Inline]]
    /// The body rows, each padded or cut to one cell per column.
    public var rows: [[[Inline]]]

    public init(alignments: [Alignment], header: [[Inline]], rows: [[[Inline]]]) {
        precondition(header.count == alignments.count, "a header cell per column")
        self.alignments = alignments
        self.header = header
        self.rows = rows
    }
}
