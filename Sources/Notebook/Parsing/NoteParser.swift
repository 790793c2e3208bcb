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
        var prose = ProseParser(lines: lines, path: path) { replaced in
            markdownText(lines, blanking: frontMatter.lines, replacing: replaced)
        }
        var collector = CellCollector(lines: lines, path: path)
        let blocks = collector.collect(prose.parse())
        let note = Note(
            path: path, text: text, frontMatter: frontMatter.frontMatter, blocks: blocks, cells: collector.cells,
            links: prose.links)
        let problems = (frontMatter.problems + prose.problems + collector.problems).sortedByPlace()
        return (note, problems)
    }

    /// The text cmark parses: no BOM, front matter lines emptied but their line endings kept,
    /// and the content of the lines in `replaced` replaced (formulas masked, see `MathSpans`).
    private static func markdownText(_ lines: NoteLines, blanking blanked: ClosedRange<Int>?,
                                     replacing replaced: [Int: [UInt8]]) -> String {
        let bodyStart = lines.hasByteOrderMark ? NoteLines.byteOrderMark.count : 0
        if blanked == nil && replaced.isEmpty { return String(decoding: lines.bytes[bodyStart...], as: UTF8.self) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.bytes.count)
        for number in 1...lines.count {
            if let blanked, blanked.contains(number) {
                bytes += lines.ending(number)
            } else {
                bytes += replaced[number] ?? Array(lines.content(number))
                bytes += lines.ending(number)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
