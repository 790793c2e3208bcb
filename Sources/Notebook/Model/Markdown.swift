// The Markdown tree of a note as plain Swift values, copied out of cmark by `CmarkConverter`.

/// A block-level element of a note.
public indirect enum Block: Hashable, Sendable {
    case heading(level: Int, content: [Inline], range: SourceRange)
    case paragraph([Inline], range: SourceRange)
    case blockQuote([Block], range: SourceRange)
    case list(MarkdownList, range: SourceRange)
    /// A fenced or indented code block that is neither a cell nor a recorded output.
    case codeBlock(info: String, literal: String, range: SourceRange)
    /// A Swift cell: `note.cells[index]`.
    case cell(index: Int)
    /// The recorded `output` block that follows cell `cell`: `note.cells[cell].output`.
    case recordedOutput(cell: Int)
    /// Raw HTML, kept as written (see the README for the rule the site applies).
    case html(String, range: SourceRange)
    case thematicBreak(range: SourceRange)
    /// A ```` ```math ```` block: a display formula.
    case math(Formula, range: SourceRange)
    /// A pipe table, found on a paragraph whose second line is a delimiter row.
    case table(Table, range: SourceRange)
}

/// An ordered or bullet list; each item is a sequence of blocks.
public struct MarkdownList: Hashable, Sendable {
    public var ordered: Bool
    /// The number of the first item of an ordered list.
    public var start: Int
    /// A tight list renders its paragraphs without `<p>`.
    public var tight: Bool
    public var items: [[Block]]

    public init(ordered: Bool, start: Int, tight: Bool, items: [[Block]]) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
        self.items = items
    }
}

/// An inline element inside a heading or paragraph.
public indirect enum Inline: Hashable, Sendable {
    case text(String)
    case softBreak
    case lineBreak
    case code(String)
    case emphasis([Inline])
    case strong([Inline])
    case link(destination: String, title: String, content: [Inline])
    case image(source: String, title: String, alt: [Inline])
    case html(String)
    /// `$…$` or `$$…$$`.
    case math(Formula)
}

extension Inline {
    /// The text a reader sees, without markup: used for titles, anchors and search.
    public var plainText: String {
        switch self {
        case .text(let s), .code(let s): return s
        case .math(let formula): return formula.tex
        case .softBreak, .lineBreak: return " "
        case .emphasis(let c), .strong(let c), .link(_, _, let c), .image(_, _, let c):
            return c.plainText
        case .html: return ""
        }
    }
}

extension Array where Element == Inline {
    /// The concatenated plain text of these inlines.
    public var plainText: String { map(\.plainText).joined() }
}
