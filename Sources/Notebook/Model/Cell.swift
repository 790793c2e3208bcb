// A Swift cell of a note: its code, its options and where it stands in the note.

/// A fenced block whose info string starts with `swift`.
public struct Cell: Hashable, Sendable {
    /// Position among the note's cells, from 0, in document order.
    public var index: Int
    public var options: CellOptions
    /// The cell's code, exactly as between the fences (line endings normalised to `\n`).
    public var source: String
    /// The whole fenced block, opening and closing fence included.
    public var range: SourceRange
    /// The note line of the first line of `source` (the line after the opening fence).
    public var firstCodeLine: Int
    /// The `output` block that follows the cell, if the note records one.
    public var output: RecordedOutput?
    /// How many bytes stand before the code on the cell's lines in the note (a list's
    /// indentation, a quote's `> `, the fence's own indentation): a column in `source` plus
    /// this is the note's column. 0 for a cell at the left margin.
    public var codeColumnOffset: Int = 0

    public init(index: Int, options: CellOptions, source: String, range: SourceRange,
                firstCodeLine: Int, output: RecordedOutput?) {
        self.index = index
        self.options = options
        self.source = source
        self.range = range
        self.firstCodeLine = firstCodeLine
        self.output = output
    }
}

/// What the info string says after `swift`, e.g. `swift hidden` or `swift fails tolerance=1e-3`.
public struct CellOptions: Hashable, Sendable, Codable {
    /// Run the cell, show only its output.
    public var hidden = false
    /// Show the cell, do not run it.
    public var norun = false
    /// The cell is expected to fail; its error is its output.
    public var fails = false
    /// Show the code collapsed under a "显示代码" toggle; the output stays in view.
    public var fold = false
    /// Wrap long output lines at the page's edge instead of scrolling them sideways.
    public var wrap = false
    /// Relative tolerance for numbers when `check` compares this cell's output.
    public var tolerance: Double?
    /// The words after `swift`, as written, so that cache keys see every option.
    public var words: [String] = []

    public init(hidden: Bool = false, norun: Bool = false, fails: Bool = false,
                fold: Bool = false, wrap: Bool = false,
                tolerance: Double? = nil, words: [String] = []) {
        self.hidden = hidden
        self.norun = norun
        self.fails = fails
        self.fold = fold
        self.wrap = wrap
        self.tolerance = tolerance
        self.words = words
    }
}

/// A fenced block with info string `output` right after a cell: the output `check` compares.
public struct RecordedOutput: Hashable, Sendable {
    /// The recorded text (line endings normalised to `\n`, ends without a final newline).
    public var text: String
    /// The whole fenced block, fences included.
    public var range: SourceRange

    public init(text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}
