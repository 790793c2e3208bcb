// Parses a note's text into a `Note`: front matter, Markdown tree, cells and recorded outputs.

/// Parses notes.
public enum NoteParser {
    /// Parses the text of the note at `path` (the path is only used in problems and `Note.path`).
    ///
    /// Never fails: whatever is wrong becomes a problem with its line, and the rest is parsed.
    /// Line numbers are the file's own: front matter lines are blanked (not removed) before cmark
    /// sees the text, and a BOM is removed (columns on line 1 do not count it).
    public static func parse(path: String, text: String) -> (note: Note, problems: [NoteProblem]) {
        let lines = NoteLines(text)
        let frontMatter = FrontMatterParser.parse(lines, path: path)
        let markdown = markdownText(lines, blanking: frontMatter.lines)
        var collector = CellCollector(lines: lines, path: path)
        let blocks = collector.collect(CmarkConverter.blocks(from: markdown))
        let note = Note(path: path, text: text, frontMatter: frontMatter.frontMatter, blocks: blocks, cells: collector.cells)
        let problems = (frontMatter.problems + collector.problems).sorted { ($0.line, $0.column ?? 0) < ($1.line, $1.column ?? 0) }
        return (note, problems)
    }

    /// The text cmark parses: no BOM, front matter lines emptied but their line endings kept.
    private static func markdownText(_ lines: NoteLines, blanking blanked: ClosedRange<Int>?) -> String {
        let bodyStart = lines.hasByteOrderMark ? NoteLines.byteOrderMark.count : 0
        guard let blanked else { return String(decoding: lines.bytes[bodyStart...], as: UTF8.self) }
        var bytes: [UInt8] = []
        for number in blanked { bytes += lines.ending(number) }
        bytes += lines.bytes[lines.line(blanked.upperBound).end...]
        return String(decoding: bytes, as: UTF8.self)
    }
}
