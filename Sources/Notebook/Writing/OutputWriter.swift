// Writes cells' recorded outputs into a note's text, changing only the output blocks.

/// Puts recorded outputs into a note's text.
///
/// The exact rule, per cell given in `outputs`:
/// - **Replace**: the cell has an `output` block. If it already records the same text (after
///   `RecordedOutput.recordable`), nothing changes, not even its fence. Otherwise the block's
///   lines, fences included, are replaced; the lines between the cell and the block stay.
/// - **Insert**: the cell has none. Right after the cell's closing fence line come one blank
///   line, then the block. Inside a tight list no blank line is added (it would make the list
///   loose and change how it renders).
/// - **Remove** (`nil`): the block goes, with the blank lines between it and the cell.
/// - A cell whose fence is never closed is left alone: its block would become part of its code.
///
/// New lines take the container prefix of the fence line next to them (`> `, list indentation),
/// and the line ending of that line (so CRLF notes stay CRLF). A note without a final newline
/// keeps having none. Every other byte is kept: BOM, tabs, trailing spaces, prose.
public enum OutputWriter {
    /// The note's text with each given cell's output block replaced, inserted or — for nil —
    /// removed. Every other byte is kept. Complexity: O(size of the note + size of the outputs).
    ///
    /// The cells are found again in `note.text`, so that the byte ranges always come from the
    /// text being rewritten, even for a `Note` changed after parsing; cell indices are the same.
    public static func rewrite(_ note: Note, outputs: [Int: String?]) -> String {
        guard !outputs.isEmpty else { return note.text }
        let parsed = NoteParser.parse(path: note.path, text: note.text).note
        let lines = NoteLines(parsed.text)
        var edits: [Edit] = []
        for (index, output) in outputs {
            precondition(parsed.cells.indices.contains(index), "cell \(index) is not a cell of \(note.path)")
            if let edit = edit(
                for: parsed.cells[index], output: output.map(RecordedOutput.recordable),
                lines: lines, inTightList: CellPlacement.isDirectlyInTightList(cell: index, in: parsed.blocks))
            {
                edits.append(edit)
            }
        }
        // Edits never overlap (each stays within its own cell's lines), so one pass in text
        // order copies the untouched bytes between them.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lines.bytes.count + edits.reduce(0) { $0 + $1.replacement.count })
        var copied = 0
        for edit in edits.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            precondition(edit.range.lowerBound >= copied, "output edits overlap in \(note.path)")
            bytes += lines.bytes[copied..<edit.range.lowerBound]
            bytes += edit.replacement
            copied = edit.range.upperBound
        }
        bytes += lines.bytes[copied...]
        return String(decoding: bytes, as: UTF8.self)
    }

    // MARK: - Edits

    /// Bytes `range` of the note become `replacement`.
    private struct Edit {
        var range: Range<Int>
        var replacement: [UInt8]
    }

    private static func edit(for cell: Cell, output: String?, lines: NoteLines, inTightList: Bool) -> Edit? {
        guard CellCollector.isClosed(cell, in: lines) else { return nil }
        let cellEnd = cell.range.end.line
        switch (cell.output, output) {
        case (nil, nil):
            return nil
        case (let recorded?, nil):
            return removal(of: recorded, after: cellEnd, lines: lines)
        case (let recorded?, let text?):
            // Bytes, not `==`: Swift's String equality would call é and e + ◌́ the same.
            let same = recorded.text.utf8.elementsEqual(text.utf8)
            return same ? nil : replacement(of: recorded, with: text, lines: lines)
        case (nil, let text?):
            return insertion(of: text, after: cell, lines: lines, inTightList: inTightList)
        }
    }

    private static func removal(of recorded: RecordedOutput, after cellEnd: Int, lines: NoteLines) -> Edit {
        let last = lines.line(recorded.range.end.line)
        let cellLine = lines.line(cellEnd)
        // A block that ends the file without a final newline takes the cell line's ending with
        // it, so that the file still ends without one.
        let start = last.hasEnding ? cellLine.end : cellLine.contentEnd
        return Edit(range: start..<last.end, replacement: [])
    }

    private static func replacement(of recorded: RecordedOutput, with text: String, lines: NoteLines) -> Edit {
        let first = recorded.range.start.line
        let content = lines.content(first)
        let fenceStart = FenceLine.opening(in: content, column: recorded.range.start.column)?.fenceStart ?? 0
        let block = OutputBlock(prefix: containerPrefix(content.prefix(fenceStart)),
                                lineEnding: lineEnding(near: first, lines: lines), text: text)
        return Edit(range: lines.line(first).start..<lines.line(recorded.range.end.line).contentEnd,
                    replacement: block.joined)
    }

    private static func insertion(of text: String, after cell: Cell, lines: NoteLines, inTightList: Bool) -> Edit {
        let closing = cell.range.end.line
        let content = lines.content(closing)
        let opening = FenceLine.opening(in: lines.content(cell.range.start.line), column: cell.range.start.column)
        let fenceStart = opening?.closingFenceStart(in: content) ?? 0
        let ending = lineEnding(near: closing, lines: lines)
        let block = OutputBlock(prefix: containerPrefix(content.prefix(fenceStart)), lineEnding: ending, text: text)
        var inserted: [UInt8] = []
        if !inTightList { inserted += block.blankPrefix + ending }
        inserted += block.joined
        let line = lines.line(closing)
        if line.hasEnding {
            return Edit(range: line.end..<line.end, replacement: inserted + ending)
        }
        return Edit(range: line.contentEnd..<line.contentEnd, replacement: ending + inserted)
    }

    // MARK: - Prefixes and line endings

    /// The fence line's container prefix, with a space after a final `>` so that a text line
    /// starting with a space keeps it (a quote marker eats one optional space).
    private static func containerPrefix(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var prefix = Array(bytes)
        if prefix.last == UInt8(ascii: ">") { prefix.append(UInt8(ascii: " ")) }
        return prefix
    }

    /// The ending of line `number`, or if it has none (the last line) the note's first line
    /// ending, or `\n`.
    private static func lineEnding(near number: Int, lines: NoteLines) -> [UInt8] {
        let own = lines.ending(number)
        if !own.isEmpty { return Array(own) }
        if let other = lines.lines.first(where: \.hasEnding) {
            return Array(lines.bytes[other.contentEnd..<other.end])
        }
        return [UInt8(ascii: "\n")]
    }
}
