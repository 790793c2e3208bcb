// A parsed note: front matter, its Markdown tree, its cells.

/// One Markdown study note.
public struct Note: Hashable, Sendable {
    /// The path as the user gave it or as found under a folder, e.g. `Notes/01-自注意力.md`.
    /// Every message about the note uses it.
    public var path: String
    /// The file's bytes decoded as UTF-8, exactly as on disk (BOM, CRLF and all).
    public var text: String
    public var frontMatter: FrontMatter
    public var blocks: [Block]
    public var cells: [Cell]
    /// Every link written in the prose, where it is written, for checks that need the whole
    /// book (a link to a note that is not in it).
    public var links: [LinkPlace]

    public init(
        path: String, text: String, frontMatter: FrontMatter, blocks: [Block], cells: [Cell], links: [LinkPlace] = []
    ) {
        self.path = path
        self.text = text
        self.frontMatter = frontMatter
        self.blocks = blocks
        self.cells = cells
        self.links = links
    }
}

/// A link's destination as written, and where: line and column (UTF-8 bytes, 1-based) of the destination.
public struct LinkPlace: Hashable, Sendable {
    public var destination: String
    public var line: Int
    public var column: Int

    public init(destination: String, line: Int, column: Int) {
        self.destination = destination
        self.line = line
        self.column = column
    }
}

/// `key: value` lines between `---` fences at the top of a note.
public struct FrontMatter: Hashable, Sendable {
    /// Every key and value, in the order written.
    public var entries: [(key: String, value: String)]

    public init(entries: [(key: String, value: String)] = []) {
        self.entries = entries
    }

    public subscript(key: String) -> String? {
        entries.last(where: { $0.key == key })?.value
    }

    public var title: String? { self["title"] }
    public var order: Int? { self["order"].flatMap { Int($0) } }

    public static func == (a: FrontMatter, b: FrontMatter) -> Bool {
        a.entries.elementsEqual(b.entries, by: { $0.key == $1.key && $0.value == $1.value })
    }

    public func hash(into hasher: inout Hasher) {
        for e in entries {
            hasher.combine(e.key)
            hasher.combine(e.value)
        }
    }
}
